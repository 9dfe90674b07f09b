#include "model/webhook/Fields.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace egret::webhook {

YAML::Node field(const YAML::Node &map, const char *key) {
    if (!map || !map.IsMap())
        return YAML::Node(YAML::NodeType::Undefined);
    // Never assign a node to a bound one (yaml-cpp rewrites the tree): return by value.
    return map[key];
}

QString text(const YAML::Node &scalar) {
    return scalar && scalar.IsScalar() ? QString::fromStdString(scalar.Scalar()) : QString();
}

bool isSet(const YAML::Node &n) {
    return n && !n.IsNull();
}

std::optional<qint64> integer(const YAML::Node &scalar) {
    if (!scalar || !scalar.IsScalar())
        return std::nullopt;
    bool ok = false;
    const qint64 v = QString::fromStdString(scalar.Scalar()).toLongLong(&ok, 10);
    return ok ? std::optional<qint64>(v) : std::nullopt;
}

void forEachItem(const YAML::Node &sequence,
                 const std::function<void(const YAML::Node &, int)> &fn) {
    if (!sequence || !sequence.IsSequence())
        return;
    int i = 0;
    for (const YAML::Node &item : sequence)
        fn(item, i++);
}

QString indexed(const QString &path, int index) {
    return QStringLiteral("%1[%2]").arg(path).arg(index);
}

QString checkPort(qint64 port) {
    if (port >= 1 && port <= 65535)
        return {};
    return QStringLiteral("port number %1 must be in the range 1..65535").arg(port);
}

bool isIstioDnsLabel(const QString &label) {
    static const QRegularExpression re(
        QStringLiteral("^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$"));
    return label.size() <= 63 && re.match(label).hasMatch();
}

namespace {

bool isWildcardLabel(const QString &label) {
    static const QRegularExpression re(
        QStringLiteral("^(?:\\*|(?:\\*|\\*-)?[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?)$"));
    return label.size() <= 63 && re.match(label).hasMatch();
}

QString preconditions(const QString &host) {
    if (host.isEmpty())
        return QStringLiteral("an empty domain name is not allowed");
    if (host.size() > 255)
        return QStringLiteral("domain name \"%1\" is too long (at most 255 characters)").arg(host);
    return {};
}

// The labels after the first, each a DNS-1123 label, a final empty one allowed ("istio.io.").
QString checkLabels(const QString &host, const QString &labels) {
    const QStringList parts = labels.split(QLatin1Char('.'));
    bool numeric = false;
    parts.last().toLongLong(&numeric);
    if (numeric)
        return QStringLiteral("domain name \"%1\" is invalid: its top-level domain \"%2\" is "
                              "all digits")
            .arg(host, parts.last());
    for (int i = 0; i < parts.size(); ++i) {
        if (i == parts.size() - 1 && parts[i].isEmpty())
            return {};
        if (!isIstioDnsLabel(parts[i]))
            return QStringLiteral("domain name \"%1\" is invalid: \"%2\" is not a DNS label "
                                  "(letters, digits and '-', at most 63)")
                .arg(host, parts[i]);
    }
    return {};
}

} // namespace

QString checkFqdn(const QString &host) {
    if (QString p = preconditions(host); !p.isEmpty())
        return p;
    return checkLabels(host, host);
}

QString checkWildcardDomain(const QString &host) {
    if (QString p = preconditions(host); !p.isEmpty())
        return p;
    const qsizetype dot = host.indexOf(QLatin1Char('.'));
    const QString first = dot < 0 ? host : host.left(dot);
    if (!isWildcardLabel(first))
        return QStringLiteral("domain name \"%1\" is invalid: \"%2\" is not a DNS label (a "
                              "wildcard '*' only leads the first label)")
            .arg(host, first);
    return dot < 0 ? QString() : checkLabels(host, host.mid(dot + 1));
}

std::optional<qint64> durationNanos(const QString &text) {
    // Protobuf's JSON form: seconds with up to nine decimals and an "s".
    static const QRegularExpression re(QStringLiteral("^(-?)(\\d+)(?:\\.(\\d{1,9}))?s$"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    bool ok = false;
    const qint64 seconds = m.captured(2).toLongLong(&ok);
    if (!ok || seconds > 315576000000LL)
        return std::nullopt;
    const qint64 nanos = m.captured(3).leftJustified(9, QLatin1Char('0')).toLongLong();
    const qint64 total = seconds * 1000000000LL + nanos;
    return m.captured(1).isEmpty() ? total : -total;
}

QString checkDuration(const QString &text) {
    const std::optional<qint64> nanos = durationNanos(text);
    if (!nanos)
        return {};
    if (*nanos < 1000000)
        return QStringLiteral("duration \"%1\" must be at least 1ms").arg(text);
    if (*nanos % 1000000 != 0)
        return QStringLiteral("duration \"%1\" is finer than a millisecond, which Istio does "
                              "not support")
            .arg(text);
    return {};
}

void checkSelectorLabels(const YAML::Node &labels, const QString &path, WebhookReport &report) {
    if (!labels || !labels.IsMap())
        return;
    if (labels.size() == 0) {
        report.warning(labels, path,
                       QStringLiteral("a workload selector without labels selects "
                                      "every workload of the namespace"));
        return;
    }
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        const QString key = text(it->first);
        const QString value = text(it->second);
        const QString pair = QStringLiteral("%1=%2").arg(key, value);
        if (key.isEmpty())
            report.error(it->first, path,
                         QStringLiteral("a selector key may not be empty (\"%1\")").arg(pair));
        if (key.contains(QLatin1Char('*')) || value.contains(QLatin1Char('*')))
            report.error(it->second ? it->second : it->first, path + QLatin1Char('.') + key,
                         QStringLiteral("a selector matches labels exactly; the wildcard in "
                                        "\"%1\" is not supported")
                             .arg(pair));
    }
}

QString documentNamespace(const YAML::Node &document) {
    return text(field(field(document, "metadata"), "namespace"));
}

void checkExportTo(const YAML::Node &exportTo, const QString &path, const QString &ns,
                   ExportToOf of, WebhookReport &report) {
    if (!exportTo || !exportTo.IsSequence() || exportTo.size() == 0)
        return;
    QSet<QString> seen;
    QHash<QString, QString> written; // key -> the entry as first written
    forEachItem(exportTo, [&](const YAML::Node &item, int i) {
        if (!item.IsScalar())
            return; // the schema reports the type
        const QString entry = text(item);
        const QString key = entry == QLatin1String(".") && !ns.isEmpty() ? ns : entry;
        if (seen.contains(key)) {
            report.error(item, indexed(path, i),
                         written.value(key) != entry
                             ? QStringLiteral("exportTo lists both \".\" and the document's own "
                                              "namespace %1, which \".\" means")
                                   .arg(ns)
                             : QStringLiteral("exportTo lists \"%1\" twice").arg(entry));
            return;
        }
        written.insert(key, entry);
        if (entry == QLatin1String("~") && of != ExportToOf::ServiceEntry) {
            report.error(item, indexed(path, i),
                         QStringLiteral("exportTo \"~\" (no one) is allowed only on a "
                                        "ServiceEntry"));
            return;
        }
        if (entry != QLatin1String(".") && entry != QLatin1String("*") &&
            entry != QLatin1String("~") && !isIstioDnsLabel(entry)) {
            report.error(item, indexed(path, i),
                         QStringLiteral("exportTo \"%1\" is not \".\", \"*\" or a namespace name")
                             .arg(entry));
            return;
        }
        seen.insert(key);
    });
    const int count = int(exportTo.size());
    if (of == ExportToOf::DestinationRuleWithSelector && !seen.isEmpty()) {
        const bool own = seen.contains(ns.isEmpty() ? QStringLiteral(".") : ns);
        if (!own)
            report.error(exportTo, path,
                         QStringLiteral("a DestinationRule with a workload selector cannot be "
                                        "exported beyond its own namespace"));
        else if (seen.size() > 1)
            report.error(exportTo, path,
                         QStringLiteral("a DestinationRule with a workload selector takes one "
                                        "exportTo entry, its own namespace"));
    }
    if (seen.contains(QStringLiteral("*")) && count > 1)
        report.error(exportTo, path,
                     QStringLiteral("exportTo \"*\" (everyone) cannot be listed with other "
                                    "entries"));
    if (seen.contains(QStringLiteral("~")) && count > 1)
        report.error(exportTo, path,
                     QStringLiteral("a ServiceEntry cannot be exported to no one (\"~\") and to "
                                    "someone"));
}

} // namespace egret::webhook

// Rules of Istio's VirtualService webhook shared by its http, tls and tcp routes
// (pkg/config/validation/validation.go: validateDestination, validateRouteDestinations,
// validateGatewayNames, labels.Instance.Validate).
#include "model/webhook/VirtualServiceRules.h"

#include "model/webhook/Fields.h"
#include "model/webhook/Labels.h"

#include <QRegularExpression>

namespace egret::webhook::vs {

std::optional<double> number(const YAML::Node &scalar) {
    if (!scalar || !scalar.IsScalar())
        return std::nullopt;
    bool ok = false;
    const double v = QString::fromStdString(scalar.Scalar()).toDouble(&ok);
    return ok ? std::optional<double>(v) : std::nullopt;
}

namespace {

// RE2 (Envoy's and Go's engine) has no lookaround, backreferences, atomic groups or possessive
// quantifiers, which PCRE (QRegularExpression) accepts; name the first one found.
QString re2Unsupported(const QString &re) {
    bool inClass = false;
    for (qsizetype i = 0; i < re.size(); ++i) {
        const QChar c = re[i];
        const QChar next = i + 1 < re.size() ? re[i + 1] : QChar();
        if (c == QLatin1Char('\\')) {
            if (!inClass && next.isDigit() && next != QLatin1Char('0'))
                return QStringLiteral("backreferences");
            ++i;
            continue;
        }
        if (inClass) {
            inClass = c != QLatin1Char(']');
            continue;
        }
        if (c == QLatin1Char('[')) {
            inClass = true;
            if (next == QLatin1Char(']'))
                ++i; // a leading ']' is a member
            continue;
        }
        const QStringView rest = QStringView(re).mid(i);
        for (const char *look : {"(?=", "(?!", "(?<=", "(?<!"})
            if (rest.startsWith(QLatin1String(look)))
                return QStringLiteral("lookahead and lookbehind");
        if (rest.startsWith(QLatin1String("(?>")))
            return QStringLiteral("atomic groups");
        if ((c == QLatin1Char('*') || c == QLatin1Char('+') || c == QLatin1Char('?') ||
             c == QLatin1Char('}')) &&
            next == QLatin1Char('+'))
            return QStringLiteral("possessive quantifiers");
    }
    return {};
}

} // namespace

QString regexProblem(const QString &regex) {
    if (regex.toUtf8().size() > 1024)
        return QStringLiteral("the regular expression is longer than 1024 characters, Envoy's "
                              "limit");
    const QRegularExpression re(regex);
    if (!re.isValid())
        return QStringLiteral("\"%1\" is not a valid regular expression (%2)")
            .arg(regex, re.errorString());
    if (const QString what = re2Unsupported(regex); !what.isEmpty())
        return QStringLiteral("\"%1\" uses %2, which RE2 (the regular expressions Istio and "
                              "Envoy use) does not support")
            .arg(regex, what);
    return {};
}

void checkDestination(const YAML::Node &destination, const QString &path, WebhookReport &report) {
    if (!destination || !destination.IsMap())
        return;
    // A missing host is the schema's to report.
    const YAML::Node host = field(destination, "host");
    const QString h = text(host);
    if (host && host.IsScalar()) {
        if (h == QLatin1String("*"))
            report.error(host, path + QStringLiteral(".host"),
                         QStringLiteral("a destination host cannot be \"*\"; name a service"));
        else if (const QString problem = checkWildcardDomain(h); !problem.isEmpty())
            report.error(host, path + QStringLiteral(".host"), problem);
    }
    const YAML::Node subset = field(destination, "subset");
    if (const QString s = text(subset); !s.isEmpty() && !isIstioDnsLabel(s))
        report.error(subset, path + QStringLiteral(".subset"),
                     QStringLiteral("subset name \"%1\" is not a DNS label (letters, digits and "
                                    "'-', at most 63)")
                         .arg(s));
    const YAML::Node port = field(destination, "port");
    if (port && port.IsMap()) {
        const YAML::Node numberNode = field(port, "number");
        if (const QString problem = checkPort(integer(numberNode).value_or(0)); !problem.isEmpty())
            report.error(numberNode ? numberNode : port, path + QStringLiteral(".port.number"),
                         problem);
    }
}

void checkRouteDestinations(const YAML::Node &routes, const QString &path, WebhookReport &report) {
    qint64 total = 0;
    forEachItem(routes, [&](const YAML::Node &route, int i) {
        const QString at = indexed(path, i);
        checkDestination(field(route, "destination"), at + QStringLiteral(".destination"), report);
        const YAML::Node weight = field(route, "weight");
        const qint64 w = integer(weight).value_or(0);
        if (w < 0)
            report.error(weight, at + QStringLiteral(".weight"),
                         QStringLiteral("a destination's weight cannot be negative (%1)").arg(w));
        total += w;
    });
    if (routes && routes.IsSequence() && routes.size() > 1 && total == 0)
        report.error(routes, path,
                     QStringLiteral("the weights of the route's %1 destinations add up to 0; give "
                                    "at least one a weight")
                         .arg(routes.size()));
}

void checkGatewayNames(const YAML::Node &gateways, const QString &path, WebhookReport &report) {
    if (!gateways || !gateways.IsSequence())
        return;
    for (std::size_t i = 0; i < gateways.size(); ++i) {
        const YAML::Node item = gateways[i];
        if (!item.IsScalar())
            continue;
        const QString at = indexed(path, int(i));
        const QString name = text(item);
        const qsizetype slash = name.indexOf(QLatin1Char('/'));
        if (slash < 0) {
            if (name.contains(QLatin1Char('.'))) {
                const QStringList parts = name.split(QLatin1Char('.'));
                report.warning(item, at,
                               QStringLiteral("gateway \"%1\" is named in the old "
                                              "<name>.<namespace> form; prefer \"%2/%3\"")
                                   .arg(name, parts[1], parts[0]));
            }
            if (const QString problem = checkFqdn(name); !problem.isEmpty())
                report.error(item, at, QStringLiteral("gateway %1").arg(problem));
            // Istio stops at the first gateway named without a namespace.
            return;
        }
        const QString ns = name.left(slash), gateway = name.mid(slash + 1);
        if (ns.isEmpty() || gateway.isEmpty())
            report.error(item, at,
                         QStringLiteral("gateway \"%1\": neither the namespace nor the name may "
                                        "be empty")
                             .arg(name));
        if (!isIstioDnsLabel(ns))
            report.error(item, at,
                         QStringLiteral("gateway \"%1\": the namespace \"%2\" is not a DNS label")
                             .arg(name, ns));
        if (!isIstioDnsLabel(gateway))
            report.error(item, at,
                         QStringLiteral("gateway \"%1\": the name \"%2\" is not a DNS label")
                             .arg(name, gateway));
    }
}

void checkSourceLabels(const YAML::Node &labels, const QString &path, WebhookReport &report) {
    if (!labels || !labels.IsMap())
        return;
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        const QString key = text(it->first);
        if (!checkLabelKey(key).isEmpty())
            report.error(it->first, path,
                         QStringLiteral("\"%1\" is not a valid label key").arg(key));
        if (it->second.IsScalar() && !isLabelValue(text(it->second)))
            report.error(it->second, path + QLatin1Char('.') + key,
                         QStringLiteral("\"%1\" is not a valid label value (letters, digits, "
                                        "'-', '_' and '.', starting and ending with a letter or "
                                        "digit)")
                             .arg(text(it->second)));
    }
}

void checkMatchPort(const YAML::Node &port, const QString &path, WebhookReport &report) {
    const qint64 p = integer(port).value_or(0);
    if (p == 0)
        return;
    if (const QString problem = checkPort(p); !problem.isEmpty())
        report.error(port, path, problem);
}

// jwt.ToRoutingClaim: "@request.auth.claims.<name>" or "@request.auth.claims[<name>]...".
bool isJwtClaimKey(const QString &key) {
    const QString prefix = QStringLiteral("@request.auth.claims");
    if (!key.toLower().startsWith(prefix))
        return false;
    const QString rest = key.mid(prefix.size());
    return rest.startsWith(QLatin1Char('.')) ||
           (rest.startsWith(QLatin1Char('[')) && rest.endsWith(QLatin1Char(']')));
}

} // namespace egret::webhook::vs

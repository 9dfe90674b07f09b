#include "model/webhook/Labels.h"

#include "model/webhook/Fields.h"

#include <QRegularExpression>

namespace egret::webhook {

// An optional DNS-name prefix and '/', then a name of at most 63 characters.
QString checkLabelKey(const QString &key) {
    static const QRegularExpression re(
        QStringLiteral("^(?:([a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[-a-zA-Z0-"
                       "9]*[a-zA-Z0-9])?"
                       ")*)/)?((?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$"));
    const QRegularExpressionMatch m = re.match(key);
    if (!m.hasMatch())
        return QStringLiteral("label key \"%1\" is not a valid Kubernetes label name").arg(key);
    if (m.captured(1).size() > 253)
        return QStringLiteral("label key \"%1\" has a prefix longer than 253 characters").arg(key);
    if (m.captured(2).size() > 63)
        return QStringLiteral("label key \"%1\" has a name longer than 63 characters").arg(key);
    return {};
}

bool isLabelValue(const QString &value) {
    static const QRegularExpression re(
        QStringLiteral("^(?:(?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$"));
    return re.match(value).hasMatch();
}

void checkLabelMap(const YAML::Node &labels, const QString &path, WebhookReport &report) {
    if (!labels || !labels.IsMap())
        return;
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        const QString key = text(it->first);
        const QString at = path + QLatin1Char('.') + key;
        if (const QString problem = checkLabelKey(key); !problem.isEmpty())
            report.error(it->first, at, problem);
        const QString value = text(it->second);
        if (!isLabelValue(value))
            report.error(it->second, at,
                         QStringLiteral("label value \"%1\" of \"%2\" is not a valid label value "
                                        "(letters, digits, '-', '_' and '.', starting and ending "
                                        "with a letter or digit)")
                             .arg(value, key));
    }
}

} // namespace egret::webhook

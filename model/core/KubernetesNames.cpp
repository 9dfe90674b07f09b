#include "model/core/KubernetesNames.h"

#include <QStringList>

namespace egret {

namespace {

bool isLabelChar(QChar c) {
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
           (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-');
}

} // namespace

QString checkDnsLabel(const QString &text) {
    if (text.isEmpty())
        return QStringLiteral("the name is empty");
    for (QChar c : text)
        if (!isLabelChar(c))
            return QStringLiteral("\"%1\" is not a valid name (lower-case letters, digits and '-')")
                .arg(text);
    if (text.size() > 63 || text.startsWith(QLatin1Char('-')) || text.endsWith(QLatin1Char('-')))
        return QStringLiteral("\"%1\" is not a valid name (at most 63 characters, no '-' at the "
                              "ends)")
            .arg(text);
    return {};
}

QString checkDnsSubdomain(const QString &text) {
    if (text.isEmpty() || text.size() > 253)
        return QStringLiteral("\"%1\" is not a valid name").arg(text);
    for (const QString &label : text.split(QLatin1Char('.')))
        if (!checkDnsLabel(label).isEmpty())
            return QStringLiteral("\"%1\" is not a valid name (lower-case letters, digits, '-' and "
                                  "'.')")
                .arg(text);
    return {};
}

} // namespace egret

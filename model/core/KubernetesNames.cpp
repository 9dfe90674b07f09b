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

QString checkDns1035Label(const QString &text) {
    if (const QString problem = checkDnsLabel(text); !problem.isEmpty())
        return problem;
    if (!(text[0] >= QLatin1Char('a') && text[0] <= QLatin1Char('z')))
        return QStringLiteral("\"%1\" is not a valid name (it must start with a letter)").arg(text);
    return {};
}

namespace {

bool isAlnum(QChar c) {
    return c.unicode() < 0x80 && c.isLetterOrNumber();
}

// The name part of a qualified name, and a label value when not empty.
bool isQualifiedNamePart(const QString &text) {
    if (text.isEmpty() || text.size() > 63 || !isAlnum(text.front()) || !isAlnum(text.back()))
        return false;
    for (QChar c : text)
        if (!isAlnum(c) && c != QLatin1Char('-') && c != QLatin1Char('_') && c != QLatin1Char('.'))
            return false;
    return true;
}

} // namespace

QString checkQualifiedName(const QString &text) {
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    const QString name = slash < 0 ? text : text.mid(slash + 1);
    if (slash >= 0) {
        const QString prefix = text.left(slash);
        if (!checkDnsSubdomain(prefix).isEmpty())
            return QStringLiteral("\"%1\" is not a valid key: its prefix \"%2\" must be a DNS "
                                  "subdomain (lower-case letters, digits, '-' and '.')")
                .arg(text, prefix);
    }
    if (!isQualifiedNamePart(name))
        return QStringLiteral("\"%1\" is not a valid key: the name%2 must be 1-63 letters, digits, "
                              "'-', '_' or '.', beginning and ending with a letter or digit")
            .arg(text, slash >= 0 ? QStringLiteral(" after '/'") : QString());
    return {};
}

QString checkLabelValue(const QString &text) {
    if (text.isEmpty() || isQualifiedNamePart(text))
        return {};
    return QStringLiteral("\"%1\" is not a valid label value (at most 63 letters, digits, '-', "
                          "'_' or '.', beginning and ending with a letter or digit)")
        .arg(text);
}

} // namespace egret

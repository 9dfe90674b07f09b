#include "model/webhook/Addresses.h"

#include <QStringList>

namespace egret::webhook {

namespace {

// Four decimal octets; Go refuses leading zeros ("01") as ambiguous octal.
bool isIpv4(QStringView text) {
    const QList<QStringView> octets = text.split(QLatin1Char('.'));
    if (octets.size() != 4)
        return false;
    for (QStringView octet : octets) {
        if (octet.isEmpty() || octet.size() > 3 || (octet.size() > 1 && octet[0] == u'0'))
            return false;
        for (QChar c : octet)
            if (c < u'0' || c > u'9')
                return false;
        if (octet.toInt() > 255)
            return false;
    }
    return true;
}

bool isHexDigit(QChar c) {
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

// The hex digits leading `text`, counted up to five (one too many for a group).
int hexDigits(QStringView text) {
    int n = 0;
    while (n < text.size() && n < 5 && isHexDigit(text[n]))
        ++n;
    return n;
}

// Up to eight groups of one to four hex digits, one "::" standing for at least one zero group,
// an IPv4 address in place of the last two groups.
bool isIpv6(QStringView text) {
    int groups = 0;
    bool ellipsis = false;
    if (text.startsWith(u"::")) {
        ellipsis = true;
        text = text.mid(2);
        if (text.isEmpty())
            return true;
    }
    while (groups < 8) {
        const int digits = hexDigits(text);
        if (digits == 0 || digits > 4)
            return false;
        if (digits < text.size() && text[digits] == u'.') {
            // The embedded IPv4 address ends the text and takes two groups.
            if ((!ellipsis && groups != 6) || groups + 2 > 8 || !isIpv4(text))
                return false;
            groups += 2;
            text = {};
            break;
        }
        ++groups;
        text = text.mid(digits);
        if (text.isEmpty())
            break;
        if (text[0] != u':' || text.size() == 1)
            return false;
        text = text.mid(1);
        if (text[0] == u':') {
            if (ellipsis)
                return false;
            ellipsis = true;
            text = text.mid(1);
            if (text.isEmpty())
                break;
        }
    }
    if (!text.isEmpty())
        return false;
    return ellipsis ? groups < 8 : groups == 8;
}

} // namespace

bool isIpAddress(const QString &text) {
    const qsizetype percent = text.indexOf(QLatin1Char('%'));
    const QStringView address = QStringView(text).left(percent < 0 ? text.size() : percent);
    for (QChar c : address) {
        if (c == u'.')
            return percent < 0 && isIpv4(address);
        if (c == u':')
            return (percent < 0 || percent + 1 < text.size()) && isIpv6(address);
    }
    return false;
}

QString checkIpSubnet(const QString &text) {
    if (text.count(QLatin1Char('/')) != 1)
        return isIpAddress(text)
                   ? QString()
                   : QStringLiteral("\"%1\" is not an IP address or a CIDR block").arg(text);
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    const QString address = text.left(slash);
    const QString bits = text.mid(slash + 1);
    bool ok = !bits.isEmpty() && !(bits.size() > 1 && bits[0] == u'0') &&
              !address.contains(QLatin1Char('%')) && isIpAddress(address);
    for (QChar c : bits)
        ok = ok && c >= u'0' && c <= u'9';
    const int maxBits = address.contains(QLatin1Char(':')) ? 128 : 32;
    if (ok && bits.size() <= 3 && bits.toInt() <= maxBits)
        return {};
    return QStringLiteral("\"%1\" is not a valid CIDR block").arg(text);
}

QString checkUnixAddress(const QString &path) {
    if (path.isEmpty())
        return QStringLiteral("a unix domain socket address needs a path");
    if (path.startsWith(QLatin1Char('@')))
        return {};
    if (!path.startsWith(QLatin1Char('/')) || path.endsWith(QLatin1Char('/')))
        return QStringLiteral("unix domain socket \"%1\" is not an absolute path to a file")
            .arg(path);
    return {};
}

} // namespace egret::webhook

#include "model/recipes/HostNames.h"

#include <arpa/inet.h>

namespace egret::recipes {

namespace {

bool isLabelChar(QChar c) {
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
           (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-');
}

QString checkLabel(const QString &label, const QString &what) {
    if (label.isEmpty())
        return QStringLiteral("%1 has an empty label").arg(what);
    if (label.size() > 63)
        return QStringLiteral("%1 has a label longer than 63 characters").arg(what);
    for (QChar c : label)
        if (!isLabelChar(c.toLower()))
            return QStringLiteral("%1 may only hold letters, digits, '-' and '.'").arg(what);
    if (label.startsWith(QLatin1Char('-')) || label.endsWith(QLatin1Char('-')))
        return QStringLiteral("%1 has a label that starts or ends with '-'").arg(what);
    return {};
}

// True for text that is an IP address: hosts must be names (the address goes in --subnet).
bool isAddress(const QString &text) {
    unsigned char buf[16];
    const QByteArray a = text.toLatin1();
    return inet_pton(AF_INET, a.constData(), buf) == 1 ||
           inet_pton(AF_INET6, a.constData(), buf) == 1;
}

} // namespace

QString checkHost(const QString &host) {
    if (host.isEmpty())
        return QStringLiteral("name the external host");
    if (host == QLatin1String("*"))
        return QStringLiteral("\"*\" would route every host; name a domain such as *.example.com");
    if (isAddress(host))
        return QStringLiteral("\"%1\" is an IP address; name the host by its DNS name (an address "
                              "or range goes in --subnet with the tcp pattern)")
            .arg(host);
    const QString name = istio::isDomainWildcard(host) ? host.mid(2) : host;
    if (name.contains(QLatin1Char('*')))
        return QStringLiteral(
                   "\"%1\": a wildcard may only be the whole first label (*.example.com)")
            .arg(host);
    if (name.size() > 253)
        return QStringLiteral("\"%1\" is longer than 253 characters").arg(host);
    for (const QString &label : name.split(QLatin1Char('.'))) {
        const QString problem = checkLabel(label, QStringLiteral("\"%1\"").arg(host));
        if (!problem.isEmpty())
            return problem;
    }
    return {};
}

QString checkCidr(const QString &text) {
    const QString address = text.section(QLatin1Char('/'), 0, 0);
    const QString prefix =
        text.contains(QLatin1Char('/')) ? text.section(QLatin1Char('/'), 1) : QString();
    unsigned char buf[16];
    const QByteArray a = address.toLatin1();
    const bool v4 = inet_pton(AF_INET, a.constData(), buf) == 1;
    const bool v6 = !v4 && inet_pton(AF_INET6, a.constData(), buf) == 1;
    if (!v4 && !v6)
        return QStringLiteral("\"%1\" is not an IP address or CIDR range (203.0.113.0/24)")
            .arg(text);
    if (text.contains(QLatin1Char('/'))) {
        bool ok = false;
        const int bits = prefix.toInt(&ok);
        if (!ok || bits < 0 || bits > (v4 ? 32 : 128))
            return QStringLiteral("\"%1\": the prefix length must be 0 to %2")
                .arg(text)
                .arg(v4 ? 32 : 128);
    }
    return {};
}

QString singleAddress(const QString &cidr) {
    if (!checkCidr(cidr).isEmpty())
        return {};
    const QString address = cidr.section(QLatin1Char('/'), 0, 0);
    if (!cidr.contains(QLatin1Char('/')))
        return address;
    const int bits = cidr.section(QLatin1Char('/'), 1).toInt();
    const bool v6 = address.contains(QLatin1Char(':'));
    return bits == (v6 ? 128 : 32) ? address : QString();
}

QString targetName(const QString &host) {
    QString base = host.toLower();
    if (istio::isDomainWildcard(base))
        base = QStringLiteral("wildcard-") + base.mid(2);
    QString out;
    for (QChar c : base) {
        const QChar k = isLabelChar(c) ? c : QLatin1Char('-');
        if (k == QLatin1Char('-') && (out.isEmpty() || out.endsWith(QLatin1Char('-'))))
            continue;
        out += k;
    }
    out.truncate(63);
    while (out.endsWith(QLatin1Char('-')))
        out.chop(1);
    return out.isEmpty() ? QStringLiteral("external") : out;
}

QString fitDnsLabel(const QString &base, const QString &suffix) {
    QString head = base.left(63 - suffix.size());
    while (head.endsWith(QLatin1Char('-')))
        head.chop(1);
    return head + suffix;
}

} // namespace egret::recipes

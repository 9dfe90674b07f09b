#include "model/webhook/Addresses.h"

#include <arpa/inet.h>

namespace egret::webhook {

bool isIpAddress(const QString &text) {
    unsigned char buf[16];
    const QByteArray a = text.toLatin1();
    if (text.contains(QLatin1Char(':'))) {
        // An IPv6 address may carry a zone ("fe80::1%eth0"); inet_pton knows none.
        const qsizetype zone = a.indexOf('%');
        if (zone == a.size() - 1)
            return false;
        return inet_pton(AF_INET6, (zone < 0 ? a : a.left(zone)).constData(), buf) == 1;
    }
    return inet_pton(AF_INET, a.constData(), buf) == 1;
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

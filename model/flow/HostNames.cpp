#include "model/flow/HostNames.h"

#include <QStringList>

namespace egret::flow {

QString serviceFqdn(const QString &name, const QString &ns) {
    return name + QLatin1Char('.') + ns + QStringLiteral(".svc.") + kClusterDomain;
}

QString resolveHost(const QString &host, const QString &ns) {
    if (host.isEmpty() || host.contains(QLatin1Char('.')) || host == QLatin1String("*") ||
        ns.isEmpty())
        return host;
    return serviceFqdn(host, ns);
}

QString namespaceOfServiceHost(const QString &fqdn) {
    const QString tail = QStringLiteral(".svc.") + kClusterDomain;
    if (!fqdn.endsWith(tail))
        return {};
    const QStringList parts = fqdn.left(fqdn.size() - tail.size()).split(QLatin1Char('.'));
    return parts.size() == 2 ? parts.at(1) : QString();
}

bool isWildcardHost(const QString &host) {
    return host.startsWith(QLatin1Char('*'));
}

bool hostCovers(const QString &pattern, const QString &host) {
    if (pattern == QLatin1String("*"))
        return true;
    if (!isWildcardHost(pattern))
        return pattern.compare(host, Qt::CaseInsensitive) == 0;
    // "*.example.com" covers "a.example.com" and "*.b.example.com", not "example.com".
    const QString suffix = pattern.mid(1);
    if (host == QLatin1String("*"))
        return false;
    const QString h = isWildcardHost(host) ? host.mid(1) : host;
    return h.endsWith(suffix, Qt::CaseInsensitive) &&
           (h.size() > suffix.size() || isWildcardHost(host));
}

bool hostsIntersect(const QString &a, const QString &b) {
    return hostCovers(a, b) || hostCovers(b, a);
}

QString hostPart(const QString &qualified) {
    const int slash = int(qualified.indexOf(QLatin1Char('/')));
    return slash < 0 ? qualified : qualified.mid(slash + 1);
}

QString namespacePart(const QString &qualified) {
    const int slash = int(qualified.indexOf(QLatin1Char('/')));
    return slash < 0 ? QString() : qualified.left(slash);
}

ProtocolClass protocolClass(const QString &protocol) {
    const QString p = protocol.toUpper();
    if (p == QLatin1String("HTTP") || p == QLatin1String("HTTP2") || p == QLatin1String("GRPC") ||
        p == QLatin1String("GRPC-WEB"))
        return ProtocolClass::Http;
    if (p == QLatin1String("HTTPS") || p == QLatin1String("TLS"))
        return ProtocolClass::Tls;
    return ProtocolClass::Tcp;
}

bool carriesAppTls(const QString &protocol) {
    return protocolClass(protocol) == ProtocolClass::Tls;
}

QString protocolFromPortName(const QString &portName) {
    const QString prefix = portName.section(QLatin1Char('-'), 0, 0).toUpper();
    for (const char *known : {"HTTP", "HTTP2", "HTTPS", "GRPC", "GRPC-WEB", "TLS", "TCP", "MONGO",
                              "MYSQL", "REDIS", "UDP"})
        if (prefix == QLatin1String(known))
            return prefix;
    return QStringLiteral("TCP");
}

} // namespace egret::flow

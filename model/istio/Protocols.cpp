#include "model/istio/Protocols.h"

namespace egret::istio {

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

} // namespace egret::istio

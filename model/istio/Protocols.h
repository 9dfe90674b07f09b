#pragma once

#include <QString>

namespace egret::istio {

// How a port's protocol routes: HTTP rules apply to Http ports, TLS rules to Tls ports, TCP
// rules to Tls and Tcp ports. (The TLS origination analyzer keeps its own list, which also
// counts HTTP_PROXY as HTTP.)
enum class ProtocolClass { Http, Tls, Tcp };
ProtocolClass protocolClass(const QString &protocol);
bool carriesAppTls(const QString &protocol); // HTTPS, TLS

// Istio's protocol selection for a Kubernetes Service port: appProtocol-less ports are named
// "<protocol>[-suffix]"; anything else is TCP.
QString protocolFromPortName(const QString &portName);

} // namespace egret::istio

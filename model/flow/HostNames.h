#pragma once

#include <QString>

namespace egret::flow {

// Host names as the proxy compares them: case-insensitively, a wildcard covering only what
// ends with its suffix. The validator keeps istioctl's own rules (model/validation/Hosts.h),
// quirks included; they differ on purpose.

inline const QString kClusterDomain = QStringLiteral("cluster.local");

// Istio's short-name rule: a host without a dot names a Service in the resource's namespace.
QString resolveHost(const QString &host, const QString &ns);
QString serviceFqdn(const QString &name, const QString &ns); // name.ns.svc.cluster.local
// The namespace of a name.ns.svc.cluster.local host, else empty.
QString namespaceOfServiceHost(const QString &fqdn);

bool isWildcardHost(const QString &host); // "*" or "*.suffix"
// True when every name `host` stands for is also named by `pattern` ("*", "*.suffix" or exact).
bool hostCovers(const QString &pattern, const QString &host);
// True when some name is named by both (one covers the other).
bool hostsIntersect(const QString &a, const QString &b);

// The part of a Gateway server host or Sidecar egress host after "ns/".
QString hostPart(const QString &qualified);
// The "ns" of "ns/host", or empty when unqualified.
QString namespacePart(const QString &qualified);

// How a protocol routes: HTTP rules apply to Http ports, TLS rules to Tls ports, TCP rules to
// Tls and Tcp ports.
enum class ProtocolClass { Http, Tls, Tcp };
ProtocolClass protocolClass(const QString &protocol);
bool carriesAppTls(const QString &protocol); // HTTPS, TLS
// Istio's protocol selection for a Kubernetes Service port: appProtocol-less ports are named
// "<protocol>[-suffix]"; anything else is TCP.
QString protocolFromPortName(const QString &portName);

} // namespace egret::flow

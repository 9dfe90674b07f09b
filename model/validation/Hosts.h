#pragma once

#include <QString>
#include <QStringList>

namespace egret::validation {

// Host-name rules as Istio's analyzers apply them (see the corpus' ANALYZERS.md), quirks
// included: case-sensitive, `*.foo.com` overlapping `foo.com`'s subdomains only, an empty
// namespace kept empty. The flow graph follows the proxy instead (model/flow/HostNames.h); the
// two differ on purpose, so findings match istioctl and hops match what Envoy does.

// A short name (no dot, not a wildcard) becomes `name.ns.svc.cluster.local`; anything else is
// kept as written. An empty namespace gives `name..svc.cluster.local`, as Istio does.
QString fqdn(const QString &host, const QString &ns);

// Wildcard-aware, symmetric match: `*.foo.com` matches `a.foo.com` and `*.com`, not `foo.com`.
bool hostsOverlap(const QString &a, const QString &b);

// Whether the wildcard `pattern` (starting with `*`) covers `host` as Istio's registry scan does:
// the host, with one leading `*` removed, ends with the pattern minus its `*`.
bool wildcardCovers(const QString &pattern, const QString &host);

// The namespaces a resource is visible in: {"*"} when exportTo is empty or has "*", else the
// listed namespaces with "." meaning the resource's own.
QStringList exportScopes(const QStringList &exportTo, const QString &ns);

// The exportTo list of a Kubernetes Service (annotation networking.istio.io/exportTo).
QStringList serviceExportTo(const QString &annotation);

// A VirtualService `gateways` entry: "ns/name", or "name" in the VirtualService's namespace.
struct GatewayRef {
    QString ns;
    QString name;
    QString key() const { return ns + QLatin1Char('/') + name; }
};
inline bool isMeshGateway(const QString &ref) {
    return ref == QLatin1String("mesh");
}
GatewayRef parseGatewayRef(const QString &ref, const QString &ownNamespace);

// The (namespace, name) a destination host names: `name.ns.svc.cluster.local` (greedy, as
// Istio's regular expression), else the owner's namespace and the host as written.
struct ServiceName {
    QString ns;
    QString name;
};
ServiceName serviceNameOf(const QString &host, const QString &ownerNamespace);

// The cluster-local Kubernetes Service a host names, if it names one: `name.ns.svc.cluster.local`
// or a short name in the owner's namespace.
bool clusterServiceOf(const QString &host, const QString &ownerNamespace, ServiceName *out);

// A Gateway server host ("h", "ns/h", "./h", "*/h") as it applies to a VirtualService in
// `vsNamespace`; false when the namespace part excludes that VirtualService.
bool gatewayHostFor(const QString &serverHost, const QString &gatewayNamespace,
                    const QString &vsNamespace, QString *host);

// Key separator for composite index keys.
inline constexpr QChar kSep = QChar(0x1f);

} // namespace egret::validation

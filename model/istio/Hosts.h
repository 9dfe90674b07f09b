#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace egret::istio {

// Istio's host names, read once for the validator, the flows and the recipes. Two policies
// compare them and really differ: `analyzer` is what istioctl's analyzers do (case-sensitive,
// quirks included; see the corpus' ANALYZERS.md), so findings match istioctl; `proxy` is what
// Envoy does (case-insensitive), so flow hops match the traffic. Neither is a bug to fix.

inline const QString kClusterDomain = QStringLiteral("cluster.local");

QString serviceFqdn(const QString &name, const QString &ns); // name.ns.svc.cluster.local

// "*" or "*suffix": a wildcard as Istio reads one anywhere.
inline bool isWildcardHost(QStringView host) {
    return host.startsWith(QLatin1Char('*'));
}
// "*.suffix" only: a wildcard the recipes may write; "*" alone would route every host.
inline bool isDomainWildcard(QStringView host) {
    return host.startsWith(QLatin1String("*."));
}

// "ns/host" entries (Gateway server hosts, Sidecar egress hosts): the host after "ns/" (the
// view overload points into its argument), and the "ns" (empty when unqualified).
QStringView hostPart(QStringView qualified);
QString hostPart(const QString &qualified);
QString namespacePart(const QString &qualified);
// Whether the "ns" of such an entry, written in a resource of `ownerNs`, names `ns`: "*" any,
// "." the owner's own, else by name.
bool namespacePartAdmits(QStringView part, const QString &ns, const QString &ownerNs);

// Whether the namespace part of a Gateway server host ("h", "ns/h", "./h", "*/h") admits a
// VirtualService in `vsNamespace`.
bool gatewayHostAdmits(QStringView serverHost, const QString &gatewayNamespace,
                       const QString &vsNamespace);
// The host of a Gateway server host as it applies to a VirtualService in `vsNamespace`; false
// when the namespace part excludes that VirtualService.
bool gatewayHostFor(const QString &serverHost, const QString &gatewayNamespace,
                    const QString &vsNamespace, QString *host);
// Whether a Gateway server host entry names exactly `host` for a VirtualService in
// `vsNamespace` (`host`, `*/host`, `ns/host`, `./host` for a Gateway in that namespace).
bool gatewayHostNames(const QString &entry, const QString &host, const QString &vsNamespace,
                      const QString &gatewayNamespace);

// True when a DestinationRule's host in `ruleNamespace` names the Service with this FQDN
// (`name.ns.svc.cluster.local`, `name.ns`, `name.ns.svc`, or `name` in its namespace).
bool namesService(const QString &host, const QString &ruleNamespace, const QString &fqdn);

namespace analyzer {

// A short name (no dot, not a wildcard) becomes `name.ns.svc.cluster.local`; anything else is
// kept as written. An empty namespace gives `name..svc.cluster.local`, as Istio does.
QString fqdn(const QString &host, const QString &ns);

// Wildcard-aware, symmetric match: `*.foo.com` matches `a.foo.com` and `*.com`, not `foo.com`.
bool hostsOverlap(QStringView a, QStringView b);

// Whether the wildcard `pattern` (starting with `*`) covers `host` as Istio's registry scan does:
// the host, with one leading `*` removed, ends with the pattern minus its `*`.
bool wildcardCovers(const QString &pattern, const QString &host);

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

} // namespace analyzer

namespace proxy {

// The short-name rule: a host without a dot names a Service in the resource's namespace ("*",
// an empty host or an empty namespace stay as written).
QString resolveHost(const QString &host, const QString &ns);
// The namespace of a name.ns.svc.cluster.local host (exactly two labels before), else empty.
QString namespaceOfServiceHost(const QString &fqdn);

// True when every name `host` stands for is also named by `pattern` ("*", "*.suffix" or exact),
// case-insensitively.
bool hostCovers(const QString &pattern, const QString &host);
// True when some name is named by both (one covers the other).
bool hostsIntersect(const QString &a, const QString &b);

} // namespace proxy

} // namespace egret::istio

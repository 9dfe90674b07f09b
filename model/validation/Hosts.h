#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>
#include <mutex>
#include <vector>

namespace egret::validation {

// Host-name rules as Istio's analyzers apply them (see the corpus' ANALYZERS.md), quirks
// included: case-sensitive, `*.foo.com` overlapping `foo.com`'s subdomains only, an empty
// namespace kept empty. The flow graph follows the proxy instead (model/flow/HostNames.h); the
// two differ on purpose, so findings match istioctl and hops match what Envoy does.

// A short name (no dot, not a wildcard) becomes `name.ns.svc.cluster.local`; anything else is
// kept as written. An empty namespace gives `name..svc.cluster.local`, as Istio does.
QString fqdn(const QString &host, const QString &ns);

// Wildcard-aware, symmetric match: `*.foo.com` matches `a.foo.com` and `*.com`, not `foo.com`.
bool hostsOverlap(QStringView a, QStringView b);

// Whether the wildcard `pattern` (starting with `*`) covers `host` as Istio's registry scan does:
// the host, with one leading `*` removed, ends with the pattern minus its `*`.
bool wildcardCovers(const QString &pattern, const QString &host);

// Many host names, indexed for the question hostsOverlap() answers one pair at a time: a Gateway
// of the route recipes lists every external host, and each route bound to it asks about its own
// few. Exact names are hashed; a wildcard `*.foo.com` is found from the asked host's suffixes
// `.example.foo.com`, `.foo.com`, ...; asking with a wildcard uses every name's suffixes, hashed
// on the first such question. The index only picks candidates: each is checked with
// hostsOverlap(), so the answers are that function's.
class HostSet {
public:
    HostSet() = default;
    // The views must outlive the set.
    explicit HostSet(QVector<QStringView> hosts);

    // The positions of the hosts that overlap `host`, ascending.
    QVector<int> overlapping(QStringView host) const;

private:
    // Host positions by key, as linked lists through one array.
    struct Chains {
        QHash<QStringView, int> heads;          // key -> 1 + first link
        std::vector<std::pair<int, int>> links; // (position, 1 + next link; 0 ends)
        void add(QStringView key, int position);
        void collect(QStringView key, QVector<int> *out) const;
    };
    struct Suffixes {
        std::once_flag built;
        Chains chains;
    };
    void collectAll(QVector<int> *out) const;

    QVector<QStringView> m_hosts;
    bool m_indexed = false;               // a few hosts are scanned
    Chains m_exact;                       // names without a wildcard, by themselves
    Chains m_wildcards;                   // `*X`, X empty or starting with a dot, by X
    QVector<int> m_otherWildcards;        // `*foo.com`, `**.com`: scanned
    std::unique_ptr<Suffixes> m_suffixes; // every name by each suffix from a dot, and by ""
};

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
// The same as a key of Table::GatewayByName, "ns␟name", made without the parts.
QString gatewayNameKey(const QString &ref, const QString &ownNamespace);

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
// The same question without the host: whether the namespace part admits the VirtualService.
bool gatewayHostAdmits(QStringView serverHost, const QString &gatewayNamespace,
                       const QString &vsNamespace);
// The host of a Gateway server host, without its namespace part.
QStringView gatewayHostName(QStringView serverHost);

// Key separator for composite index keys.
inline constexpr QChar kSep = QChar(0x1f);

} // namespace egret::validation

#pragma once

#include "model/flow/FlowGraph.h"
#include "model/resources/Resource.h"

#include <QHash>

#include <memory>

namespace egret::flow {

class MeshIndex;

// Who sends: the namespace and labels of a proxy (labels null: unknown, any selector applies).
struct ProxyIdentity {
    QString ns;
    const Labels *labels = nullptr;
};

// The TLS a proxy originates toward a destination, and the DestinationRule fields that say so.
struct TlsOrigination {
    Provenance rules;           // the rules that apply, with the fields that decided
    QString mode;               // SIMPLE, MUTUAL, ISTIO_MUTUAL, DISABLE or empty
    QString detail;             // "sni=..., credentialName=..."
    bool subsetMissing = false; // the route names a subset no applying rule defines
    // Rules for the host that do not apply to this proxy (wrong namespace, selector, exportTo).
    QVector<const Resource *> passedOver;
};

// Finds the DestinationRules that apply to a destination for a proxy, in Istio's order: the
// proxy's namespace (a rule selecting the proxy first), the destination's namespace, then the
// root namespace; exact hosts before wildcards, the longest wildcard first. Rules for the same
// host in the same namespace merge as in Istio: subsets are joined, the first traffic policy
// counts. Then the TLS settings for a port and subset: port-level settings replace the top-level
// ones wholesale, and a subset's policy (its own port level first) overrides the result.
class TlsResolver {
public:
    explicit TlsResolver(const MeshIndex &index)
        : m_index(index) {}

    TlsOrigination resolve(const QString &host, const QString &subset, int port,
                           const ProxyIdentity &proxy, const QString &serviceNs) const;

private:
    // Rules for one host in one namespace, merged.
    struct Group {
        QVector<const Resource *> rules;
        const Resource *policy = nullptr; // the first with a top-level traffic policy
        QHash<QString, QPair<const Resource *, int>> subsets;
        bool isEmpty() const { return rules.isEmpty(); }
    };
    using GroupPtr = std::shared_ptr<const Group>; // stable while the caches grow
    // All rules of a namespace for a host: the most specific namespace-wide ones, merged, and
    // those with a workload selector.
    struct NamespaceRules {
        GroupPtr wide;
        bool wideExportedEverywhere = true;
        QVector<const Resource *> selecting;
    };
    const NamespaceRules *rulesIn(const QString &host, const QString &ns) const;
    const Group *applying(const QString &host, const ProxyIdentity &proxy,
                          const QString &serviceNs) const;
    const Group *exportedPart(const QString &host, const QString &ns, const NamespaceRules &all,
                              const QString &proxyNs) const;
    TlsOrigination originate(const Group &g, const QString &subset, int port) const;
    static GroupPtr merged(const QVector<const Resource *> &rules);

    const MeshIndex &m_index;
    mutable QHash<QString, QHash<QString, NamespaceRules>> m_byNamespace; // by host, ns
    mutable QHash<QString, GroupPtr> m_exported;                          // by host|ns|proxyNs
    mutable QHash<const Resource *, GroupPtr> m_single;                   // a selecting rule alone
    // The same group, subset and port always give the same origination.
    mutable QHash<const Group *, QHash<QPair<QString, int>, TlsOrigination>> m_originations;
};

// What ends up on the wire: TLS the proxy originates, else the application's own for TLS
// protocols, else plaintext.
WireTls wireTls(const QString &originationMode, bool appTls);

// Sets a hop's TLS on the wire from an origination, with the rules' fields as provenance and a
// note when rules for the host exist but none applies to the sender.
void applyOrigination(FlowHop &hop, const TlsOrigination &o, bool appTls, const QString &proxyNs);

} // namespace egret::flow

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
    Provenance rules; // the rules that apply, with the fields that decided
    QString mode;     // SIMPLE, MUTUAL, ISTIO_MUTUAL, DISABLE or empty
    QString detail;   // "sni=..., credentialName=..."
    const ClientTlsSettings *settings = nullptr; // the rule's settings that decided, if any
    bool subsetMissing = false; // the route names a subset no applying rule defines
    // Why rules for the host do not apply to this proxy (wrong namespace, selector, exportTo):
    // one note per rule, made once per host and proxy namespace.
    QStringList passedOver;
};

// Finds the DestinationRules that apply to a destination for a proxy, in Istio's order: the
// proxy's namespace (a rule selecting the proxy first), the destination's namespace, then the
// root namespace; exact hosts before wildcards, the longest wildcard first. Rules for the same
// host in the same namespace merge as in Istio: subsets are joined, the first traffic policy
// counts. Then the TLS settings for a port and subset: port-level settings replace the top-level
// ones wholesale, and a subset's policy (its own port level first) overrides the result.
// Last, a BackendTLSPolicy targeting the host fills what that leaves unset (Istio 1.31): the
// whole TLS when no rule sets any, else the SNI, SANs and CA a SIMPLE or MUTUAL rule omits.
class TlsResolver {
public:
    explicit TlsResolver(const MeshIndex &index)
        : m_index(index) {}

    // The rules naming a host, found once and asked for each proxy; null when none do (resolve
    // then gives none(subset) for every proxy).
    struct HostRules;
    const HostRules *rulesFor(const QString &host) const;
    TlsOrigination resolve(const HostRules *rules, const QString &subset, int port,
                           const ProxyIdentity &proxy, const QString &serviceNs) const;
    static TlsOrigination none(const QString &subset);

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
    // Who asks, for the answers a host's rules keep: every route to one host asks again for
    // each sender. Strings count by their data (the key holds them), as senders and
    // destinations pass the same strings each time.
    struct Asker {
        QString proxyNs;
        const Labels *labels = nullptr;
        QString serviceNs;
        bool operator==(const Asker &o) const {
            return proxyNs.constData() == o.proxyNs.constData() &&
                   proxyNs.size() == o.proxyNs.size() && labels == o.labels &&
                   serviceNs.constData() == o.serviceNs.constData() &&
                   serviceNs.size() == o.serviceNs.size();
        }
        friend size_t qHash(const Asker &a, size_t seed = 0) {
            return qHashMulti(seed, a.proxyNs.constData(), a.labels, a.serviceNs.constData());
        }
    };
    const NamespaceRules *rulesIn(const HostRules &h, const QString &ns) const;
    const Group *findApplying(const HostRules &h, const ProxyIdentity &proxy,
                              const QString &serviceNs) const;
    // The rules that apply; when none does, `passedOver` gets the notes on those that do not.
    const Group *applying(const HostRules &h, const ProxyIdentity &proxy, const QString &serviceNs,
                          QStringList *passedOver) const;
    const Group *exportedPart(const QString &host, const QString &ns, const NamespaceRules &all,
                              const QString &proxyNs) const;
    const QStringList &passedOverNotes(const HostRules &h, const QString &proxyNs) const;
    TlsOrigination originate(const Group &g, const QString &subset, int port) const;
    TlsOrigination fromRules(const HostRules &h, const QString &subset, int port,
                             const ProxyIdentity &proxy, const QString &serviceNs) const;
    TlsOrigination withPolicy(TlsOrigination o, const HostRules &h, int port) const;
    static GroupPtr merged(const QVector<const Resource *> &rules);

    const MeshIndex &m_index;
    mutable QHash<QString, std::shared_ptr<HostRules>> m_hosts; // stable while it grows
    mutable QHash<QString, GroupPtr> m_exported;                // by host|ns|proxyNs
    mutable QHash<const Resource *, GroupPtr> m_single;         // a selecting rule alone
    // The same group, subset and port always give the same origination.
    mutable QHash<const Group *, QHash<QPair<QString, int>, TlsOrigination>> m_originations;
};

// What ends up on the wire: TLS the proxy originates, else the application's own for TLS
// protocols, else plaintext.
WireTls wireTls(const QString &originationMode, bool appTls);

// A hop's provenance joined with an origination's rules, made once per rules list for all the
// senders of one destination: those that get the same origination share one list. Rules lists
// count as the same when they share their data, as the resolver's answers for a group do.
class JoinedProvenance {
public:
    explicit JoinedProvenance(const Provenance &base)
        : m_base(base) {}
    const Provenance &with(const Provenance &rules);

private:
    Provenance m_base;
    QVector<QPair<Provenance, Provenance>> m_joined; // rules, base + rules
};

// Sets a hop's TLS on the wire from an origination, with the rules' fields as provenance and a
// note when rules for the host exist but none applies to the sender. With `joined`, the hop's
// provenance is its base: the joined list replaces it.
void applyOrigination(FlowHop &hop, const TlsOrigination &o, bool appTls,
                      JoinedProvenance *joined = nullptr);

} // namespace egret::flow

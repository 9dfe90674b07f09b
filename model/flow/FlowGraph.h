#pragma once

#include "model/core/Diagnostic.h"
#include "model/core/Ids.h"
#include "model/resources/ObjectMeta.h"

#include <QFlags>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>
#include <optional>

namespace egret {

// The egress picture derived from configuration: who sends outbound traffic where, hop by hop,
// and which resources make each hop. A plain value: views copy it and address its parts by id.

enum class FlowNodeKind { Workload, Gateway, External };

// The TLS a hop carries on the wire: none, the application's own (passed through, routed by
// SNI), or TLS the sending proxy originates from the DestinationRule that applies.
// Hbone: ambient mode's tunnel from a pod's ztunnel to a waypoint (mutual TLS on port 15008).
enum class WireTls { Plaintext, AppTls, IstioMutual, Simple, Mutual, Hbone };

QString flowNodeKindName(FlowNodeKind kind); // "workload", "gateway", "external"
QString wireTlsName(WireTls tls);            // "plaintext", "app-tls", "ISTIO_MUTUAL", ...
bool parseWireTls(const QString &name, WireTls *out);

// One resource that contributes to a node or hop, with the fields inside it that do.
struct FlowSource {
    ResourceRef resource;
    ResourceId id;     // invalid for resources assumed from the installation
    QStringList paths; // field paths inside the resource, e.g. spec.http[0].route[0]
    bool assumed = false;
};
} // namespace egret
// Growing a provenance list or the hop list moves its entries as bytes.
Q_DECLARE_TYPEINFO(egret::FlowSource, Q_RELOCATABLE_TYPE);
namespace egret {
using Provenance = QVector<FlowSource>;

// Adds `path` (may be empty) for `source`, merging with an entry for the same resource.
void addProvenance(Provenance &provenance, const FlowSource &source);
void mergeProvenance(Provenance &into, const Provenance &from);

// addProvenance for a list that grows long (thousands of resources make one hop or gateway), in
// constant time per source with an id. Only its add() may add to the list.
class ProvenanceIndex {
public:
    ProvenanceIndex() = default;
    explicit ProvenanceIndex(const Provenance &list);
    void add(Provenance &list, const FlowSource &source);

private:
    QHash<ResourceId, int> m_byId; // where each resource is in the list, plus one
};

enum class NodeFlag {
    Undeclared = 0x1,  // a host routes name that no ServiceEntry or Service declares
    Assumed = 0x2,     // not in the files: the installed gateway, "any sidecar", "sidecars in ns"
    Wildcard = 0x4,    // a wildcard host such as *.wikipedia.org
    InCluster = 0x8,   // a host that is a Kubernetes Service inside the cluster
    Unresolved = 0x10, // a Gateway whose selector names no known workload (or a waypoint
                       // that does not exist)
    Waypoint = 0x20,   // an ambient waypoint (a Gateway of class istio-waypoint)
    Ambient = 0x40     // ambient pods (no sidecar): their ztunnel sends
};
Q_DECLARE_FLAGS(NodeFlags, NodeFlag)
Q_DECLARE_OPERATORS_FOR_FLAGS(NodeFlags)

struct FlowNode {
    QString id; // stable: "workload:ns/app", "workload:ns/*", "workload:*", "gateway:ns/name",
                // "host:name"
    FlowNodeKind kind = FlowNodeKind::Workload;
    QString label;
    QString ns;
    QStringList hosts; // gateway: hosts its servers accept; external: the host (and aliases)
    QList<int> ports;  // sorted
    NodeFlags flags;
    Labels labels; // workloads: the pod labels their members share
    Provenance provenance;
    // A gateway of the installation (not in the files): where it comes from, e.g. "installed by
    // IstioOperator istio-system/egress (iop.yaml:1:1)" or why it is assumed.
    QString origin;
};

struct FlowHop {
    QString id; // stable: "from->to:port/protocol/tls"
    QString from;
    QString to;
    QString protocol; // HTTP, TLS, TCP for routed hops; the declared port protocol otherwise
    int port = 0;     // 0 when no port is known
    WireTls tls = WireTls::Plaintext;
    QString tlsDetail;   // sni, credentialName of the originated TLS
    QStringList subsets; // of the destination the routes name
    // Set when the rules that make the hop agree; "varies" (or no weight) when they differ.
    std::optional<int> weight;
    QString timeout;
    QString retries;
    QString fault;
    bool broken = false;  // a validator finding points at something that makes this hop
    bool blocked = false; // REGISTRY_ONLY: the proxy refuses an undeclared host
    QStringList problems; // the findings that break it
    QStringList notes;    // why the deriver decided as it did, where it is not obvious
    QStringList policies; // AuthorizationPolicies restricting the hop, each in a line
    Provenance provenance;

    // Traffic on this hop fails: a finding breaks it or the mesh blocks it.
    bool failing() const { return broken || blocked; }
};

} // namespace egret
Q_DECLARE_TYPEINFO(egret::FlowHop, Q_RELOCATABLE_TYPE);
namespace egret {

class FlowGraph {
public:
    const QVector<FlowNode> &nodes() const { return m_nodes; }
    const QVector<FlowHop> &hops() const { return m_hops; } // complete after finish()
    const FlowNode *node(const QString &id) const;
    const FlowHop *hop(const QString &id) const;
    bool isEmpty() const { return m_nodes.isEmpty(); }

    // ---- Building (the deriver) -------------------------------------------------------------
    // The node with this id, created from `prototype` when absent.
    FlowNode &ensureNode(const FlowNode &prototype);
    FlowNode *mutableNode(const QString &id);
    // Adds a hop, or merges it into the hop with the same id: provenance, subsets and notes are
    // joined; weight, timeout, retries and fault are kept when equal, else marked as varying.
    FlowHop &addHop(FlowHop &&hop);
    FlowHop &addHop(const FlowHop &hop); // copied only when it is new
    QVector<FlowHop> &mutableHops();
    static QString hopId(const FlowHop &hop);
    // Orders the nodes workloads, gateways, hosts (each in the order found) and drops what only
    // building needed.
    void finish();

private:
    struct Building; // what only building needs (FlowGraph.cpp)
    Building &building();
    // `movable`: `hop` itself, when it may be moved from.
    FlowHop &add(const FlowHop &hop, FlowHop *movable);
    // Makes what was merged into hops and drops what only building needed.
    void settle();

    QVector<FlowNode> m_nodes;
    QVector<FlowHop> m_hops;
    // A hop id with its hash, computed once: tens of thousands of ids of some sixty characters
    // are inserted, and a QHash that grows hashes every key again.
    struct HopIdKey {
        explicit HopIdKey(const QString &s)
            : id(s)
            , hash(qHash(s)) {}
        QString id;
        size_t hash;
        friend bool operator==(const HopIdKey &a, const HopIdKey &b) {
            return a.hash == b.hash && a.id == b.id;
        }
        friend size_t qHash(const HopIdKey &k, size_t seed) { return k.hash ^ seed; }
    };

    QHash<QString, int> m_nodeIndex;
    QHash<HopIdKey, int> m_hopIndex;
    std::shared_ptr<Building> m_building; // null but while building
};

} // namespace egret

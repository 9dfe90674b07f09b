#pragma once

#include "model/resources/Resource.h"
#include "model/validation/GatewayHosts.h"

#include <QHash>
#include <QString>
#include <QVarLengthArray>
#include <QVector>

#include <array>
#include <memory>

namespace egret::validation {

// The lookup tables rules read, built once per run and kept up to date one resource at a time.
// Each table maps a key to the resources filed under it; what a resource files where depends on
// that resource alone, so removing it undoes exactly what adding it did.
enum class Table : quint8 {
    // The service registry of ANALYZERS.md §0.1.
    HostExact,    // scope␟fqdn -> ServiceEntries and Services
    HostWildcard, // scope -> ServiceEntries with a wildcard host
    // Workloads (Deployment, StatefulSet, DaemonSet, Pod: their pods) and their context.
    Workloads,        // "" -> every workload
    AnyWorkload,      // "" -> every workload (read for whether there is one)
    WorkloadsByLabel, // k=v -> workloads whose pods carry that label
    WorkloadsByNs,    // ns -> workloads (read for whether there is one)
    ServicesByNs,     // ns -> Services
    ServiceByName,    // ns␟name -> Service
    NodeByName,       // name -> Node
    NamespaceByName,  // name -> Namespace
    SecretByName,     // ns␟name -> Secret
    RequestAuthByNs,  // ns -> RequestAuthentications
    // Gateways.
    GatewayByName,           // ns␟name -> networking.istio.io Gateway
    KubeGatewayByName,       // ns␟name -> gateway.networking.k8s.io Gateway
    GatewaysBySelectorLabel, // k=v -> Gateways whose selector has it
    GatewaysSelectingAll,    // "" -> Gateways with an empty selector
    GatewaysWithServers,     // "" -> Gateways with at least one server
    GatewayServerBuckets,    // port␟bind␟host -> Gateways (their last server on a port)
    GatewayCredential,       // credentialName -> Gateways with a TLS server using it
    GatewayCertificatePair,  // certificate␟key -> Gateways (files, no credentialName)
    GatewaysByServerHost,    // host (without its ns/ part) -> Gateways with a server listing it
    GatewaysWildcardHost,    // "" -> Gateways with a server listing a wildcard host
    // DestinationRules.
    DrSubsetByServiceName, // ns␟name␟subset, Istio's derived service name -> DestinationRules
    DrSubsetByFqdn,        // fqdn␟subset -> DestinationRules
    DrByFqdn,              // fqdn -> DestinationRules
    // VirtualServices.
    MeshVsBucket,          // scope␟fqdn -> mesh-bound VirtualServices, once per host listed
    MeshVsByFqdn,          // fqdn -> mesh-bound VirtualServices (any scope)
    MeshVsWildcard,        // "" -> mesh-bound VirtualServices with a wildcard host
    MeshVsAll,             // "" -> every mesh-bound VirtualService
    VsSubsetRecords,       // host -> VirtualServices routing one of their own hosts to a subset
    GatewayRoutesByHost,   // fqdn -> VirtualServices bound to a Gateway (not the mesh)
    GatewayRoutesWildcard, // "" -> those with a wildcard host
    HttpDestinations,      // fqdn -> VirtualServices and HTTP/GRPC routes sending to that host
    // ServiceEntries and Sidecars.
    SeByHostPort, // host␟port -> ServiceEntries
    SeByName,     // ns␟name -> ServiceEntry
    SidecarsByNs, // ns -> Sidecars
    // The Gateway API's routes and grants.
    RoutesByGatewayParent, // ns␟name of a parent Gateway -> routes attached to it
    RoutesByServiceParent, // ns␟name of a parent ServiceEntry or Service -> mesh routes
    ReferenceGrantsByNs,   // ns -> ReferenceGrants (they govern references into their ns)
    // Ambient mode.
    WaypointsByName,   // name -> Gateways of class istio-waypoint (in any namespace)
    AmbientNamespaces, // "" -> Namespaces in ambient mode
    Count
};

// A table read or written under a key: what a rule depends on and what a change touches.
// Collisions only make an update re-check more than it needs.
using DepKey = quint64;
DepKey depKey(Table table, const QString &key);

// Readers of these tables use only which resources are filed, never what they hold, so an edit
// that keeps a resource under the same keys changes nothing for them.
bool membershipOnly(Table table);

// What applying resources changed, for re-running the rules that read it.
struct Changes {
    QVector<DepKey> touched; // keys whose resources changed
    struct Membership {
        DepKey key;
        ResourceId id;
        int delta;
    };
    QVector<Membership> membership; // filings in membership-only tables, to net out

    // The touched keys, plus the membership keys whose filings did not cancel out.
    QVector<DepKey> keys() const;
};

struct Entry {
    const Resource *resource;
    int count; // how many times the resource filed itself under the key
};
using Entries = QVarLengthArray<Entry, 1>; // ordered by resource id; most keys hold one

// A read-only view of the entries under a key; valid while the tables do not change.
class EntryView {
public:
    EntryView() = default;
    EntryView(const Entry *data, qsizetype size)
        : m_data(data)
        , m_size(size) {}
    const Entry *begin() const { return m_data; }
    const Entry *end() const { return m_data + m_size; }
    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    const Entry &first() const { return m_data[0]; }
    const Entry &last() const { return m_data[m_size - 1]; }

private:
    const Entry *m_data = nullptr;
    qsizetype m_size = 0;
};

class Index {
public:
    EntryView entries(Table table, const QString &key) const;

    // The server hosts of a filed Gateway, indexed; null for another resource. What a rule
    // reads of them is covered by its read of the Gateway.
    const GatewayHosts *gatewayHosts(const Resource &gateway) const;

    // Files (delta +1) or unfiles (delta -1) a resource; records what it changes.
    void apply(const Resource &r, int delta, Changes *changes);

    void clear();

private:
    void put(Table table, const QString &key, const Resource &r, int delta);
    void applyDeployed(const Resource &gateway, int delta);

    std::array<QHash<QString, Entries>, size_t(Table::Count)> m_tables;
    // Built once per version of a Gateway: a live edit elsewhere does not rebuild it.
    QHash<const Resource *, std::shared_ptr<const GatewayHosts>> m_gatewayHosts;
    // The Deployment and Service Istio deploys for a Gateway API Gateway, filed with it.
    QHash<const Resource *, std::shared_ptr<const QVector<Resource>>> m_deployed;
    Changes *m_changes = nullptr;
};

// The kinds that file themselves in a table (Kind::Pod stands for every workload kind).
QVector<Kind> tableKinds(Table table);

} // namespace egret::validation

#pragma once

#include "model/resources/Resource.h"

#include <QHash>
#include <QString>
#include <QVector>

#include <array>

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
    WorkloadsByLabel, // k=v -> workloads whose pods carry that label
    WorkloadsByNs,    // ns -> workloads
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
    HttpDestinations,      // fqdn -> VirtualServices with an http route to that host
    // ServiceEntries and Sidecars.
    SeByHostPort, // host␟port -> ServiceEntries
    SidecarsByNs, // ns -> Sidecars
    Count
};

// A table read or written under a key: what a rule depends on and what a change touches.
// Collisions only make an update re-check more than it needs.
using DepKey = quint64;
DepKey depKey(Table table, const QString &key);

struct Entry {
    const Resource *resource;
    int count; // how many times the resource filed itself under the key
};
using Entries = QVector<Entry>; // ordered by resource id

class Index {
public:
    const Entries &entries(Table table, const QString &key) const;

    // Files (delta +1) or unfiles (delta -1) a resource; appends every key written to `touched`.
    void apply(const Resource &r, int delta, QVector<DepKey> *touched);

    void clear();

private:
    void put(Table table, const QString &key, const Resource &r, int delta);

    std::array<QHash<QString, Entries>, size_t(Table::Count)> m_tables;
    QVector<DepKey> *m_touched = nullptr;
};

// The kinds that file themselves in a table (Kind::Pod stands for every workload kind).
QVector<Kind> tableKinds(Table table);

} // namespace egret::validation

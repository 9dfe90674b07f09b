#pragma once

#include "model/istio/Ambient.h"
#include "model/istio/GatewayApiTranslation.h"
#include "model/mesh/Installation.h"
#include "model/resources/Resource.h"

#include <QHash>
#include <QVector>

#include <deque>

namespace egret {
class Workspace;
}

namespace egret::flow {

// One host of a ServiceEntry.
struct DeclaredHost {
    const Resource *resource = nullptr;
    int hostIndex = -1;
};

// The resources the deriver reads, sorted by kind and indexed by host and name, built once per
// derivation so that no step scans the whole workspace per host.
class MeshIndex {
public:
    MeshIndex(const Workspace &ws, const MeshConfig &mesh);
    MeshIndex(const MeshIndex &) = delete;
    MeshIndex &operator=(const MeshIndex &) = delete;

    const MeshConfig &mesh() const { return m_mesh; }
    const Installation &installation() const { return m_installation; }
    // Where "any sidecar" is assumed to run: the namespace documents without one fall into.
    const QString &defaultNamespace() const { return m_defaultNs; }

    const QVector<const Resource *> &workloads() const { return m_workloads; }
    const QVector<const Resource *> &services() const { return m_services; }
    const QVector<const Resource *> &gateways() const { return m_gateways; }
    const QVector<const Resource *> &serviceEntries() const { return m_serviceEntries; }
    const QVector<const Resource *> &virtualServices() const { return m_virtualServices; }
    const QVector<const Resource *> &destinationRules() const { return m_destinationRules; }
    const QVector<const Resource *> &sidecars() const { return m_sidecars; }
    const QVector<const Resource *> &namespaces() const { return m_namespaces; }
    // Ambient mode: waypoints, ambient namespaces and pods, AuthorizationPolicies.
    const istio::AmbientMesh &ambient() const { return m_ambient; }

    // ServiceEntry hosts that declare `host`: the same name, or a wildcard covering it.
    QVector<DeclaredHost> declarations(const QString &host) const;
    // Every ServiceEntry host covered by a (wildcard) pattern.
    QVector<DeclaredHost> declaredUnder(const QString &pattern) const;
    // The Kubernetes Service named by name.ns.svc.cluster.local.
    const Resource *service(const QString &fqdn) const;
    const Resource *gateway(const QString &nsSlashName) const; // "ns/name"
    // DestinationRules whose (resolved) host is exactly `host`, and those with wildcard hosts.
    const QVector<const Resource *> &rulesForHost(const QString &host) const;
    const QVector<const Resource *> &wildcardRules() const { return m_wildcardRules; }
    const QString &ruleHost(const Resource *dr) const; // resolved in the rule's namespace
    // BackendTLSPolicies (as translated) whose targets declare exactly `host`. They are not
    // DestinationRules competing with the others: they fill what the applying rule leaves unset.
    const QVector<const Resource *> &backendTlsPolicies(const QString &host) const;

private:
    void add(const Resource &r);

    Installation m_installation; // what the files and the mesh config say of the installation
    const MeshConfig &m_mesh;    // in effect: the installation's
    QString m_defaultNs;
    std::deque<Resource> m_assumed; // stable addresses
    istio::GatewayApiTranslation m_translation;
    istio::AmbientMesh m_ambient;
    QVector<const Resource *> m_workloads, m_services, m_gateways, m_serviceEntries,
        m_virtualServices, m_destinationRules, m_sidecars, m_namespaces;
    QHash<QString, QVector<DeclaredHost>> m_declaredExact;
    QHash<QString, QVector<DeclaredHost>> m_declaredWildcard; // by suffix without "*"
    QVector<DeclaredHost> m_declaredAll;                      // "*" hosts
    QHash<QString, const Resource *> m_serviceByFqdn;
    QHash<QString, const Resource *> m_gatewayByKey;
    QHash<QString, QVector<const Resource *>> m_rulesByHost;
    QVector<const Resource *> m_wildcardRules;
    QHash<QString, QVector<const Resource *>> m_backendPoliciesByHost;
    QHash<const Resource *, QString> m_ruleHost;
};

} // namespace egret::flow

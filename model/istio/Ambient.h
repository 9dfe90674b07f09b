#pragma once

#include "model/resources/Resource.h"

#include <QHash>
#include <QSet>
#include <QVector>

namespace egret::istio {

// Istio's ambient mode, read once for the flows, the validator and the recipes. Pods in
// ambient namespaces are captured by the node's ztunnel, which carries their traffic over HBONE
// (mutual TLS on port 15008) to the waypoint their destination is bound to, or straight to the
// destination when it is bound to none. A waypoint is a Gateway API Gateway of class
// `istio-waypoint`.

inline const QString kWaypointClass = QStringLiteral("istio-waypoint");
inline const QString kUseWaypointLabel = QStringLiteral("istio.io/use-waypoint");
inline const QString kUseWaypointNamespaceLabel = QStringLiteral("istio.io/use-waypoint-namespace");
inline const QString kWaypointForLabel = QStringLiteral("istio.io/waypoint-for");
inline const QString kDataplaneModeLabel = QStringLiteral("istio.io/dataplane-mode");
inline constexpr int kHbonePort = 15008;

bool isWaypoint(const Resource &r); // a Gateway API Gateway of class istio-waypoint
// The traffic a waypoint takes: its `istio.io/waypoint-for` label, else "service".
QString waypointFor(const Resource &waypoint);
bool waypointServesServices(const Resource &waypoint); // waypoint-for service or all

// Istio's definition (ANALYZERS.md): dataplane-mode ambient, and no sidecar injection.
bool isAmbientNamespace(const Labels &namespaceLabels);

// Where a ServiceEntry or Service says its traffic goes: the waypoint its own labels name, else
// the one its namespace's labels name. `none` on the resource opts it out of its namespace's.
struct WaypointUse {
    QString name;
    QString ns;                         // where the waypoint is looked for
    const Resource *labelled = nullptr; // the resource or Namespace carrying the label
    bool namespaceWide = false;         // the label is on the Namespace
    bool explicitNamespace = false;     // use-waypoint-namespace names `ns`
    bool isSet() const { return !name.isEmpty(); }
};

// The binding of a ServiceEntry or Service, given its Namespace object (null when the files
// hold none).
WaypointUse waypointUse(const Resource &serviceOrEntry, const Resource *namespaceObject);

// The resources of a mesh that ambient mode reads, indexed once.
class AmbientMesh {
public:
    AmbientMesh() = default;
    // Any resources: the Namespaces, waypoints, AuthorizationPolicies and workloads are kept.
    explicit AmbientMesh(const QVector<const Resource *> &resources);

    bool isEmpty() const {
        return m_ambientNamespaces.isEmpty() && m_waypoints.isEmpty() && !m_ambientPods;
    }
    const QVector<const Resource *> &waypoints() const { return m_waypoints; }
    const Resource *waypoint(const QString &ns, const QString &name) const;
    const Resource *namespaceObject(const QString &ns) const { return m_namespaces.value(ns); }
    bool isAmbientNamespace(const QString &ns) const { return m_ambientNamespaces.contains(ns); }
    const QSet<QString> &ambientNamespaces() const { return m_ambientNamespaces; }

    // A workload's pods are ambient: labelled so, or in an ambient namespace and not opted out
    // (dataplane-mode none) nor injected with a sidecar.
    bool isAmbientWorkload(const Resource &workload) const;
    WaypointUse waypointUse(const Resource &serviceOrEntry) const;
    // The AuthorizationPolicies that apply at the waypoint to traffic for a ServiceEntry or
    // Service: those targeting it (in its namespace), and those targeting the waypoint itself.
    QVector<const Resource *> policiesFor(const Resource &service, const Resource *waypoint) const;
    // The Gateway API routes whose parentRefs name a ServiceEntry: the waypoint applies them.
    QVector<const Resource *> routesAttachedTo(const Resource &serviceEntry) const;

private:
    QHash<QString, const Resource *> m_namespaces;
    QSet<QString> m_ambientNamespaces;
    QVector<const Resource *> m_waypoints;
    QHash<QString, const Resource *> m_waypointByKey; // "ns/name"
    QVector<const Resource *> m_policies;
    QVector<const Resource *> m_routes;
    bool m_ambientPods = false; // some workload's pods are labelled ambient themselves
};

// A policy's effect in a line: "ALLOW GET, POST to api.example.com on port 443" (what a
// person reads on the hop it restricts).
QString describePolicy(const Resource &policy);

} // namespace egret::istio

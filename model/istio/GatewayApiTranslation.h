#pragma once

#include "model/resources/Resource.h"

#include <QHash>
#include <QVector>

#include <deque>

namespace egret::istio {

// What Istio makes of the Gateway API resources: istiod converts them into its own API before
// building any proxy configuration, and so does Egret, once, for the flows and the validator.
//
//  - a Gateway of class `istio`: the Deployment and Service `<name>-istio` it deploys, and an
//    Istio Gateway selecting them with one server per listener (hosts from the listener's
//    hostname and allowedRoutes; tls from its mode and options);
//  - a route (HTTPRoute, GRPCRoute, TLSRoute, TCPRoute): one VirtualService per parent it
//    attaches to: a Gateway (bound to that gateway, matching the listener's port when the parent
//    names one), or a ServiceEntry or Service (bound to the mesh, for that service's hosts, seen
//    from every namespace when the route is in the service's own); backendRefs become
//    destinations (a Hostname is the external host itself);
//  - a BackendTLSPolicy: a DestinationRule originating SIMPLE TLS toward each target, placed after
//    the user's own DestinationRules so that theirs win where both set TLS.
//
// Each translated resource shares the id, kind name, name and location of the resource it
// comes from, and `translatedFrom` names that resource's kind: what the flows show of it points
// at the Gateway API document (sourcePath gives the field).
class GatewayApiTranslation {
public:
    GatewayApiTranslation() = default;
    explicit GatewayApiTranslation(const QVector<const Resource *> &resources);

    const std::deque<Resource> &resources() const { return m_resources; }
    bool isEmpty() const { return m_resources.empty(); }

private:
    void translateGateway(const Resource &gateway);
    void translateRoute(const Resource &route);
    void translatePolicy(const Resource &policy);
    Resource &derive(const Resource &from, Kind kind);

    std::deque<Resource> m_resources;                  // stable addresses
    QHash<QString, const Resource *> m_serviceEntries; // "ns/name"
    QHash<QString, const Resource *> m_gateways;       // "ns/name", KubernetesGateway
    QHash<QString, const Labels *> m_namespaceLabels;
};

// For a resource of the translation, the field of the Gateway API resource that `path` (a path
// inside the translated resource) comes from; `path` itself for any other resource.
QString sourcePath(const Resource &translated, const QString &path);
// The Gateway API resource a translated resource comes from (its own reference otherwise).
ResourceRef sourceRef(const Resource &translated);

} // namespace egret::istio

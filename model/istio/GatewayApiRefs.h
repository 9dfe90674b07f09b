#pragma once

#include "model/resources/Resource.h"

#include <QString>

namespace egret::istio {

// How Istio reads the references of the Gateway API, with the defaults the API server fills
// in: a parentRef is a Gateway (group gateway.networking.k8s.io) unless it says otherwise, a
// backendRef a core Service, and a reference without a namespace stays in the referrer's.

inline const QString kGatewayApiGroup = QStringLiteral("gateway.networking.k8s.io");
inline const QString kIstioNetworkingGroup = QStringLiteral("networking.istio.io");

bool refersToGateway(const ObjectRef &parent);   // a Gateway listener (or every listener)
bool refersToService(const ObjectRef &ref);      // a core Service (a backendRef's default)
bool refersToServiceEntry(const ObjectRef &ref); // networking.istio.io ServiceEntry
bool refersToHostname(const ObjectRef &ref);     // networking.istio.io Hostname: the host itself
QString refNamespace(const ObjectRef &ref, const QString &referrerNs);
// The host a backendRef sends to, when the reference alone says it: a Hostname's name, a
// Service's name.ns.svc.cluster.local; empty for a ServiceEntry (its hosts say) or another kind.
QString backendHost(const ObjectRef &backend, const QString &routeNs);
QString refGroup(const ObjectRef &ref, bool parent); // with the default filled in
QString refKind(const ObjectRef &ref, bool parent);

// The gateway classes Istio implements: `istio` deploys a gateway, `istio-waypoint` an ambient
// waypoint, `istio-remote` names one deployed elsewhere.
inline const QString kIstioGatewayClass = QStringLiteral("istio");
inline const QString kWaypointGatewayClass = QStringLiteral("istio-waypoint");
inline const QString kRemoteGatewayClass = QStringLiteral("istio-remote");

// The Deployment and Service Istio makes for a Gateway of class `istio`: "<name>-istio".
QString deployedName(const QString &gatewayName);
// The label Istio puts on the deployed pods and selects them with.
inline const QString kGatewayNameLabel = QStringLiteral("gateway.networking.k8s.io/gateway-name");
// The annotation that sets the type of the deployed Service (LoadBalancer when absent).
inline const QString kServiceTypeAnnotation = QStringLiteral("networking.istio.io/service-type");
// The listener TLS option that makes a Terminate listener accept Istio mTLS.
inline const QString kTerminateModeOption = QStringLiteral("gateway.istio.io/tls-terminate-mode");

// The Deployment and Service Istio deploys for `gateway` (a KubernetesGateway of class istio),
// marked as translated from it; none for another class. They depend on the Gateway alone.
QVector<Resource> deployedGatewayResources(const Resource &gateway);

// Whether `listener` admits routes of `routeKind` (HTTPRoute...) from `routeNs`, as its
// allowedRoutes say (namespaces from Same by default; kinds by protocol by default).
// `namespaceLabels` are the labels of the route's Namespace, when known.
bool listenerAdmitsNamespace(const GatewayListener &listener, const QString &gatewayNs,
                             const QString &routeNs, const Labels *namespaceLabels);
bool listenerAdmitsKind(const GatewayListener &listener, Kind routeKind);
// Whether a parentRef's sectionName and port select `listener`.
bool parentSelectsListener(const ObjectRef &parent, const GatewayListener &listener);
// The hosts a route carries at a listener: its hostnames, or the listener's ("*" for none)
// when it names none.
QStringList hostsAtListener(const GatewayRoute &route, const GatewayListener &listener);
// The hosts a route attached to a ServiceEntry carries for the mesh: the entry's hosts, those
// among the route's hostnames when it names any.
QStringList hostsThroughServiceEntry(const GatewayRoute &route, const ServiceEntry &entry);

// The route kinds a listener protocol carries by default.
QVector<Kind> routeKindsFor(const QString &protocol);

} // namespace egret::istio

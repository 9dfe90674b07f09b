#pragma once

#include "model/recipes/RecipeContext.h"
#include "model/recipes/RoutePlan.h"

namespace egret::recipes {

// The Gateway API routes as the recipes read them, to add a route and to remove one.

Kind routeKindFor(RuleKind rules); // HTTPRoute, TLSRoute, TCPRoute
// Every HTTPRoute, GRPCRoute, TLSRoute and TCPRoute of the workspace.
QVector<const Resource *> gatewayApiRoutes(const RecipeContext &ctx);

// The ports of a ServiceEntry a mesh route of `routeKind` takes when its parentRef names none:
// those its rules apply to (HTTP rules to HTTP ports, TLS to TLS ports, TCP to both TLS and TCP).
QList<qint64> meshRoutePorts(Kind routeKind, const ServiceEntry &se);

// A parent through which a route takes sidecars' traffic for a host: a ServiceEntry declaring the
// host, or the Service the host names.
struct MeshParent {
    const Resource *route = nullptr;
    int parent = 0;                         // index in spec.parentRefs
    const Resource *serviceEntry = nullptr; // null for a Service
    QList<qint64> ports;                    // the ports it takes; empty: every port
};
QVector<MeshParent> meshParents(const RecipeContext &ctx, const QString &host);
bool takesPort(const MeshParent &p, qint64 port);

// The Gateway of class istio a backendRef reaches through the Service Istio deploys for it
// (`<name>-istio`), or null.
const Resource *deployedGatewayOf(const RecipeContext &ctx, const ObjectRef &backend,
                                  const QString &routeNs);
// "HTTPRoute default/x" with where it is: "routes.yaml:12:1: HTTPRoute default/x".
QString located(const Resource &r);

} // namespace egret::recipes

#pragma once

#include "model/recipes/RecipeContext.h"
#include "model/recipes/RoutePlan.h"

#include <optional>

namespace egret::recipes {

// The steps that carry out a plan. Each finds what already exists and extends it, or creates
// what is missing; each records a problem in the context when existing resources are in the
// way (a port already used another way, a rule already routing the host elsewhere).

// The egress gateway a route goes through.
struct GatewayTarget {
    QString ns; // the Gateway resource
    QString name;
    Labels selector;
    QString serviceHost;        // the gateway's Service, as sidecars address it
    QString workloadNamespace;  // where its pods run: Secrets it reads live there
    QList<qint64> servicePorts; // the ports that Service exposes
    // When the Service is the installation's (not in the files): what Egret knows of it.
    std::optional<KnownGateway> installed;
};

// The gateway workload and Service a Gateway selector picks: the ones in the workspace when
// its manifests are there, else Istio's installed istio-egressgateway in istio-system.
GatewayTarget gatewayWorkload(const RecipeContext &ctx, const Labels &selector);
// "istio-egressgateway" or "ns/name", as a VirtualService in `vsNamespace` names it.
QString gatewayReference(const GatewayTarget &gw, const QString &vsNamespace);
// The egress gateway's pods: the installation's egress gateway (istio=<its label>), else
// Istio's istio=egressgateway.
Labels defaultGatewaySelector(const RecipeContext &ctx);
// What to add where, in the installation's own format, when the gateway's Service lacks a port.
QString missingPortNote(const GatewayTarget &gw, qint64 port);

// A resource a step found or created.
struct NamedResource {
    QString ns;
    QString name;
};

// The ServiceEntry declaring the host, found (and extended) or created.
std::optional<NamedResource> ensureServiceEntry(RecipeContext &ctx, const ServiceEntryPlan &plan);
std::optional<GatewayTarget> ensureGateway(RecipeContext &ctx, const GatewayPlan &plan,
                                           const QString &explicitGateway);
std::optional<QString> ensureSubset(RecipeContext &ctx, const GatewayTarget &gw,
                                    const GatewayPlan &plan);
void ensureVirtualService(RecipeContext &ctx, const GatewayTarget &gw, const GatewayPlan &plan,
                          const QString &subset);
void ensureOrigination(RecipeContext &ctx, const OriginationPlan &plan,
                       const QString &gatewayNamespace);

// Whether sidecars already send the route's port of the host somewhere: true when they send
// it to the gateway already (nothing to do), false when nothing routes it; a problem is
// recorded when a rule routes it elsewhere.
bool alreadyRouted(RecipeContext &ctx, const GatewayPlan &plan, const QString &serviceHost);

// --- The Gateway API, as Istio's "Gateway API" tabs write a route through a gateway ---

// The Gateway of class istio the route goes through, in the route's namespace (its listeners
// admit routes of the Same namespace, as the tasks write them): the one named; else one there
// that Istio deploys as an internal egress gateway (annotation service-type ClusterIP), one
// already listening on the port this way first; else a new one named after the host. Its
// Service is Istio's `<name>-istio`, which exposes every listener's port. Nothing, with a
// problem recorded, when that Gateway cannot take the route.
std::optional<GatewayTarget> chooseKubernetesGateway(RecipeContext &ctx, const GatewayPlan &plan,
                                                     const QString &explicitGateway);
// Creates the Gateway, or gives the existing one a listener for the host on the port (names
// kept unique); nothing when a listener serves the host there already.
void ensureKubernetesGateway(RecipeContext &ctx, const GatewayTarget &gw, const GatewayPlan &plan);
// Role and RoleBinding letting the gateway Istio deploys read the Secrets of its namespace (a
// DestinationRule's credentialName), as Istio's mTLS task grants them.
void ensureCredentialAccess(RecipeContext &ctx, const GatewayTarget &gw);
// The mesh route: sidecars' traffic for the ServiceEntry's host goes to `<gateway>-istio`.
void ensureMeshRoute(RecipeContext &ctx, const GatewayTarget &gw, const GatewayPlan &plan,
                     const NamedResource &serviceEntry);
// The route at the gateway: on to the host (kind Hostname), or to the Service the host names
// when the workspace has it, with a ReferenceGrant in the Service's namespace when that is
// another.
void ensureForwardRoute(RecipeContext &ctx, const GatewayTarget &gw, const GatewayPlan &plan);
void ensureReferenceGrant(RecipeContext &ctx, Kind routeKind, const QString &routeNs,
                          const QString &serviceNs, const QString &service);
// In Istio's own dialect: a problem recorded (and true) when a Gateway API route already sends
// sidecars' traffic for the host's port somewhere.
bool routedByGatewayApi(RecipeContext &ctx, const GatewayPlan &plan);

} // namespace egret::recipes

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
};

// The gateway workload and Service a Gateway selector picks: the ones in the workspace when
// its manifests are there, else Istio's installed istio-egressgateway in istio-system.
GatewayTarget gatewayWorkload(const RecipeContext &ctx, const Labels &selector);
// "istio-egressgateway" or "ns/name", as a VirtualService in `vsNamespace` names it.
QString gatewayReference(const GatewayTarget &gw, const QString &vsNamespace);
Labels defaultGatewaySelector();

void ensureServiceEntry(RecipeContext &ctx, const ServiceEntryPlan &plan);
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

} // namespace egret::recipes

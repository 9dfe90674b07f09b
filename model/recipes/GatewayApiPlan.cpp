#include "model/recipes/HostNames.h"
#include "model/recipes/RoutePlan.h"

namespace egret::recipes {

RoutePlan gatewayApiPlan(const RouteRequest &r) {
    RoutePlan plan = planFor(r);
    if (!plan.gateway)
        return plan; // no gateway: the same resources in both dialects
    const GatewayPlan &gw = *plan.gateway;
    if (gw.host != gw.destinationHost) {
        // Istio's wildcard task, Gateway API tab: the mesh TLSRoute's parent is a ServiceEntry
        // for the wildcard itself, with no resolution (NONE), on the port the application calls.
        ServiceEntryPlan wildcard;
        wildcard.host = gw.host;
        for (const PortPlan &p : plan.serviceEntries.front().ports)
            if (p.number == gw.meshPort)
                wildcard.ports << p;
        wildcard.resolution = QStringLiteral("NONE");
        plan.serviceEntries.prepend(wildcard);
    }
    if (gw.rules == RuleKind::Tls)
        plan.notes << QStringLiteral(
            "TLSRoute is written as gateway.networking.k8s.io/v1alpha2, as Istio's task writes it: "
            "before Istio 1.30 it belongs to the Gateway API's experimental channel, which istiod "
            "reads only with PILOT_ENABLE_ALPHA_GATEWAY_API=true and the experimental CRDs "
            "installed (the validator's EGR0016)");
    else if (gw.rules == RuleKind::Tcp)
        plan.notes << QStringLiteral(
            "TCPRoute (gateway.networking.k8s.io/v1alpha2) belongs to the Gateway API's "
            "experimental channel: istiod reads it only with PILOT_ENABLE_ALPHA_GATEWAY_API=true "
            "and the experimental CRDs installed (the validator's EGR0016)");
    return plan;
}

} // namespace egret::recipes

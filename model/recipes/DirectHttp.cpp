#include "model/recipes/HostNames.h"
#include "model/recipes/RoutePlan.h"

namespace egret::recipes {

// Istio task "Egress control", external HTTP service: a ServiceEntry is all the sidecar needs.
// A wildcard cannot be resolved, so the sidecar forwards to the address the app asked for.
RoutePlan planDirectHttp(const RouteRequest &r) {
    RoutePlan plan;
    ServiceEntryPlan se;
    se.host = r.host;
    se.ports = {{r.port, QStringLiteral("HTTP"), QStringLiteral("http"), std::nullopt}};
    se.resolution =
        istio::isDomainWildcard(r.host) ? QStringLiteral("NONE") : QStringLiteral("DNS");
    plan.serviceEntries = {se};
    return plan;
}

} // namespace egret::recipes

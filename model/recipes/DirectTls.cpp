#include "model/recipes/HostNames.h"
#include "model/recipes/RoutePlan.h"

namespace egret::recipes {

// Istio tasks "Egress control", external HTTPS service, and "Wildcard hosts", direct: the
// application's TLS passes through the sidecar, which routes it by SNI.
RoutePlan planDirectTls(const RouteRequest &r) {
    RoutePlan plan;
    ServiceEntryPlan se;
    se.host = r.host;
    se.ports = {{r.port, QStringLiteral("HTTPS"), QStringLiteral("https"), std::nullopt}};
    se.resolution =
        istio::isDomainWildcard(r.host) ? QStringLiteral("NONE") : QStringLiteral("DNS");
    plan.serviceEntries = {se};
    return plan;
}

} // namespace egret::recipes

#include "model/recipes/RoutePlan.h"

#include "model/recipes/HostNames.h"
#include "model/recipes/Patterns.h"

namespace egret::recipes {

QString gatewayDestination(const RouteRequest &r) {
    return istio::isDomainWildcard(r.host) && !r.servingHost.isEmpty() ? r.servingHost : r.host;
}

RoutePlan planFor(const RouteRequest &r) {
    RoutePlan plan;
    switch (r.pattern) {
    case Pattern::DirectHttp:
        plan = planDirectHttp(r);
        break;
    case Pattern::DirectTls:
        plan = planDirectTls(r);
        break;
    case Pattern::SidecarTlsOrigination:
        plan = planSidecarTlsOrigination(r);
        break;
    case Pattern::Http:
        plan = planHttp(r);
        break;
    case Pattern::TlsPassthrough:
        plan = planTlsPassthrough(r);
        break;
    case Pattern::TlsOrigination:
        plan = planTlsOrigination(r);
        break;
    case Pattern::MtlsOrigination:
        plan = planMtlsOrigination(r);
        break;
    case Pattern::Tcp:
        plan = planTcp(r);
        break;
    case Pattern::AmbientEgress:
    case Pattern::AmbientTlsOrigination:
        plan = planAmbient(r);
        break;
    }
    return plan;
}

} // namespace egret::recipes

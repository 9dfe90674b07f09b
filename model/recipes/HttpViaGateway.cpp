#include "model/recipes/RoutePlan.h"

namespace egret::recipes {

// Istio task "Egress gateways", HTTP traffic: sidecars send the host's port to the gateway's
// subset, the gateway's server accepts it and forwards it to the host.
RoutePlan planHttp(const RouteRequest &r) {
    RoutePlan plan;
    ServiceEntryPlan se;
    se.host = gatewayDestination(r);
    se.ports = {{r.port, QStringLiteral("HTTP"), QStringLiteral("http"), std::nullopt}};
    se.resolution = QStringLiteral("DNS");
    se.mustResolve = true;
    plan.serviceEntries = {se};

    GatewayPlan gw;
    gw.port = r.gatewayPort;
    gw.protocol = QStringLiteral("HTTP");
    gw.portName = QStringLiteral("http");
    gw.rules = RuleKind::Http;
    gw.meshPort = r.port;
    gw.host = r.host;
    gw.destinationHost = se.host;
    gw.destinationPort = r.port;
    plan.gateway = gw;
    return plan;
}

} // namespace egret::recipes

#include "model/recipes/HostNames.h"
#include "model/recipes/RoutePlan.h"

namespace egret::recipes {

// Istio's TCP egress through the gateway (the MongoDB example of the egress tasks): TCP has
// no host name on the wire, so the mesh rule matches the destination address, which the
// ServiceEntry declares in `addresses`; the gateway reaches it as a STATIC endpoint.
// validateRequest has made sure the subnet is one address.
RoutePlan planTcp(const RouteRequest &r) {
    RoutePlan plan;
    ServiceEntryPlan se;
    se.host = r.host;
    se.addresses = {r.subnet};
    se.ports = {{r.port, QStringLiteral("TCP"), QStringLiteral("tcp"), std::nullopt}};
    se.resolution = QStringLiteral("STATIC");
    se.endpoints = {singleAddress(r.subnet)};
    se.mustResolve = true;
    plan.serviceEntries = {se};

    GatewayPlan gw;
    gw.port = r.gatewayPort;
    gw.protocol = QStringLiteral("TCP");
    gw.portName = QStringLiteral("tcp");
    gw.rules = RuleKind::Tcp;
    gw.meshPort = r.port;
    gw.host = r.host;
    gw.destinationHost = r.host;
    gw.destinationPort = r.port;
    gw.destinationSubnets = {r.subnet};
    gw.meshWeight = false;
    gw.gatewayFirst = false;
    plan.gateway = gw;
    return plan;
}

} // namespace egret::recipes

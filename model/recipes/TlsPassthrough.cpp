#include "model/recipes/RoutePlan.h"

namespace egret::recipes {

// Istio tasks "Egress gateways", HTTPS traffic, and "Wildcard hosts" through the gateway: the
// application's TLS passes through the gateway (PASSTHROUGH), `tls` rules route it by SNI. A
// wildcard is sent to the one serving host.
RoutePlan planTlsPassthrough(const RouteRequest &r) {
    RoutePlan plan;
    ServiceEntryPlan se;
    se.host = gatewayDestination(r);
    se.ports = {{r.port, QStringLiteral("TLS"), QStringLiteral("tls"), std::nullopt}};
    se.resolution = QStringLiteral("DNS");
    se.mustResolve = true;
    plan.serviceEntries = {se};

    GatewayPlan gw;
    gw.port = r.gatewayPort;
    gw.protocol = QStringLiteral("TLS");
    gw.tlsMode = QStringLiteral("PASSTHROUGH");
    gw.portName = QStringLiteral("tls");
    gw.rules = RuleKind::Tls;
    gw.meshPort = r.port;
    gw.host = r.host;
    gw.destinationHost = se.host;
    gw.destinationPort = r.port;
    gw.sniMatch = true;
    gw.meshWeight = false;
    gw.gatewayFirst = false;
    plan.gateway = gw;
    return plan;
}

} // namespace egret::recipes

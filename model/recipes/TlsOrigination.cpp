#include "model/recipes/RoutePlan.h"

namespace egret::recipes {

// The part shared with mtls-origination: HTTP from the application, ISTIO_MUTUAL from the
// sidecar to the gateway (a Gateway HTTPS server, a subset with `sni`), and from the gateway
// to port 443 of the host, where a DestinationRule originates TLS.
RoutePlan planGatewayOrigination(const RouteRequest &r, const QString &portName) {
    RoutePlan plan;
    ServiceEntryPlan se;
    se.host = gatewayDestination(r);
    se.ports = {{r.port, QStringLiteral("HTTP"), QStringLiteral("http"), std::nullopt},
                {443, QStringLiteral("HTTPS"), QStringLiteral("https"), std::nullopt}};
    se.resolution = QStringLiteral("DNS");
    se.mustResolve = true;
    plan.serviceEntries = {se};

    GatewayPlan gw;
    gw.port = r.gatewayPort;
    gw.protocol = QStringLiteral("HTTPS");
    gw.tlsMode = QStringLiteral("ISTIO_MUTUAL");
    gw.portName = portName;
    gw.rules = RuleKind::Http;
    gw.meshPort = r.port;
    gw.host = r.host;
    gw.destinationHost = se.host;
    gw.destinationPort = 443;
    gw.istioMutualSubset = true;
    plan.gateway = gw;

    OriginationPlan tls;
    tls.host = se.host;
    tls.port = 443;
    tls.mode = QStringLiteral("SIMPLE");
    tls.roundRobin = true;
    tls.namePrefix = QStringLiteral("originate-tls-for-");
    plan.origination = {tls};
    return plan;
}

// Istio task "Egress gateway TLS origination", TLS origination with an egress gateway.
RoutePlan planTlsOrigination(const RouteRequest &r) {
    RoutePlan plan = planGatewayOrigination(r, QStringLiteral("https-port-for-tls-origination"));
    plan.gateway->listenerName = QStringLiteral("https-listener-for-tls-origination");
    return plan;
}

} // namespace egret::recipes

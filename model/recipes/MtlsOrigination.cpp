#include "model/recipes/RoutePlan.h"

namespace egret::recipes {

// Istio task "Egress gateway TLS origination", mutual TLS origination: as tls-origination, the
// gateway presenting the client certificate of a Secret. The gateway reads `credentialName`
// from its own namespace, so the DestinationRule goes there too (the task applies it with
// `-n istio-system`).
RoutePlan planMtlsOrigination(const RouteRequest &r) {
    RoutePlan plan = planGatewayOrigination(r, QStringLiteral("https"));
    OriginationPlan &tls = plan.origination[0];
    tls.mode = QStringLiteral("MUTUAL");
    tls.credentialName = r.credentialName;
    tls.sni = tls.host;
    tls.inGatewayNamespace = true;
    tls.namePrefix = QStringLiteral("originate-mtls-for-");
    return plan;
}

} // namespace egret::recipes

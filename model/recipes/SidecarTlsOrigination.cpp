#include "model/recipes/RoutePlan.h"

namespace egret::recipes {

// Istio task "Egress TLS origination": the application calls http://host; the ServiceEntry
// sends that port to 443 on the host (targetPort) and a DestinationRule makes the sidecar
// originate TLS there.
RoutePlan planSidecarTlsOrigination(const RouteRequest &r) {
    RoutePlan plan;
    ServiceEntryPlan se;
    se.host = r.host;
    se.ports = {{r.port, QStringLiteral("HTTP"), QStringLiteral("http-port"), qint64(443)}};
    se.resolution = QStringLiteral("DNS");
    plan.serviceEntries = {se};

    OriginationPlan tls;
    tls.host = r.host;
    tls.port = r.port; // port-level settings name the service port, not the target port
    tls.mode = QStringLiteral("SIMPLE");
    plan.origination = {tls};
    return plan;
}

} // namespace egret::recipes

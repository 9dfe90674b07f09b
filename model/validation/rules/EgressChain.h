#pragma once

#include "model/validation/Context.h"
#include "model/validation/rules/RouteRules.h"

#include <optional>

// The egress chain as the EGR rules follow it: a mesh route sends a host to a gateway's Service,
// Gateways on that gateway's pods accept it on a port, and a route bound to such a Gateway sends
// it on to the host.
namespace egret::validation::rules {

// Pods of a gateway proxy: Istio's charts label them istio=ingressgateway / egressgateway,
// gateway injection annotates them inject.istio.io/templates: gateway, and Gateway API
// deployments carry gateway.networking.k8s.io/gateway-name.
bool isGatewayWorkload(const Workload &w);
// An egress gateway's: its `istio` or `app` label, or its name, says egress.
bool isEgressGatewayWorkload(const Resource &workload);

// The gateway a destination host names: a cluster Service selecting gateway pods.
struct GatewayTarget {
    const Resource *service = nullptr;
    QString host; // the Service's FQDN
    QVector<const Resource *> pods;
    std::optional<qint64> port; // the Service port used: the destination's, or the only one
};
bool gatewayTarget(Context &ctx, const Destination &d, const QString &fromNs, GatewayTarget *out);

// Whether a Gateway server port receives what a Service port sends: the same number, or the
// Service port's numeric targetPort (Istio accepts either for gateways).
bool portReaches(qint64 serverPort, qint64 servicePort, const Service &svc);

bool selectsAny(const Gateway &gw, const QVector<const Resource *> &pods);

// A hop from the mesh to a gateway: a rule of a mesh-bound VirtualService sending hosts to a
// gateway's Service.
struct MeshHop {
    RouteRuleView rule;
    Applicability at;
    DestinationRef destination;
    GatewayTarget target;
    QStringList hosts; // the hosts the rule carries
};
QVector<MeshHop> meshHops(Context &ctx, const Resource &vs);

// A rule bound to a Gateway on the given pods that carries `host` onward.
struct GatewayHop {
    const Resource *virtualService = nullptr;
    const Resource *gateway = nullptr;
    RouteRuleView rule;
    Applicability at;
};
QVector<GatewayHop> gatewayHops(Context &ctx, const QString &host,
                                const QVector<const Resource *> &pods);

// Gateways on the given pods with a server listing `host`, and the ports of those servers.
struct ServerListing {
    const Resource *gateway = nullptr;
    qint64 port = 0;
};
QVector<ServerListing> serverListings(Context &ctx, const QString &host,
                                      const QVector<const Resource *> &pods);

// Whether the ServiceEntry that a host resolves to from `ns` declares it outside the mesh.
const Resource *externalServiceEntry(Context &ctx, const QString &ns, const QStringList &exportTo,
                                     const QString &host);

QString portList(const QVector<qint64> &ports); // "80, 443"

// routeRules() of a VirtualService, computed once per run.
QVector<RouteRuleView> rulesOf(Context &ctx, const Resource &vs);

} // namespace egret::validation::rules

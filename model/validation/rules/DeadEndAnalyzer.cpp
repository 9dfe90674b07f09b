#include "model/validation/Hosts.h"
#include "model/validation/rules/EgressChain.h"
#include "model/validation/rules/GatewayApiRoutes.h"
#include "model/validation/rules/Rules.h"

namespace egret::validation::rules {

// EGR0001: traffic the mesh hands to a gateway must meet a route there, or the gateway drops it.
static void analyze(Context &ctx) {
    const Resource &r = ctx.subject();
    QStringList reported;
    for (const MeshHop &hop : meshHops(ctx, r)) {
        const QString path = hop.hosts.isEmpty() ? QString() : hop.destination.path();
        for (const QString &host : hop.hosts) {
            const QString key = path + kSep + host;
            if (reported.contains(key) ||
                !gatewayHops(ctx, fqdn(host, r.ns), hop.target.pods).isEmpty() ||
                routedOnwardByGatewayApi(ctx, fqdn(host, r.ns), hop.target.pods))
                continue;
            reported << key;
            ctx.report(msg::EgressRouteDeadEnd, path + QStringLiteral(".host"),
                       {host, hop.destination.destination.host, host});
        }
    }
}

const Rule deadEndAnalyzer{
    "egress.DeadEndAnalyzer",
    "Checks that every host a mesh route sends to a gateway is routed onward by a VirtualService "
    "bound to a Gateway on that gateway, or a Gateway API route attached to it",
    {Kind::VirtualService, Kind::Gateway, Kind::Service, Kind::Pod, Kind::KubernetesGateway,
     Kind::HttpRoute, Kind::GrpcRoute, Kind::TlsRoute, Kind::TcpRoute},
    {Kind::VirtualService},
    {&msg::EgressRouteDeadEnd},
    analyze,
};

} // namespace egret::validation::rules

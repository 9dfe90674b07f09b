#include "model/istio/GatewayApiRefs.h"
#include "model/istio/Hosts.h"
#include "model/validation/Hosts.h"
#include "model/validation/rules/EgressChain.h"
#include "model/validation/rules/GatewayApiRoutes.h"
#include "model/validation/rules/Rules.h"

namespace egret::validation::rules {

namespace {

bool routedOnward(Context &ctx, const QString &host, const QVector<const Resource *> &pods) {
    return !gatewayHops(ctx, host, pods).isEmpty() || routedOnwardByGatewayApi(ctx, host, pods);
}

void analyzeVirtualService(Context &ctx, const Resource &r) {
    QStringList reported;
    for (const MeshHop &hop : meshHops(ctx, r)) {
        const QString path = hop.hosts.isEmpty() ? QString() : hop.destination.path();
        for (const QString &host : hop.hosts) {
            const QString key = path + kSep + host;
            if (reported.contains(key) || routedOnward(ctx, fqdn(host, r.ns), hop.target.pods))
                continue;
            reported << key;
            ctx.report(msg::EgressRouteDeadEnd, path + QStringLiteral(".host"),
                       {host, hop.destination.destination.host, host});
        }
    }
}

// The hosts a Gateway API route carries for the mesh through parent `p`: the ServiceEntry's
// (those among the route's hostnames, when it names any) or the Service's.
QStringList meshHosts(Context &ctx, const Resource &r, const ObjectRef &p) {
    const GatewayRoute &route = *r.as<GatewayRoute>();
    if (istio::refersToService(p))
        return {istio::serviceFqdn(p.name, istio::refNamespace(p, r.ns))};
    if (istio::refersToServiceEntry(p))
        if (const Resource *se = referencedService(ctx, p, r.ns))
            return istio::hostsThroughServiceEntry(route, *se->as<ServiceEntry>());
    return {};
}

void analyzeGatewayApiRoute(Context &ctx, const Resource &r) {
    const GatewayRoute &route = *r.as<GatewayRoute>();
    QStringList hosts;
    for (const ObjectRef &p : route.parentRefs)
        for (const QString &h : meshHosts(ctx, r, p))
            if (!hosts.contains(h))
                hosts << h;
    for (int i = 0; i < route.rules.size(); ++i) {
        for (int j = 0; j < route.rules[i].backendRefs.size(); ++j) {
            const ObjectRef &b = route.rules[i].backendRefs[j];
            if (!istio::refersToService(b))
                continue;
            Destination d;
            d.host = istio::serviceFqdn(b.name, istio::refNamespace(b, r.ns));
            d.port = b.port;
            GatewayTarget target;
            if (!gatewayTarget(ctx, d, r.ns, &target))
                continue;
            for (const QString &host : hosts)
                if (!routedOnward(ctx, fqdn(host, r.ns), target.pods))
                    ctx.report(msg::EgressRouteDeadEnd,
                               QStringLiteral("spec.rules[%1].backendRefs[%2]").arg(i).arg(j),
                               {host, d.host, host});
        }
    }
}

// EGR0001: traffic the mesh hands to a gateway must meet a route there, or the gateway drops it.
void analyze(Context &ctx) {
    const Resource &r = ctx.subject();
    if (r.as<VirtualService>())
        analyzeVirtualService(ctx, r);
    else if (r.as<GatewayRoute>())
        analyzeGatewayApiRoute(ctx, r);
}

} // namespace

const Rule deadEndAnalyzer{
    "egress.DeadEndAnalyzer",
    "Checks that every host a mesh route (a VirtualService or a Gateway API route) sends to a "
    "gateway is routed onward there",
    {Kind::VirtualService, Kind::Gateway, Kind::Service, Kind::Pod, Kind::KubernetesGateway,
     Kind::HttpRoute, Kind::GrpcRoute, Kind::TlsRoute, Kind::TcpRoute, Kind::ServiceEntry},
    {Kind::VirtualService, Kind::HttpRoute, Kind::GrpcRoute, Kind::TlsRoute, Kind::TcpRoute},
    {&msg::EgressRouteDeadEnd},
    analyze,
};

} // namespace egret::validation::rules

#include "model/istio/GatewayApiRefs.h"
#include "model/istio/Hosts.h"
#include "model/validation/Hosts.h"
#include "model/validation/rules/EgressChain.h"
#include "model/validation/rules/GatewayApiRoutes.h"
#include "model/validation/rules/Rules.h"

namespace egret::validation::rules {

namespace {

// Whether some mesh-bound VirtualService sends `host` to one of the gateway's pods.
bool meshSendsToGateway(Context &ctx, const QString &host, const QVector<const Resource *> &pods) {
    QVector<const Resource *> candidates;
    for (const Entry &e : ctx.entries(Table::MeshVsByFqdn, host))
        candidates << e.resource;
    for (const Entry &e : ctx.entries(Table::MeshVsWildcard, QString()))
        if (!candidates.contains(e.resource))
            candidates << e.resource;
    for (const Resource *vs : candidates) {
        for (const MeshHop &hop : meshHops(ctx, *vs)) {
            bool samePods = false;
            for (const Resource *p : hop.target.pods)
                samePods = samePods || pods.contains(p);
            if (!samePods)
                continue;
            for (const QString &h : hop.hosts)
                if (hostsOverlap(fqdn(h, vs->ns), host))
                    return true;
        }
    }
    return false;
}

// Whether a Gateway API route attached to the ServiceEntry (or Service) declaring `host` sends
// it to one of the gateway's pods.
bool meshRouteSendsToGateway(Context &ctx, const QString &ns, const QString &host,
                             const QVector<const Resource *> &pods) {
    const Context::HostMatch owner = ctx.lookupHost(ns, {}, host);
    if (!owner.found())
        return false;
    const QString key = owner.owner->ns + kSep + owner.owner->meta.name;
    for (const Entry &e : ctx.entries(Table::RoutesByServiceParent, key)) {
        for (const GatewayRouteRule &rule : e.resource->as<GatewayRoute>()->rules) {
            for (const ObjectRef &b : rule.backendRefs) {
                if (!istio::refersToService(b))
                    continue;
                Destination d;
                d.host = istio::serviceFqdn(b.name, istio::refNamespace(b, e.resource->ns));
                d.port = b.port;
                GatewayTarget target;
                if (!gatewayTarget(ctx, d, e.resource->ns, &target))
                    continue;
                for (const Resource *p : target.pods)
                    if (pods.contains(p))
                        return true;
            }
        }
    }
    return false;
}

bool sidecarsSentThere(Context &ctx, const QString &ns, const QString &host,
                       const QVector<const Resource *> &pods) {
    return meshSendsToGateway(ctx, host, pods) || meshRouteSendsToGateway(ctx, ns, host, pods);
}

// A Gateway API route attached to a Gateway Istio deploys, sending external hosts onward.
void analyzeGatewayApiRoute(Context &ctx, const Resource &r) {
    const GatewayRoute &route = *r.as<GatewayRoute>();
    QStringList reported;
    for (const ObjectRef &parent : route.parentRefs) {
        const Resource *gw = parentGateway(ctx, parent, r.ns);
        if (!gw || gw->as<KubernetesGateway>()->gatewayClassName != istio::kIstioGatewayClass)
            continue;
        const QVector<const Resource *> pods =
            ctx.workloadsMatching({{istio::kGatewayNameLabel, gw->meta.name}}, &gw->ns);
        if (pods.isEmpty())
            continue;
        bool external = false;
        for (const GatewayRouteRule &rule : route.rules)
            for (const ObjectRef &b : rule.backendRefs)
                external = external || (istio::refersToHostname(b) &&
                                        externalServiceEntry(ctx, r.ns, {}, b.name));
        if (!external)
            continue;
        QStringList hosts;
        for (const GatewayListener &l : gw->as<KubernetesGateway>()->listeners)
            if (istio::parentSelectsListener(parent, l))
                for (const QString &h : istio::hostsAtListener(route, l))
                    if (!hosts.contains(h))
                        hosts << h;
        for (int i = 0; i < hosts.size(); ++i) {
            const QString &host = hosts[i];
            if (reported.contains(host) || istio::isWildcardHost(host) ||
                sidecarsSentThere(ctx, r.ns, host, pods))
                continue;
            reported << host;
            const int written = int(route.hostnames.indexOf(host));
            ctx.report(msg::EgressGatewayBypassed,
                       written >= 0 ? QStringLiteral("spec.hostnames[%1]").arg(written)
                                    : QStringLiteral("spec.parentRefs"),
                       {host, fullName(*gw)});
        }
    }
}

// EGR0008: an egress gateway route for an external host is only used if sidecars are sent to the
// gateway; without a mesh route they call the host directly and the gateway's policy is bypassed.
void analyze(Context &ctx) {
    const Resource &r = ctx.subject();
    if (r.as<GatewayRoute>())
        return analyzeGatewayApiRoute(ctx, r);
    const auto *vs = r.as<VirtualService>();
    QStringList reported;
    const QStringList bound = boundGateways(*vs, r.ns);
    for (const QString &g : bound) {
        if (isMeshGateway(g))
            continue;
        const Resource *gw = ctx.find(Table::GatewayByName, gatewayNameKey(g, r.ns));
        if (!gw)
            continue;
        QVector<const Resource *> pods;
        for (const Resource *pod : ctx.workloadsMatching(gw->as<Gateway>()->selector))
            if (isEgressGatewayWorkload(*pod))
                pods << pod;
        if (pods.isEmpty())
            continue;
        for (const RouteRuleView &rule : rulesOf(ctx, r)) {
            const Applicability at = appliesAt(rule, bound, r.ns, g);
            if (!at.applies)
                continue;
            bool external = false;
            for (const DestinationRef &d : rule.routes)
                external = external || (d.present && externalServiceEntry(ctx, r.ns, vs->exportTo,
                                                                          d.destination.host));
            if (!external)
                continue;
            for (const QString &host : carriedHosts(rule, at, *vs)) {
                if (reported.contains(host) || sidecarsSentThere(ctx, r.ns, fqdn(host, r.ns), pods))
                    continue;
                reported << host;
                const int i = int(vs->hosts.indexOf(host));
                ctx.report(msg::EgressGatewayBypassed,
                           i >= 0 ? QStringLiteral("spec.hosts[%1]").arg(i) : rule.path(),
                           {host, fullName(*gw)});
            }
        }
    }
}

} // namespace

const Rule gatewayBypassAnalyzer{
    "egress.GatewayBypassAnalyzer",
    "Checks that external hosts an egress gateway routes are also sent to it by a mesh route, so "
    "that sidecars do not reach them directly",
    {Kind::VirtualService, Kind::Gateway, Kind::Service, Kind::Pod, Kind::ServiceEntry,
     Kind::KubernetesGateway, Kind::HttpRoute, Kind::GrpcRoute, Kind::TlsRoute, Kind::TcpRoute},
    {Kind::VirtualService, Kind::HttpRoute, Kind::GrpcRoute, Kind::TlsRoute, Kind::TcpRoute},
    {&msg::EgressGatewayBypassed},
    analyze,
};

} // namespace egret::validation::rules

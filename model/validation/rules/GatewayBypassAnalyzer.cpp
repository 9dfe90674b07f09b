#include "model/validation/Hosts.h"
#include "model/validation/rules/EgressChain.h"
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

// EGR0008: an egress gateway route for an external host is only used if sidecars are sent to the
// gateway; without a mesh route they call the host directly and the gateway's policy is bypassed.
void analyze(Context &ctx) {
    const Resource &r = ctx.subject();
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
                if (reported.contains(host) || meshSendsToGateway(ctx, fqdn(host, r.ns), pods))
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
    {Kind::VirtualService, Kind::Gateway, Kind::Service, Kind::Pod, Kind::ServiceEntry},
    {Kind::VirtualService},
    {&msg::EgressGatewayBypassed},
    analyze,
};

} // namespace egret::validation::rules

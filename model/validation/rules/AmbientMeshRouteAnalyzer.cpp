#include "model/istio/GatewayRef.h"
#include "model/validation/rules/AmbientBindings.h"
#include "model/validation/rules/Rules.h"

namespace egret::validation::rules {

// EGR0019: ambient pods have no sidecar. For a host no waypoint is bound to, their ztunnel
// connects to it at L4, and a VirtualService's mesh rules (retries, timeouts, a detour through
// an egress gateway) never apply to them. Sidecars in the same mesh still follow them.
static void analyze(Context &ctx) {
    const Resource &r = ctx.subject();
    const VirtualService &vs = *r.as<VirtualService>();
    if (!istio::meshBound(vs.gateways))
        return;
    QStringList ambient;
    for (const Entry &e : ctx.entries(Table::AmbientNamespaces, QString()))
        ambient << e.resource->meta.name;
    if (ambient.isEmpty())
        return;
    ambient.sort();
    for (int i = 0; i < vs.hosts.size(); ++i) {
        const Context::HostMatch m = ctx.lookupHost(r.ns, vs.exportTo, vs.hosts.at(i));
        if (!m.found() || m.owner->kind != Kind::ServiceEntry ||
            effectiveWaypointUse(ctx, *m.owner).isSet())
            continue;
        ctx.report(msg::AmbientMeshRouteIgnored, QStringLiteral("spec.hosts[%1]").arg(i),
                   {ambient.join(QStringLiteral(", ")), vs.hosts.at(i),
                    QStringLiteral("ServiceEntry %1").arg(fullName(*m.owner))});
    }
}

const Rule ambientMeshRouteAnalyzer{
    "ambient.MeshRouteAnalyzer",
    "Checks that mesh VirtualServices for hosts ambient pods reach without a waypoint are not "
    "taken to govern them",
    {Kind::VirtualService, Kind::ServiceEntry, Kind::Namespace},
    {Kind::VirtualService},
    {&msg::AmbientMeshRouteIgnored},
    analyze,
};

} // namespace egret::validation::rules

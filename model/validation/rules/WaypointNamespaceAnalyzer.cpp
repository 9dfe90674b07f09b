#include "model/validation/rules/AmbientBindings.h"
#include "model/validation/rules/Rules.h"

namespace egret::validation::rules {

// EGR0018: without istio.io/use-waypoint-namespace Istio looks for the waypoint in the labelled
// resource's own namespace. An egress waypoint usually lives elsewhere (istio-egress): when the
// named waypoint is found only there, the missing label is the mistake.
static void analyze(Context &ctx) {
    const Resource &r = ctx.subject();
    const istio::WaypointUse use = istio::waypointUse(r, nullptr);
    if (!use.isSet() || use.labelled != &r || use.explicitNamespace)
        return;
    if (ctx.find(Table::KubeGatewayByName, nameKey(use.ns, use.name)))
        return;
    QStringList elsewhere;
    for (const Entry &e : ctx.entries(Table::WaypointsByName, use.name))
        if (e.resource->ns != use.ns && !elsewhere.contains(e.resource->ns))
            elsewhere << e.resource->ns;
    if (elsewhere.isEmpty())
        return; // nowhere: EGR0018 has nothing to add to EGR0017
    elsewhere.sort();
    ctx.report(msg::WaypointNamespaceMissing, useWaypointPath(),
               {subjectKind(r), use.name, use.ns, elsewhere.join(QStringLiteral(", ")),
                elsewhere.first(), use.ns});
}

const Rule waypointNamespaceAnalyzer{
    "ambient.WaypointNamespaceAnalyzer",
    "Checks that a waypoint in another namespace is named with istio.io/use-waypoint-namespace",
    {Kind::ServiceEntry, Kind::Service, Kind::Namespace, Kind::KubernetesGateway},
    {Kind::ServiceEntry, Kind::Service, Kind::Namespace},
    {&msg::WaypointNamespaceMissing},
    analyze,
};

} // namespace egret::validation::rules

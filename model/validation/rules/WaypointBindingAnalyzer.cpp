#include "model/validation/rules/AmbientBindings.h"
#include "model/validation/rules/Rules.h"

namespace egret::validation::rules {

// EGR0017: istio.io/use-waypoint on a ServiceEntry, Service or Namespace names a waypoint that
// must exist (a Gateway of class istio-waypoint) and take service traffic (waypoint-for service
// or all). A waypoint of that name in another namespace is EGR0018's case.
static void analyze(Context &ctx) {
    const Resource &r = ctx.subject();
    const istio::WaypointUse use = istio::waypointUse(r, nullptr); // the subject's own label
    if (!use.isSet() || use.labelled != &r)
        return;
    const QString where = QStringLiteral("%1/%2").arg(use.ns, use.name);
    const QString label = QStringLiteral("label %1").arg(istio::kUseWaypointLabel);
    const Resource *gw = ctx.find(Table::KubeGatewayByName, nameKey(use.ns, use.name));
    if (!gw) {
        if (!use.explicitNamespace && !ctx.entries(Table::WaypointsByName, use.name).isEmpty())
            return; // in another namespace: EGR0018
        ctx.report(msg::WaypointNotFound, useWaypointPath(),
                   {subjectKind(r), where, label, QStringLiteral("which does not exist")});
    } else if (!istio::isWaypoint(*gw)) {
        ctx.report(
            msg::WaypointNotFound, useWaypointPath(),
            {subjectKind(r), where, label,
             QStringLiteral("which is a Gateway of class %1, not %2")
                 .arg(gw->as<KubernetesGateway>()->gatewayClassName, istio::kWaypointClass)});
    } else if (!istio::waypointServesServices(*gw)) {
        ctx.report(msg::WaypointNotFound, useWaypointPath(),
                   {subjectKind(r), where, label,
                    QStringLiteral("whose %1: %2 takes no service traffic")
                        .arg(istio::kWaypointForLabel, istio::waypointFor(*gw))});
    }
}

const Rule waypointBindingAnalyzer{
    "ambient.WaypointBindingAnalyzer",
    "Checks that the waypoint a ServiceEntry, Service or Namespace uses exists and takes service "
    "traffic",
    {Kind::ServiceEntry, Kind::Service, Kind::Namespace, Kind::KubernetesGateway},
    {Kind::ServiceEntry, Kind::Service, Kind::Namespace},
    {&msg::WaypointNotFound},
    analyze,
};

} // namespace egret::validation::rules

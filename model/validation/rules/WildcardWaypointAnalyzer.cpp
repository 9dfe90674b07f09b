#include "model/validation/rules/AmbientBindings.h"
#include "model/validation/rules/Rules.h"

namespace egret::validation::rules {

// EGR0020: a wildcard host has no address to capture; in ambient mode only a waypoint reaches
// it, resolving each request's name (resolution DYNAMIC_DNS). One without the other does not
// work: a waypoint cannot resolve NONE, and only a waypoint resolves DYNAMIC_DNS.
static void analyze(Context &ctx) {
    const Resource &r = ctx.subject();
    const ServiceEntry &se = *r.as<ServiceEntry>();
    const istio::WaypointUse use = effectiveWaypointUse(ctx, r);
    const bool dynamic = se.resolution == QLatin1String("DYNAMIC_DNS");
    const QString resolution = se.resolution.isEmpty() ? QStringLiteral("NONE") : se.resolution;
    for (int i = 0; i < se.hosts.size(); ++i) {
        const QString &host = se.hosts.at(i);
        if (!host.startsWith(QLatin1Char('*')))
            continue;
        if (use.isSet() && !dynamic)
            ctx.report(msg::WildcardWithoutDynamicDns, QStringLiteral("spec.resolution"),
                       {host, QStringLiteral("it is bound to the waypoint %1/%2, but its "
                                             "resolution is %3")
                                  .arg(use.ns, use.name, resolution)});
        else if (!use.isSet() && dynamic)
            ctx.report(msg::WildcardWithoutDynamicDns, QStringLiteral("spec.resolution"),
                       {host, QStringLiteral("it resolves with DYNAMIC_DNS, but neither it nor "
                                             "its namespace is bound to a waypoint "
                                             "(istio.io/use-waypoint)")});
    }
}

const Rule wildcardWaypointAnalyzer{
    "ambient.WildcardWaypointAnalyzer",
    "Checks that wildcard ServiceEntries in ambient mode use a waypoint and DYNAMIC_DNS "
    "resolution together",
    {Kind::ServiceEntry, Kind::Namespace},
    {Kind::ServiceEntry},
    {&msg::WildcardWithoutDynamicDns},
    analyze,
};

} // namespace egret::validation::rules

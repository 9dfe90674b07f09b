#include "model/validation/Context.h"
#include "model/validation/Hosts.h"
#include "model/validation/rules/RouteRules.h"
#include "model/validation/rules/Rules.h"

namespace egret::validation::rules {

// A subset named by a route must be defined by a DestinationRule for the same service, matched
// the way Istio's analyzer matches them: by the namespace and name the host spells.
static void analyze(Context &ctx) {
    const Resource &r = ctx.subject();
    for (const DestinationRef &d : allDestinations(*r.as<VirtualService>(), true)) {
        const QString &subset = d.destination.subset;
        if (!d.present || subset.isEmpty())
            continue;
        const ServiceName sn = serviceNameOf(d.destination.host, r.ns);
        if (ctx.entries(Table::DrSubsetByServiceName, sn.ns + kSep + sn.name + kSep + subset)
                .isEmpty())
            ctx.report(msg::ReferencedResourceNotFound, d.path() + QStringLiteral(".subset"),
                       {d.mirror ? QStringLiteral("mirror+subset in destinationrule")
                                 : QStringLiteral("host+subset in destinationrule"),
                        d.destination.host + QLatin1Char('+') + subset});
    }
}

const Rule destinationRuleAnalyzer{
    "virtualservice.DestinationRuleAnalyzer",
    "Checks that the subsets VirtualService routes name are defined by a DestinationRule",
    {Kind::VirtualService, Kind::DestinationRule},
    {Kind::VirtualService},
    {&msg::ReferencedResourceNotFound},
    analyze,
};

} // namespace egret::validation::rules

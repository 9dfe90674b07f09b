#include "model/validation/Hosts.h"
#include "model/validation/rules/EgressChain.h"
#include "model/validation/rules/Rules.h"

namespace egret::validation::rules {

namespace {

bool visibleFrom(const Resource &dr, const QString &ns) {
    return istio::exportedTo(dr.as<DestinationRule>()->exportTo, dr.ns, ns);
}

const Subset *findSubset(const DestinationRule &dr, const QString &name) {
    for (const Subset &s : dr.subsets)
        if (s.name == name)
            return &s;
    return nullptr;
}

// EGR0003: the subset the mesh route names must be defined, for the gateway's Service, by a
// DestinationRule the route's namespace sees, and must select the gateway's pods.
void analyze(Context &ctx) {
    const Resource &r = ctx.subject();
    for (const MeshHop &hop : meshHops(ctx, r)) {
        const QString &subset = hop.destination.destination.subset;
        if (subset.isEmpty())
            continue;
        QString reason;
        const Subset *found = nullptr;
        for (const Entry &e : ctx.entries(Table::DrSubsetByFqdn, hop.target.host + kSep + subset))
            if (!found && visibleFrom(*e.resource, r.ns))
                found = findSubset(*e.resource->as<DestinationRule>(), subset);
        if (!found) {
            reason = QStringLiteral("no DestinationRule for %1 that namespace %2 sees defines it")
                         .arg(hop.target.host, r.ns.isEmpty() ? QStringLiteral("\"\"") : r.ns);
        } else {
            bool selects = false;
            for (const Resource *pod : hop.target.pods)
                selects = selects || selectorMatches(found->labels, pod->as<Workload>()->podLabels);
            if (!selects)
                reason = QStringLiteral("its labels {%1} select none of the gateway's pods")
                             .arg(selectorString(found->labels));
        }
        if (!reason.isEmpty())
            ctx.report(msg::EgressGatewaySubsetMissing,
                       hop.destination.path() + QStringLiteral(".subset"),
                       {hop.hosts.value(0), subset, hop.target.host, reason});
    }
}

} // namespace

const Rule gatewaySubsetAnalyzer{
    "egress.GatewaySubsetAnalyzer",
    "Checks that the gateway subset a mesh route names is defined for the gateway Service and "
    "selects the gateway's pods",
    {Kind::VirtualService, Kind::DestinationRule, Kind::Service, Kind::Pod},
    {Kind::VirtualService},
    {&msg::EgressGatewaySubsetMissing},
    analyze,
};

} // namespace egret::validation::rules

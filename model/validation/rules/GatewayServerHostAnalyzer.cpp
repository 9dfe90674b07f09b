#include "model/validation/Hosts.h"
#include "model/validation/rules/EgressChain.h"
#include "model/validation/rules/Rules.h"

namespace egret::validation::rules {

namespace {

// EGR0002: a route bound to a Gateway only applies where a server of that Gateway, on the port
// the route matches, lists the host. (When no host of the VirtualService is on the Gateway at
// all, IST0132 says so already.)
void analyze(Context &ctx) {
    const Resource &r = ctx.subject();
    const auto *vs = r.as<VirtualService>();
    QStringList reported;
    const QStringList bound = boundGateways(*vs, r.ns);
    for (const QString &g : bound) {
        if (isMeshGateway(g))
            continue;
        const Resource *gwRes = ctx.find(Table::GatewayByName, gatewayNameKey(g, r.ns));
        if (!gwRes)
            continue;
        const auto *gw = gwRes->as<Gateway>();
        const GatewayHosts &listed = ctx.gatewayHosts(*gwRes);
        bool anyShared = false;
        for (const QString &h : vs->hosts)
            anyShared = anyShared || !listed.overlapping(h, &r.ns).isEmpty();
        if (!anyShared)
            continue;
        for (const RouteRuleView &rule : rulesOf(ctx, r)) {
            const Applicability at = appliesAt(rule, bound, r.ns, g);
            if (!at.applies)
                continue;
            for (const QString &host : carriedHosts(rule, at, *vs)) {
                bool covered = false;
                for (const GatewayHosts::Listing &l : listed.overlapping(host, &r.ns))
                    covered = covered || at.ports.isEmpty() ||
                              at.ports.contains(gw->servers[l.server].port.number.value_or(0));
                const QString ports =
                    at.ports.isEmpty() ? QStringLiteral("any") : portList(at.ports);
                const QString key = host + kSep + g + kSep + ports;
                if (covered || reported.contains(key))
                    continue;
                reported << key;
                ctx.report(msg::GatewayServerMissingHost, rule.path(),
                           {host, fullName(*gwRes), ports});
            }
        }
    }
}

} // namespace

const Rule gatewayServerHostAnalyzer{
    "egress.GatewayServerHostAnalyzer",
    "Checks that each host a gateway route carries is listed by a server of its Gateway on the "
    "port the route matches",
    {Kind::VirtualService, Kind::Gateway},
    {Kind::VirtualService},
    {&msg::GatewayServerMissingHost},
    analyze,
};

} // namespace egret::validation::rules

#include "model/validation/Hosts.h"
#include "model/validation/rules/EgressChain.h"
#include "model/validation/rules/Rules.h"

namespace egret::validation::rules {

// EGR0005: a PASSTHROUGH server forwards the client's TLS untouched, so the gateway can only route
// it by SNI (tls rules with sniHosts); http rules never see its requests.
static void analyze(Context &ctx) {
    const Resource &r = ctx.subject();
    const auto *vs = r.as<VirtualService>();
    const QStringList bound = boundGateways(*vs, r.ns);
    for (const QString &g : bound) {
        if (isMeshGateway(g))
            continue;
        const GatewayRef ref = parseGatewayRef(g, r.ns);
        const Resource *gwRes = ctx.find(Table::GatewayByName, ref.ns + kSep + ref.name);
        if (!gwRes)
            continue;
        for (const RouteRuleView &rule : rulesOf(ctx, r)) {
            if (!rule.isHttp())
                continue;
            const Applicability at = appliesAt(rule, bound, r.ns, g);
            if (!at.applies)
                continue;
            for (const Server &s : gwRes->as<Gateway>()->servers) {
                const qint64 port = s.port.number.value_or(0);
                if (!s.tls || !s.tls->mode.endsWith(QLatin1String("PASSTHROUGH")) ||
                    (!at.ports.isEmpty() && !at.ports.contains(port)))
                    continue;
                QString host;
                for (const QString &serverHost : s.hosts) {
                    QString h;
                    if (!gatewayHostFor(serverHost, gwRes->ns, r.ns, &h))
                        continue;
                    for (const QString &vh : vs->hosts)
                        if (host.isEmpty() && hostsOverlap(h, vh))
                            host = vh;
                }
                if (!host.isEmpty())
                    ctx.report(msg::PassthroughWithHttpRoute, rule.path(),
                               {fullName(*gwRes), QString::number(port), host});
            }
        }
    }
}

const Rule passthroughRouteAnalyzer{
    "egress.PassthroughRouteAnalyzer",
    "Checks that hosts a Gateway passes TLS through for are routed with tls rules, not http rules",
    {Kind::VirtualService, Kind::Gateway},
    {Kind::VirtualService},
    {&msg::PassthroughWithHttpRoute},
    analyze,
};

} // namespace egret::validation::rules

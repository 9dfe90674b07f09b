#include "model/validation/Hosts.h"
#include "model/validation/rules/EgressChain.h"
#include "model/validation/rules/Rules.h"

#include <algorithm>

namespace egret::validation::rules {

namespace {

// The host a server's listings share with the VirtualService: the first of its (non-empty) hosts
// that overlaps the server's first host to overlap any; `listed[k]`: where hosts[k] is listed.
QString sharedHost(const QVector<QVector<GatewayHosts::Listing>> &listed, const QStringList &hosts,
                   int server) {
    int best = -1, position = 0;
    for (int k = 0; k < listed.size(); ++k)
        for (const GatewayHosts::Listing &l : listed[k])
            if (l.server == server && !hosts[k].isEmpty() && (best < 0 || l.position < position)) {
                best = k;
                position = l.position;
            }
    return best < 0 ? QString() : hosts[best];
}

// EGR0005: a PASSTHROUGH server forwards the client's TLS untouched, so the gateway can only route
// it by SNI (tls rules with sniHosts); http rules never see its requests.
void analyze(Context &ctx) {
    const Resource &r = ctx.subject();
    const auto *vs = r.as<VirtualService>();
    const QStringList bound = boundGateways(*vs, r.ns);
    for (const QString &g : bound) {
        if (isMeshGateway(g))
            continue;
        const Resource *gwRes = ctx.find(Table::GatewayByName, gatewayNameKey(g, r.ns));
        if (!gwRes)
            continue;
        const auto *gw = gwRes->as<Gateway>();
        // Only the servers that list one of the VirtualService's hosts can be reported.
        QVector<QVector<GatewayHosts::Listing>> listed;
        QVector<int> servers;
        for (const QString &vh : vs->hosts) {
            listed.append(ctx.gatewayHosts(*gwRes).overlapping(vh, &r.ns));
            for (const GatewayHosts::Listing &l : listed.last())
                servers.append(l.server);
        }
        std::sort(servers.begin(), servers.end());
        servers.erase(std::unique(servers.begin(), servers.end()), servers.end());
        for (const RouteRuleView &rule : rulesOf(ctx, r)) {
            if (!rule.isHttp())
                continue;
            const Applicability at = appliesAt(rule, bound, r.ns, g);
            if (!at.applies)
                continue;
            for (int i : servers) {
                const Server &s = gw->servers[i];
                const qint64 port = s.port.number.value_or(0);
                if (!s.tls || !s.tls->mode.endsWith(QLatin1String("PASSTHROUGH")) ||
                    (!at.ports.isEmpty() && !at.ports.contains(port)))
                    continue;
                const QString host = sharedHost(listed, vs->hosts, i);
                if (!host.isEmpty())
                    ctx.report(msg::PassthroughWithHttpRoute, rule.path(),
                               {fullName(*gwRes), QString::number(port), host});
            }
        }
    }
}

} // namespace

const Rule passthroughRouteAnalyzer{
    "egress.PassthroughRouteAnalyzer",
    "Checks that hosts a Gateway passes TLS through for are routed with tls rules, not http rules",
    {Kind::VirtualService, Kind::Gateway},
    {Kind::VirtualService},
    {&msg::PassthroughWithHttpRoute},
    analyze,
};

} // namespace egret::validation::rules

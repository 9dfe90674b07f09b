#include "model/recipes/RouteRules.h"

#include "model/istio/GatewayRef.h"

namespace egret::recipes {

namespace {

RuleInfo info(const istio::RouteRule &rule, const QStringList &vsGateways) {
    RuleInfo r;
    r.kind = rule.kind;
    r.index = rule.index;
    auto bind = [&](const QStringList &gateways) {
        const QStringList &effective = gateways.isEmpty() ? vsGateways : gateways;
        if (istio::boundToMesh(gateways, vsGateways))
            r.mesh = true;
        for (const QString &g : effective)
            if (!istio::isMeshGateway(g) && !r.gateways.contains(g))
                r.gateways << g;
    };
    for (const istio::RuleMatch &m : rule.matches) {
        bind(*m.gateways);
        if (m.port)
            r.ports << *m.port;
        else
            r.anyPort = true;
    }
    if (rule.matches.isEmpty()) {
        bind({});
        r.anyPort = true;
    }
    for (const RouteDestination &d : *rule.route)
        if (d.hasDestination)
            r.destinations.append(
                {d.destination.host, d.destination.subset, d.destination.port.value_or(0)});
    return r;
}

} // namespace

QVector<RuleInfo> rulesOf(const VirtualService &vs) {
    QVector<RuleInfo> out;
    for (const istio::RouteRule &rule : istio::routeRules(vs))
        out << info(rule, vs.gateways);
    return out;
}

QString rulePath(const RuleInfo &rule) {
    return istio::rulePath(rule.kind, rule.index);
}

} // namespace egret::recipes

#include "model/recipes/RouteRules.h"

#include "model/recipes/RecipeSteps.h"
#include "model/recipes/ResourceNodes.h"

namespace egret::recipes {

namespace {

template <class Match>
RuleInfo info(RuleKind kind, int index, const QVector<Match> &matches,
              const QVector<RouteDestination> &route, const QStringList &vsGateways) {
    RuleInfo r;
    r.kind = kind;
    r.index = index;
    const QString mesh = QStringLiteral("mesh");
    auto bind = [&](const QStringList &gateways) {
        const QStringList effective = gateways.isEmpty() ? vsGateways : gateways;
        if (boundToMesh(gateways, vsGateways))
            r.mesh = true;
        for (const QString &g : effective)
            if (g != mesh && !r.gateways.contains(g))
                r.gateways << g;
    };
    for (const Match &m : matches) {
        bind(m.gateways);
        if (m.port)
            r.ports << *m.port;
        else
            r.anyPort = true;
    }
    if (matches.isEmpty()) {
        bind({});
        r.anyPort = true;
    }
    for (const RouteDestination &d : route)
        if (d.hasDestination)
            r.destinations.append(
                {d.destination.host, d.destination.subset, d.destination.port.value_or(0)});
    return r;
}

} // namespace

QVector<RuleInfo> rulesOf(const VirtualService &vs) {
    QVector<RuleInfo> out;
    for (int i = 0; i < vs.http.size(); ++i)
        out << info(RuleKind::Http, i, vs.http[i].match, vs.http[i].route, vs.gateways);
    for (int i = 0; i < vs.tls.size(); ++i)
        out << info(RuleKind::Tls, i, vs.tls[i].match, vs.tls[i].route, vs.gateways);
    for (int i = 0; i < vs.tcp.size(); ++i)
        out << info(RuleKind::Tcp, i, vs.tcp[i].match, vs.tcp[i].route, vs.gateways);
    return out;
}

QString rulePath(const RuleInfo &rule) {
    return QStringLiteral("spec.%1[%2]").arg(ruleListName(rule.kind)).arg(rule.index);
}

QString resolveGatewayRef(const QString &ref, const QString &vsNamespace) {
    return ref.contains(QLatin1Char('/')) ? ref : vsNamespace + QLatin1Char('/') + ref;
}

} // namespace egret::recipes

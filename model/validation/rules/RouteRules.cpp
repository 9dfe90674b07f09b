#include "model/validation/rules/RouteRules.h"

#include "model/istio/GatewayRef.h"

namespace egret::validation::rules {

namespace {

QVector<DestinationRef> routeDestinations(const QVector<RouteDestination> &route,
                                          istio::RuleKind kind, int rule) {
    QVector<DestinationRef> out;
    out.reserve(route.size());
    for (int j = 0; j < route.size(); ++j) {
        DestinationRef d;
        d.present = route[j].hasDestination;
        if (d.present)
            d.destination = route[j].destination;
        d.kind = kind;
        d.rule = rule;
        d.entry = j;
        out.append(d);
    }
    return out;
}

} // namespace

QString DestinationRef::path() const {
    const QString rulePath = istio::rulePath(kind, rule);
    switch (where) {
    case Where::Mirror:
        return rulePath + QStringLiteral(".mirror");
    case Where::Mirrors:
        return rulePath + QStringLiteral(".mirrors[%1].destination").arg(entry);
    case Where::Route:
        break;
    }
    const QString routePath = rulePath + QStringLiteral(".route[%1]").arg(entry);
    return present ? routePath + QStringLiteral(".destination") : routePath;
}

QVector<DestinationRef> allDestinations(const VirtualService &vs, bool withMirrors) {
    QVector<DestinationRef> out;
    for (int i = 0; i < vs.tcp.size(); ++i)
        out += routeDestinations(vs.tcp[i].route, istio::RuleKind::Tcp, i);
    for (int i = 0; i < vs.tls.size(); ++i)
        out += routeDestinations(vs.tls[i].route, istio::RuleKind::Tls, i);
    for (int i = 0; i < vs.http.size(); ++i) {
        out += routeDestinations(vs.http[i].route, istio::RuleKind::Http, i);
        if (!withMirrors)
            continue;
        DestinationRef m;
        m.mirror = true;
        m.rule = i;
        if (vs.http[i].mirror) {
            m.destination = *vs.http[i].mirror;
            m.where = DestinationRef::Where::Mirror;
            out.append(m);
        }
        for (int k = 0; k < vs.http[i].mirrors.size(); ++k) {
            m.destination = vs.http[i].mirrors[k];
            m.where = DestinationRef::Where::Mirrors;
            m.entry = k;
            out.append(m);
        }
    }
    return out;
}

QVector<RouteRuleView> routeRules(const VirtualService &vs) {
    QVector<RouteRuleView> out;
    out.reserve(vs.http.size() + vs.tls.size() + vs.tcp.size());
    for (const istio::RouteRule &rule : istio::routeRules(vs)) {
        RouteRuleView v{rule.kind, rule.index, {}, {}};
        v.matches.reserve(rule.matches.size());
        for (const istio::RuleMatch &m : rule.matches)
            v.matches.append({*m.gateways, m.port, m.sniHosts ? *m.sniHosts : QStringList()});
        v.routes = routeDestinations(*rule.route, rule.kind, rule.index);
        out.append(v);
    }
    return out;
}

QStringList boundGateways(const VirtualService &vs, const QString &vsNs) {
    if (vs.gateways.isEmpty())
        return {istio::kMeshGateway};
    QStringList out;
    out.reserve(vs.gateways.size());
    for (const QString &g : vs.gateways) {
        const QString key = istio::gatewayKey(g, vsNs);
        if (!out.contains(key))
            out << key;
    }
    return out;
}

Applicability appliesAt(const RouteRuleView &rule, const QStringList &bound, const QString &vsNs,
                        const QString &gateway) {
    Applicability a;
    if (rule.matches.isEmpty()) {
        a.applies = bound.contains(gateway);
        return a;
    }
    bool anyPort = false;
    for (const RouteRuleView::Match &m : rule.matches) {
        bool here = false;
        if (m.gateways.isEmpty()) {
            here = bound.contains(gateway);
        } else {
            for (const QString &g : m.gateways)
                here = here || istio::refersTo(g, vsNs, gateway);
        }
        if (!here)
            continue;
        a.applies = true;
        if (m.port)
            a.ports << *m.port;
        else
            anyPort = true;
        a.sniHosts += m.sniHosts;
    }
    if (anyPort)
        a.ports.clear();
    return a;
}

QStringList carriedHosts(const RouteRuleView &rule, const Applicability &at,
                         const VirtualService &vs) {
    if (rule.kind == istio::RuleKind::Tls && !at.sniHosts.isEmpty()) {
        QStringList out;
        for (const QString &h : at.sniHosts)
            if (!out.contains(h))
                out << h;
        return out;
    }
    return vs.hosts;
}

} // namespace egret::validation::rules

#include "model/validation/rules/RouteRules.h"

#include "model/validation/Hosts.h"

namespace egret::validation::rules {

namespace {

QString at(const QString &path, const char *key, int i) {
    return QStringLiteral("%1.%2[%3]").arg(path, QLatin1String(key)).arg(i);
}

QVector<DestinationRef> routeDestinations(const QVector<RouteDestination> &route,
                                          const QString &rulePath) {
    QVector<DestinationRef> out;
    for (int j = 0; j < route.size(); ++j) {
        const QString entry = at(rulePath, "route", j);
        if (route[j].hasDestination)
            out.append({route[j].destination, true, false, entry + QStringLiteral(".destination")});
        else
            out.append({Destination{}, false, false, entry});
    }
    return out;
}

} // namespace

QVector<DestinationRef> allDestinations(const VirtualService &vs, bool withMirrors) {
    QVector<DestinationRef> out;
    for (int i = 0; i < vs.tcp.size(); ++i)
        out += routeDestinations(vs.tcp[i].route, at(QStringLiteral("spec"), "tcp", i));
    for (int i = 0; i < vs.tls.size(); ++i)
        out += routeDestinations(vs.tls[i].route, at(QStringLiteral("spec"), "tls", i));
    for (int i = 0; i < vs.http.size(); ++i) {
        const QString path = at(QStringLiteral("spec"), "http", i);
        out += routeDestinations(vs.http[i].route, path);
        if (!withMirrors)
            continue;
        if (vs.http[i].mirror)
            out.append({*vs.http[i].mirror, true, true, path + QStringLiteral(".mirror")});
        for (int k = 0; k < vs.http[i].mirrors.size(); ++k)
            out.append({vs.http[i].mirrors[k], true, true,
                        at(path, "mirrors", k) + QStringLiteral(".destination")});
    }
    return out;
}

QVector<RouteRuleView> routeRules(const VirtualService &vs) {
    QVector<RouteRuleView> out;
    for (int i = 0; i < vs.http.size(); ++i) {
        RouteRuleView v{QStringLiteral("http"), i, at(QStringLiteral("spec"), "http", i), {}, {}};
        for (const HttpMatchRequest &m : vs.http[i].match)
            v.matches.append({m.gateways, m.port, {}});
        v.routes = routeDestinations(vs.http[i].route, v.path);
        out.append(v);
    }
    for (int i = 0; i < vs.tls.size(); ++i) {
        RouteRuleView v{QStringLiteral("tls"), i, at(QStringLiteral("spec"), "tls", i), {}, {}};
        for (const TlsMatchAttributes &m : vs.tls[i].match)
            v.matches.append({m.gateways, m.port, m.sniHosts});
        v.routes = routeDestinations(vs.tls[i].route, v.path);
        out.append(v);
    }
    for (int i = 0; i < vs.tcp.size(); ++i) {
        RouteRuleView v{QStringLiteral("tcp"), i, at(QStringLiteral("spec"), "tcp", i), {}, {}};
        for (const L4MatchAttributes &m : vs.tcp[i].match)
            v.matches.append({m.gateways, m.port, {}});
        v.routes = routeDestinations(vs.tcp[i].route, v.path);
        out.append(v);
    }
    return out;
}

QStringList boundGateways(const VirtualService &vs, const QString &vsNs) {
    if (vs.gateways.isEmpty())
        return {QStringLiteral("mesh")};
    QStringList out;
    for (const QString &g : vs.gateways) {
        const QString key = isMeshGateway(g) ? g : parseGatewayRef(g, vsNs).key();
        if (!out.contains(key))
            out << key;
    }
    return out;
}

Applicability appliesAt(const RouteRuleView &rule, const VirtualService &vs, const QString &vsNs,
                        const QString &gateway) {
    Applicability a;
    const QStringList bound = boundGateways(vs, vsNs);
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
                here = here || (isMeshGateway(g) ? g : parseGatewayRef(g, vsNs).key()) == gateway;
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
    if (rule.kind == QLatin1String("tls") && !at.sniHosts.isEmpty()) {
        QStringList out;
        for (const QString &h : at.sniHosts)
            if (!out.contains(h))
                out << h;
        return out;
    }
    return vs.hosts;
}

} // namespace egret::validation::rules

#include "model/validation/rules/RouteRules.h"

#include "model/validation/Hosts.h"

namespace egret::validation::rules {

namespace {

QVector<DestinationRef> routeDestinations(const QVector<RouteDestination> &route, const char *table,
                                          int rule) {
    QVector<DestinationRef> out;
    out.reserve(route.size());
    for (int j = 0; j < route.size(); ++j) {
        DestinationRef d;
        d.present = route[j].hasDestination;
        if (d.present)
            d.destination = route[j].destination;
        d.table = table;
        d.rule = rule;
        d.entry = j;
        out.append(d);
    }
    return out;
}

} // namespace

QString DestinationRef::path() const {
    const QString rulePath = QStringLiteral("spec.%1[%2]").arg(QLatin1String(table)).arg(rule);
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

QString RouteRuleView::path() const {
    return QStringLiteral("spec.%1[%2]").arg(QLatin1String(kind)).arg(index);
}

QVector<DestinationRef> allDestinations(const VirtualService &vs, bool withMirrors) {
    QVector<DestinationRef> out;
    for (int i = 0; i < vs.tcp.size(); ++i)
        out += routeDestinations(vs.tcp[i].route, "tcp", i);
    for (int i = 0; i < vs.tls.size(); ++i)
        out += routeDestinations(vs.tls[i].route, "tls", i);
    for (int i = 0; i < vs.http.size(); ++i) {
        out += routeDestinations(vs.http[i].route, "http", i);
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
    for (int i = 0; i < vs.http.size(); ++i) {
        RouteRuleView v{"http", i, {}, {}};
        for (const HttpMatchRequest &m : vs.http[i].match)
            v.matches.append({m.gateways, m.port, {}});
        v.routes = routeDestinations(vs.http[i].route, "http", i);
        out.append(v);
    }
    for (int i = 0; i < vs.tls.size(); ++i) {
        RouteRuleView v{"tls", i, {}, {}};
        for (const TlsMatchAttributes &m : vs.tls[i].match)
            v.matches.append({m.gateways, m.port, m.sniHosts});
        v.routes = routeDestinations(vs.tls[i].route, "tls", i);
        out.append(v);
    }
    for (int i = 0; i < vs.tcp.size(); ++i) {
        RouteRuleView v{"tcp", i, {}, {}};
        for (const L4MatchAttributes &m : vs.tcp[i].match)
            v.matches.append({m.gateways, m.port, {}});
        v.routes = routeDestinations(vs.tcp[i].route, "tcp", i);
        out.append(v);
    }
    return out;
}
QStringList boundGateways(const VirtualService &vs, const QString &vsNs) {
    if (vs.gateways.isEmpty())
        return {QStringLiteral("mesh")};
    QStringList out;
    out.reserve(vs.gateways.size());
    for (const QString &g : vs.gateways) {
        // "ns/name" is its own key (parseGatewayRef(g).key() would rebuild it).
        const QString key =
            isMeshGateway(g) || g.contains(QLatin1Char('/')) ? g : parseGatewayRef(g, vsNs).key();
        if (!out.contains(key))
            out << key;
    }
    return out;
}

bool refersTo(const QString &ref, const QString &vsNs, const QString &gateway) {
    if (isMeshGateway(ref) || ref.contains(QLatin1Char('/')))
        return ref == gateway;
    // "name" in the VirtualService's namespace: compare with "ns/name" without building it.
    return gateway.size() == vsNs.size() + 1 + ref.size() && gateway.startsWith(vsNs) &&
           gateway.at(vsNs.size()) == QLatin1Char('/') && gateway.endsWith(ref);
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
                here = here || refersTo(g, vsNs, gateway);
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
    if (qstrcmp(rule.kind, "tls") == 0 && !at.sniHosts.isEmpty()) {
        QStringList out;
        for (const QString &h : at.sniHosts)
            if (!out.contains(h))
                out << h;
        return out;
    }
    return vs.hosts;
}

} // namespace egret::validation::rules

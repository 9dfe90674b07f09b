#include "model/istio/GatewayApiRefs.h"
#include "model/istio/Hosts.h"
#include "model/recipes/GatewayApiRoutes.h"
#include "model/recipes/RouteUses.h"

#include <QHash>

namespace egret::recipes {

namespace {

QString keyOf(const Resource &r) {
    return r.ns + QLatin1Char('/') + r.meta.name;
}

QString listenerKey(const QString &gateway, qint64 port, const QString &hostname) {
    return QStringLiteral("%1|%2|%3").arg(gateway).arg(port).arg(hostname);
}

// Where a backendRef sends: a Hostname, a Service (name.ns.svc.cluster.local), or the first host
// of a ServiceEntry.
QString destinationOf(const RecipeContext &ctx, const ObjectRef &b, const QString &routeNs) {
    if (istio::refersToServiceEntry(b)) {
        const Resource *se = ctx.find(Kind::ServiceEntry, istio::refNamespace(b, routeNs), b.name);
        return se ? se->as<ServiceEntry>()->hosts.value(0) : QString();
    }
    return istio::backendHost(b, routeNs);
}

// Finds the Gateway API routes to a host and what the routes that stay still use.
class GatewayApiFinder {
public:
    GatewayApiFinder(const RecipeContext &ctx, const RouteRemoval &rm, RouteTrim &trim,
                     RouteUses &uses)
        : m_ctx(ctx)
        , m_rm(rm)
        , m_trim(trim)
        , m_uses(uses)
        , m_routes(gatewayApiRoutes(ctx)) {}

    void run() {
        selectMeshRoutes();
        selectGatewayRoutes();
        collectRemaining();
        // The gateway's TLS settings and the grants nothing that stays uses go.
        for (const Endpoint &e : std::as_const(m_toGateways))
            if (!m_uses.remainingDestinations.contains(e))
                m_trim.hostPorts[e.first] << e.second;
        for (const RouteTrim::Grant &g : std::as_const(m_grants))
            if (!m_keepGrants.contains(grantKey(g)))
                m_trim.grants << g;
    }

private:
    static QString grantKey(const RouteTrim::Grant &g) {
        return QStringList{g.serviceNs, g.service, g.routeKind, g.routeNs}.join(QLatin1Char('|'));
    }

    RouteTrim::GatewayApiRoute *trimOf(const Resource &r) {
        for (RouteTrim::GatewayApiRoute &t : m_trim.gatewayApiRoutes)
            if (t.id == r.id)
                return &t;
        return nullptr;
    }

    void touch(const QString &gateway) {
        if (!m_trim.credentialGateways.contains(gateway))
            m_trim.credentialGateways << gateway;
    }

    // Mesh routes: the parents that are the host's ServiceEntry, entering at the port.
    void selectMeshRoutes() {
        QHash<const Resource *, QList<int>> going;
        for (const MeshParent &p : meshParents(m_ctx, m_rm.host)) {
            if (!takesPort(p, m_rm.port))
                continue;
            going[p.route] << p.parent;
            for (qint64 port : p.ports)
                if (!m_uses.meshPorts.contains(port))
                    m_uses.meshPorts << port;
        }
        for (auto it = going.cbegin(); it != going.cend(); ++it) {
            const Resource &route = *it.key();
            const GatewayRoute &rt = *route.as<GatewayRoute>();
            RouteTrim::GatewayApiRoute t{
                route.id, it.value().size() == rt.parentRefs.size(), it.value(), {}};
            m_trim.gatewayApiRoutes << t;
            m_uses.found = true;
            for (const GatewayRouteRule &rule : rt.rules)
                for (const ObjectRef &b : rule.backendRefs)
                    if (const Resource *gw = deployedGatewayOf(m_ctx, b, route.ns)) {
                        m_gatewayPorts[keyOf(*gw)] << b.port.value_or(0);
                        m_toGateways
                            << Endpoint(destinationOf(m_ctx, b, route.ns), b.port.value_or(0));
                        touch(keyOf(*gw));
                    }
        }
    }

    // Routes at the gateways: the host's entry in their hostnames (TCP, which has none: the
    // listener the mesh route leads to), and the listeners only they attach to.
    void selectGatewayRoutes() {
        for (const Resource *route : std::as_const(m_routes)) {
            if (trimOf(*route))
                continue; // a mesh route
            const GatewayRoute &rt = *route->as<GatewayRoute>();
            const int hostIndex = int(rt.hostnames.indexOf(m_rm.host));
            if (hostIndex < 0 && !rt.hostnames.isEmpty())
                continue;
            bool chosen = false;
            for (const ObjectRef &p : rt.parentRefs) {
                const Resource *gw = gatewayOf(p, route->ns);
                if (!gw)
                    continue;
                const QString key = keyOf(*gw);
                const bool anyPort = m_rm.port == 0 && hostIndex >= 0;
                if (!anyPort && !m_gatewayPorts.contains(key))
                    continue;
                for (const GatewayListener &l : gw->as<KubernetesGateway>()->listeners) {
                    if (!l.port || !istio::parentSelectsListener(p, l) ||
                        !istio::listenerAdmitsKind(l, route->kind))
                        continue;
                    const bool forHost =
                        hostIndex >= 0 ? l.hostname == m_rm.host : l.hostname.isEmpty();
                    if (!forHost || (!anyPort && !m_gatewayPorts[key].contains(*l.port)))
                        continue;
                    chosen = true;
                    m_trim.listeners << RouteTrim::Listener{key, *l.port, l.hostname};
                    touch(key);
                }
            }
            if (!chosen)
                continue;
            const bool whole = rt.hostnames.size() <= 1;
            m_trim.gatewayApiRoutes << RouteTrim::GatewayApiRoute{
                route->id, whole, {}, whole ? QList<int>() : QList<int>{hostIndex}};
            m_uses.found = true;
            for (const GatewayRouteRule &rule : rt.rules) {
                for (const ObjectRef &b : rule.backendRefs) {
                    m_uses.gatewayDestinations
                        << Endpoint(destinationOf(m_ctx, b, route->ns), b.port.value_or(0));
                    const QString ns = istio::refNamespace(b, route->ns);
                    if (istio::refersToService(b) && ns != route->ns)
                        m_grants << RouteTrim::Grant{ns, b.name, route->kindName, route->ns};
                }
            }
        }
    }

    // What the routes that stay (whole, or with their other parents and hosts) still use.
    void collectRemaining() {
        for (const Resource *route : std::as_const(m_routes)) {
            const RouteTrim::GatewayApiRoute *t = trimOf(*route);
            if (t && t->whole)
                continue;
            const GatewayRoute &rt = *route->as<GatewayRoute>();
            QStringList hostnames = rt.hostnames;
            if (t)
                for (int i : t->hostnames)
                    hostnames.removeAll(rt.hostnames.value(i));
            m_uses.remainingHosts += QSet<QString>(hostnames.begin(), hostnames.end());
            for (const GatewayRouteRule &rule : rt.rules) {
                for (const ObjectRef &b : rule.backendRefs) {
                    m_uses.remainingDestinations
                        << Endpoint(destinationOf(m_ctx, b, route->ns), b.port.value_or(0));
                    if (istio::refersToService(b))
                        m_keepGrants << grantKey({istio::refNamespace(b, route->ns), b.name,
                                                  route->kindName, route->ns});
                }
            }
            for (int i = 0; i < rt.parentRefs.size(); ++i) {
                const ObjectRef &p = rt.parentRefs[i];
                if (t && t->parentRefs.contains(i))
                    continue;
                if (istio::refersToServiceEntry(p)) {
                    if (const Resource *se = m_ctx.find(Kind::ServiceEntry,
                                                        istio::refNamespace(p, route->ns), p.name))
                        for (const QString &h : se->as<ServiceEntry>()->hosts)
                            m_uses.remainingHosts << h;
                    continue;
                }
                const Resource *gw = gatewayOf(p, route->ns);
                if (!gw)
                    continue;
                for (const GatewayListener &l : gw->as<KubernetesGateway>()->listeners)
                    if (l.port && istio::parentSelectsListener(p, l) &&
                        istio::listenerAdmitsKind(l, route->kind) &&
                        (hostnames.isEmpty() || hostnames.contains(l.hostname)))
                        m_trim.keepListeners << listenerKey(keyOf(*gw), *l.port, l.hostname);
            }
        }
    }

    const Resource *gatewayOf(const ObjectRef &parent, const QString &routeNs) const {
        if (!istio::refersToGateway(parent))
            return nullptr;
        return m_ctx.find(Kind::KubernetesGateway, istio::refNamespace(parent, routeNs),
                          parent.name);
    }

    const RecipeContext &m_ctx;
    const RouteRemoval &m_rm;
    RouteTrim &m_trim;
    RouteUses &m_uses;
    const QVector<const Resource *> m_routes;
    QHash<QString, QList<qint64>> m_gatewayPorts; // "ns/name" -> ports the mesh routes go to
    QSet<Endpoint> m_toGateways;                  // <gateway>-istio and port, as routes send
    QVector<RouteTrim::Grant> m_grants;
    QSet<QString> m_keepGrants;
};

} // namespace

void findGatewayApiRoutes(const RecipeContext &ctx, const RouteRemoval &rm, RouteTrim &trim,
                          RouteUses &uses) {
    GatewayApiFinder(ctx, rm, trim, uses).run();
}

} // namespace egret::recipes

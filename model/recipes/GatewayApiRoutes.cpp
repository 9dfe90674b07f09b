#include "model/recipes/GatewayApiRoutes.h"

#include "model/istio/GatewayApiRefs.h"
#include "model/istio/Hosts.h"
#include "model/istio/Protocols.h"

namespace egret::recipes {

Kind routeKindFor(RuleKind rules) {
    switch (rules) {
    case RuleKind::Http:
        return Kind::HttpRoute;
    case RuleKind::Tls:
        return Kind::TlsRoute;
    case RuleKind::Tcp:
        return Kind::TcpRoute;
    }
    return Kind::HttpRoute;
}

QVector<const Resource *> gatewayApiRoutes(const RecipeContext &ctx) {
    QVector<const Resource *> out;
    ctx.ws().forEachResource([&](const Resource &r) {
        if (isGatewayApiRoute(r.kind) && r.as<GatewayRoute>())
            out.append(&r);
    });
    return out;
}

QList<qint64> meshRoutePorts(Kind routeKind, const ServiceEntry &se) {
    QList<qint64> out;
    for (const ServicePort &p : se.ports) {
        if (!p.number)
            continue;
        const istio::ProtocolClass c = istio::protocolClass(p.protocol);
        const bool takes = routeKind == Kind::TcpRoute   ? c != istio::ProtocolClass::Http
                           : routeKind == Kind::TlsRoute ? c == istio::ProtocolClass::Tls
                                                         : c == istio::ProtocolClass::Http;
        if (takes)
            out << *p.number;
    }
    return out;
}

QVector<MeshParent> meshParents(const RecipeContext &ctx, const QString &host) {
    QVector<MeshParent> out;
    for (const Resource *route : gatewayApiRoutes(ctx)) {
        const GatewayRoute &rt = *route->as<GatewayRoute>();
        if (!rt.hostnames.isEmpty() && !rt.hostnames.contains(host))
            continue;
        for (int i = 0; i < rt.parentRefs.size(); ++i) {
            const ObjectRef &p = rt.parentRefs[i];
            const QString ns = istio::refNamespace(p, route->ns);
            MeshParent use;
            use.route = route;
            use.parent = i;
            if (istio::refersToServiceEntry(p)) {
                use.serviceEntry = ctx.find(Kind::ServiceEntry, ns, p.name);
                const ServiceEntry *se =
                    use.serviceEntry ? use.serviceEntry->as<ServiceEntry>() : nullptr;
                if (!se || !istio::hostsThroughServiceEntry(rt, *se).contains(host))
                    continue;
                use.ports = p.port ? QList<qint64>{*p.port} : meshRoutePorts(route->kind, *se);
                if (use.ports.isEmpty())
                    continue; // a route of this kind takes none of its ports
            } else if (istio::refersToService(p) && istio::serviceFqdn(p.name, ns) == host) {
                if (p.port)
                    use.ports = {*p.port};
            } else {
                continue;
            }
            out.append(use);
        }
    }
    return out;
}

bool takesPort(const MeshParent &p, qint64 port) {
    return p.ports.isEmpty() || port == 0 || p.ports.contains(port);
}

const Resource *deployedGatewayOf(const RecipeContext &ctx, const ObjectRef &backend,
                                  const QString &routeNs) {
    if (!istio::refersToService(backend))
        return nullptr;
    const QString ns = istio::refNamespace(backend, routeNs);
    for (const Resource *g : ctx.ofKind(Kind::KubernetesGateway))
        if (g->ns == ns && istio::deployedName(g->meta.name) == backend.name &&
            g->as<KubernetesGateway>()->gatewayClassName == istio::kIstioGatewayClass)
            return g;
    return nullptr;
}

QString located(const Resource &r) {
    return QStringLiteral("%1: %2").arg(r.location.toString(), resourceName(r));
}

} // namespace egret::recipes

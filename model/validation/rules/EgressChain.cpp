#include "model/validation/rules/EgressChain.h"

#include "model/validation/Hosts.h"

#include <QStringBuilder>

namespace egret::validation::rules {

bool isGatewayWorkload(const Workload &w) {
    return w.podLabels.value(QStringLiteral("istio")).endsWith(QLatin1String("gateway")) ||
           w.podAnnotations.value(QStringLiteral("inject.istio.io/templates"))
               .contains(QLatin1String("gateway")) ||
           w.podLabels.contains(QStringLiteral("gateway.networking.k8s.io/gateway-name"));
}

bool isEgressGatewayWorkload(const Resource &workload) {
    const Labels &labels = workload.as<Workload>()->podLabels;
    return labels.value(QStringLiteral("istio")).contains(QLatin1String("egress")) ||
           labels.value(QStringLiteral("app")).contains(QLatin1String("egress")) ||
           workload.meta.name.contains(QLatin1String("egress"));
}

static bool findGatewayTarget(Context &ctx, const Destination &d, const QString &fromNs,
                              GatewayTarget *out) {
    ServiceName sn;
    if (!clusterServiceOf(d.host, fromNs, &sn))
        return false;
    const Resource *svc = ctx.find(Table::ServiceByName, sn.ns + kSep + sn.name);
    if (!svc)
        return false;
    const auto *s = svc->as<Service>();
    if (s->selector.isEmpty())
        return false;
    GatewayTarget t;
    for (const Resource *pod : ctx.workloadsMatching(s->selector, &svc->ns))
        if (isGatewayWorkload(*pod->as<Workload>()))
            t.pods << pod;
    if (t.pods.isEmpty())
        return false;
    t.service = svc;
    t.host = istio::serviceFqdn(sn.name, sn.ns);
    if (d.port)
        t.port = d.port;
    else if (s->ports.size() == 1)
        t.port = s->ports.first().port;
    *out = t;
    return true;
}

bool gatewayTarget(Context &ctx, const Destination &d, const QString &fromNs, GatewayTarget *out) {
    // Every mesh route to the egress gateway asks this about the same Service.
    const QString key = QLatin1String("gateway") % kSep % fromNs % kSep % d.host % kSep %
                        QString::number(d.port.value_or(0));
    const auto found = ctx.memo<std::optional<GatewayTarget>>(key, [&] {
        GatewayTarget t;
        return findGatewayTarget(ctx, d, fromNs, &t) ? std::optional<GatewayTarget>(t)
                                                     : std::nullopt;
    });
    if (found)
        *out = *found;
    return found.has_value();
}

bool portReaches(qint64 serverPort, qint64 servicePort, const Service &svc) {
    if (serverPort == servicePort)
        return true;
    for (const KubePort &p : svc.ports)
        if (p.port == servicePort && p.targetPortNumber == serverPort)
            return true;
    return false;
}

bool selectsAny(const Gateway &gw, const QVector<const Resource *> &pods) {
    for (const Resource *pod : pods)
        if (selectorMatches(gw.selector, pod->as<Workload>()->podLabels))
            return true;
    return false;
}

static QVector<MeshHop> computeMeshHops(Context &ctx, const Resource &r) {
    QVector<MeshHop> out;
    const auto *vs = r.as<VirtualService>();
    const QStringList bound = boundGateways(*vs, r.ns);
    if (!bound.contains(istio::kMeshGateway))
        return out;
    for (const RouteRuleView &rule : rulesOf(ctx, r)) {
        const Applicability at = appliesAt(rule, bound, r.ns, istio::kMeshGateway);
        if (!at.applies)
            continue;
        for (const DestinationRef &d : rule.routes) {
            GatewayTarget target;
            if (d.present && gatewayTarget(ctx, d.destination, r.ns, &target))
                out.append({rule, at, d, target, carriedHosts(rule, at, *vs)});
        }
    }
    return out;
}

QVector<MeshHop> meshHops(Context &ctx, const Resource &r) {
    // Four rules follow the same hops for every VirtualService.
    return ctx.memo<QVector<MeshHop>>(memoKey('m', r.id), [&] { return computeMeshHops(ctx, r); });
}

QVector<GatewayHop> gatewayHops(Context &ctx, const QString &host,
                                const QVector<const Resource *> &pods) {
    QVector<const Resource *> candidates;
    for (const Entry &e : ctx.entries(Table::GatewayRoutesByHost, host))
        candidates << e.resource;
    for (const Entry &e : ctx.entries(Table::GatewayRoutesWildcard, QString()))
        if (!candidates.contains(e.resource))
            candidates << e.resource;
    QVector<GatewayHop> out;
    for (const Resource *r : candidates) {
        const auto *vs = r->as<VirtualService>();
        const QStringList bound = boundGateways(*vs, r->ns);
        for (const QString &g : bound) {
            if (isMeshGateway(g))
                continue;
            const Resource *gw = ctx.find(Table::GatewayByName, gatewayNameKey(g, r->ns));
            if (!gw || !selectsAny(*gw->as<Gateway>(), pods))
                continue;
            for (const RouteRuleView &rule : rulesOf(ctx, *r)) {
                const Applicability at = appliesAt(rule, bound, r->ns, g);
                if (!at.applies || rule.routes.isEmpty())
                    continue;
                for (const QString &h : carriedHosts(rule, at, *vs)) {
                    if (hostsOverlap(fqdn(h, r->ns), host)) {
                        out.append({r, gw, rule, at});
                        break;
                    }
                }
            }
        }
    }
    return out;
}

QVector<ServerListing> serverListings(Context &ctx, const QString &host,
                                      const QVector<const Resource *> &pods) {
    QVector<const Resource *> candidates;
    for (const Entry &e : ctx.entries(Table::GatewaysByServerHost, host))
        candidates << e.resource;
    for (const Entry &e : ctx.entries(Table::GatewaysWildcardHost, QString()))
        if (!candidates.contains(e.resource))
            candidates << e.resource;
    QVector<ServerListing> out;
    for (const Resource *r : candidates) {
        const auto *gw = r->as<Gateway>();
        if (!selectsAny(*gw, pods))
            continue;
        int last = -1; // each server once, in order
        for (const GatewayHosts::Listing &l : ctx.gatewayHosts(*r).overlapping(host)) {
            if (l.server != last)
                out.append({r, gw->servers[l.server].port.number.value_or(0)});
            last = l.server;
        }
    }
    return out;
}

const Resource *externalServiceEntry(Context &ctx, const QString &ns, const QStringList &exportTo,
                                     const QString &host) {
    const Context::HostMatch m = ctx.lookupHost(ns, exportTo, host);
    if (!m.found())
        return nullptr;
    const auto *se = m.owner->as<ServiceEntry>();
    if (!se || se->location == QLatin1String("MESH_INTERNAL"))
        return nullptr;
    return m.owner;
}

QVector<RouteRuleView> rulesOf(Context &ctx, const Resource &vs) {
    return ctx.shared<QVector<RouteRuleView>>(memoKey('r', vs.id),
                                              [&] { return routeRules(*vs.as<VirtualService>()); });
}

QString portList(const QVector<qint64> &ports) {
    QStringList out;
    for (qint64 p : ports)
        if (!out.contains(QString::number(p)))
            out << QString::number(p);
    return out.join(QStringLiteral(", "));
}

} // namespace egret::validation::rules

#include "model/istio/GatewayApiRefs.h"
#include "model/istio/Hosts.h"
#include "model/recipes/GatewayApiNodes.h"
#include "model/recipes/GatewayApiRoutes.h"
#include "model/recipes/HostNames.h"
#include "model/recipes/RecipeSteps.h"

namespace egret::recipes {

namespace {

bool ofKind(const Resource &route, const GatewayPlan &plan) {
    const Kind kind = routeKindFor(plan.rules);
    return route.kind == kind || (kind == Kind::HttpRoute && route.kind == Kind::GrpcRoute);
}

// The mesh parents that already take the plan's port of the host for sidecars of the route's
// namespace: a route there, or one in the ServiceEntry's own namespace (the producer's, seen by
// every client).
QVector<MeshParent> takingParents(const RecipeContext &ctx, const GatewayPlan &plan) {
    const QString routeNs = ctx.routeNamespace();
    QVector<MeshParent> out;
    for (const MeshParent &p : meshParents(ctx, plan.host)) {
        const ObjectRef &parent = p.route->as<GatewayRoute>()->parentRefs[p.parent];
        const bool applies =
            p.route->ns == routeNs || istio::refNamespace(parent, p.route->ns) == p.route->ns;
        if (applies && ofKind(*p.route, plan) && takesPort(p, plan.meshPort))
            out.append(p);
    }
    return out;
}

bool sendsTo(const Resource &route, const QString &host, qint64 port) {
    for (const GatewayRouteRule &rule : route.as<GatewayRoute>()->rules)
        for (const ObjectRef &b : rule.backendRefs)
            if (istio::backendHost(b, route.ns) == host && b.port == port)
                return true;
    return false;
}

QString backendsOf(const Resource &route) {
    QStringList out;
    for (const GatewayRouteRule &rule : route.as<GatewayRoute>()->rules)
        for (const ObjectRef &b : rule.backendRefs)
            out << QStringLiteral("%1:%2")
                       .arg(istio::backendHost(b, route.ns).isEmpty()
                                ? b.name
                                : istio::backendHost(b, route.ns))
                       .arg(b.port.value_or(0));
    return out.isEmpty() ? QStringLiteral("nowhere") : out.join(QStringLiteral(", "));
}

// Whether the route at the gateway takes the plan's host on the plan's port.
bool atGateway(const Resource &route, const GatewayTarget &gw, const GatewayPlan &plan,
               const GatewayListener *tcpListener) {
    const GatewayRoute &rt = *route.as<GatewayRoute>();
    for (const ObjectRef &p : rt.parentRefs) {
        if (!istio::refersToGateway(p) || p.name != gw.name ||
            istio::refNamespace(p, route.ns) != gw.ns)
            continue;
        if (tcpListener) // TCP carries no host name: the listener decides
            return istio::parentSelectsListener(p, *tcpListener);
        if (rt.hostnames.contains(plan.host))
            return true;
    }
    return false;
}

} // namespace

bool routedByGatewayApi(RecipeContext &ctx, const GatewayPlan &plan) {
    const QVector<MeshParent> taking = takingParents(ctx, plan);
    if (taking.isEmpty())
        return false;
    const Resource &route = *taking.first().route;
    ctx.problem(QStringLiteral("workspace"),
                QStringLiteral("%1 (Gateway API) already routes port %2 of %3 to %4: remove that "
                               "route first (egret route remove)")
                    .arg(located(route))
                    .arg(plan.meshPort)
                    .arg(plan.host, backendsOf(route)));
    return true;
}

void ensureMeshRoute(RecipeContext &ctx, const GatewayTarget &gw, const GatewayPlan &plan,
                     const NamedResource &serviceEntry) {
    for (const MeshParent &p : takingParents(ctx, plan)) {
        if (sendsTo(*p.route, gw.serviceHost, plan.port))
            return; // sidecars already go to the gateway this way
        ctx.problem(QStringLiteral("workspace"),
                    QStringLiteral("%1 already routes port %2 of %3 to %4: remove that route "
                                   "first (egret route remove)")
                        .arg(located(*p.route))
                        .arg(plan.meshPort)
                        .arg(plan.host, backendsOf(*p.route)));
        return;
    }
    const QString routeNs = ctx.routeNamespace();
    const Kind kind = routeKindFor(plan.rules);
    const YAML::Node parent = serviceEntryParent(
        serviceEntry.name, serviceEntry.ns == routeNs ? QString() : serviceEntry.ns);
    const YAML::Node backend = serviceBackend(istio::deployedName(gw.name),
                                              gw.ns == routeNs ? QString() : gw.ns, plan.port);
    ctx.create(
        kind, ctx.written(routeNs),
        ctx.uniqueName(kind, routeNs,
                       QStringLiteral("direct-%1-to-egress-gateway").arg(targetName(plan.host))),
        routeSpec(parent, {}, backend));
}

void ensureForwardRoute(RecipeContext &ctx, const GatewayTarget &gw, const GatewayPlan &plan) {
    const Kind kind = routeKindFor(plan.rules);
    // TCP has no host name to attach by: the route names the listener on its port.
    const GatewayListener *tcpListener = nullptr;
    if (plan.rules == RuleKind::Tcp)
        if (const Resource *g = ctx.find(Kind::KubernetesGateway, gw.ns, gw.name))
            for (const GatewayListener &l : g->as<KubernetesGateway>()->listeners)
                if (l.port == plan.port && l.protocol == QLatin1String("TCP") && !tcpListener)
                    tcpListener = &l;
    const QString sectionName = tcpListener ? tcpListener->name : QString();

    // The gateway sends to the Service the host names when the workspace has it (Istio's mTLS
    // task: a Service in another namespace), else to the host the ServiceEntry declares.
    istio::analyzer::ServiceName service;
    const bool toService =
        istio::analyzer::clusterServiceOf(plan.destinationHost, gw.ns, &service) &&
        ctx.find(Kind::Service, service.ns, service.name);
    const QString destination =
        toService ? istio::serviceFqdn(service.name, service.ns) : plan.destinationHost;

    bool present = false;
    for (const Resource *r : gatewayApiRoutes(ctx)) {
        if (r->ns != gw.ns || !ofKind(*r, plan) || !atGateway(*r, gw, plan, tcpListener))
            continue;
        if (sendsTo(*r, destination, plan.destinationPort)) {
            present = true;
            continue;
        }
        ctx.problem(QStringLiteral("gateway-port"),
                    QStringLiteral("%1 already sends %2 from the gateway %3 to %4: choose another "
                                   "--gateway-port, or remove that route first")
                        .arg(located(*r),
                             tcpListener ? QStringLiteral("port %1").arg(plan.port) : plan.host,
                             gw.name, backendsOf(*r)));
        return;
    }
    if (!present) {
        const YAML::Node backend =
            toService ? serviceBackend(service.name, service.ns == gw.ns ? QString() : service.ns,
                                       plan.destinationPort)
                      : hostnameBackend(plan.destinationHost, plan.destinationPort);
        ctx.create(kind, ctx.written(gw.ns),
                   ctx.uniqueName(
                       kind, gw.ns,
                       QStringLiteral("forward-%1-from-egress-gateway").arg(targetName(plan.host))),
                   routeSpec(gatewayParent(gw.name, sectionName),
                             tcpListener ? QStringList() : QStringList{plan.host}, backend));
    }
    if (toService && service.ns != gw.ns && !ctx.failed())
        ensureReferenceGrant(ctx, kind, gw.ns, service.ns, service.name);
}

} // namespace egret::recipes

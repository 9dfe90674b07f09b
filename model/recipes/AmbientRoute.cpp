#include "model/recipes/AmbientRoute.h"
#include "model/istio/Ambient.h"
#include "model/recipes/Patterns.h"
#include "model/recipes/RecipeSteps.h"
#include "model/recipes/ResourceNodes.h"

namespace egret::recipes {

namespace {

const QString kEgressNamespace = QStringLiteral("istio-egress");
const QString kWaypointName = QStringLiteral("waypoint"); // as `istioctl waypoint apply` names it

// The namespace enrolled to use the waypoint (`istioctl waypoint apply --enroll-namespace`):
// created when missing; one that exists must already be enrolled to it.
void ensureEnrolledNamespace(RecipeContext &ctx) {
    if (const Resource *ns = ctx.find(Kind::Namespace, QString(), kEgressNamespace)) {
        const QString use = ns->meta.labels.value(istio::kUseWaypointLabel);
        if (use != kWaypointName)
            ctx.problem(
                QStringLiteral("workspace"),
                QStringLiteral("Namespace %1 is not labelled %2: %3; label it so (or remove "
                               "it from the files) for its ServiceEntries to use the "
                               "waypoint")
                    .arg(kEgressNamespace, istio::kUseWaypointLabel, kWaypointName));
        return;
    }
    ctx.createObject(QStringLiteral("v1"), QStringLiteral("Namespace"), QString(), kEgressNamespace,
                     {}, YAML::Node(YAML::NodeType::Map),
                     {{istio::kUseWaypointLabel, kWaypointName}});
}

// The waypoint: a Gateway of class istio-waypoint with its HBONE listener, taking service
// traffic, as `istioctl waypoint apply` writes it.
void ensureWaypoint(RecipeContext &ctx) {
    if (const Resource *gw = ctx.find(Kind::KubernetesGateway, kEgressNamespace, kWaypointName)) {
        if (!istio::isWaypoint(*gw) || !istio::waypointServesServices(*gw))
            ctx.problem(QStringLiteral("workspace"),
                        QStringLiteral("Gateway %1/%2 is not a waypoint for services (class %3, "
                                       "%4 service or all)")
                            .arg(kEgressNamespace, kWaypointName, istio::kWaypointClass,
                                 istio::kWaypointForLabel));
        return;
    }
    YAML::Node listener(YAML::NodeType::Map);
    listener["name"] = str(QStringLiteral("mesh"));
    listener["port"] = num(istio::kHbonePort);
    listener["protocol"] = str(QStringLiteral("HBONE"));
    YAML::Node spec(YAML::NodeType::Map);
    spec["gatewayClassName"] = str(istio::kWaypointClass);
    spec["listeners"].push_back(listener);
    YAML::Node body(YAML::NodeType::Map);
    body["spec"] = spec;
    ctx.createObject(QStringLiteral("gateway.networking.k8s.io/v1"), QStringLiteral("Gateway"),
                     kEgressNamespace, kWaypointName, {}, body,
                     {{istio::kWaypointForLabel, QStringLiteral("service")}});
}

bool clientsAmbient(const RecipeContext &ctx, const QString &clientNs) {
    const Resource *ns = ctx.find(Kind::Namespace, QString(), clientNs);
    return ns && istio::isAmbientNamespace(ns->meta.labels);
}

} // namespace

bool isAmbientPattern(Pattern p) {
    return p == Pattern::AmbientEgress || p == Pattern::AmbientTlsOrigination;
}

// Istio's "Egress gateways" page for ambient mode: the ServiceEntry in the namespace enrolled
// to use the waypoint, the application's port 80 sent on to 443 where the waypoint originates
// TLS (DestinationRule SIMPLE at the service port).
RoutePlan planAmbient(const RouteRequest &r) {
    RoutePlan plan;
    const bool origination = r.pattern == Pattern::AmbientTlsOrigination;
    ServiceEntryPlan se;
    se.host = r.host;
    se.ports = {{r.port, QStringLiteral("HTTP"), QStringLiteral("http"),
                 origination ? std::optional<qint64>(443) : std::nullopt}};
    se.resolution = QStringLiteral("DNS");
    plan.serviceEntries = {se};
    if (origination) {
        OriginationPlan tls;
        tls.host = r.host;
        tls.port = r.port;
        tls.mode = QStringLiteral("SIMPLE");
        plan.origination = {tls};
    }
    return plan;
}

RouteResult addAmbientRoute(const Workspace &ws, const RouteRequest &r) {
    // Everything goes to the egress namespace; the request's namespace is the clients'.
    RecipeContext ctx(ws, r.targetFile, kEgressNamespace);
    const RoutePlan plan = planAmbient(r);
    ensureEnrolledNamespace(ctx);
    if (!ctx.failed())
        ensureWaypoint(ctx);
    for (const ServiceEntryPlan &se : plan.serviceEntries)
        if (!ctx.failed())
            ensureServiceEntry(ctx, se);
    for (const OriginationPlan &o : plan.origination)
        if (!ctx.failed())
            ensureOrigination(ctx, o, kEgressNamespace);
    const QString clientNs = r.ns.isEmpty() ? ws.parseOptions().defaultNamespace : r.ns;
    if (!ctx.failed() && !clientsAmbient(ctx, clientNs))
        ctx.note(QStringLiteral("Put the clients in ambient mode: kubectl label namespace %1 "
                                "%2=ambient")
                     .arg(clientNs, istio::kDataplaneModeLabel));
    RouteResult result = ctx.finish(describe(r));
    if (result.ok && result.change.isEmpty())
        result.summary = {QStringLiteral("nothing to change: the workspace already routes %1:%2 "
                                         "through the waypoint")
                              .arg(r.host)
                              .arg(r.port)};
    return result;
}

// After a route's ServiceEntry went: the waypoint and its enrolled namespace go too when they
// are as addAmbientRoute writes them and nothing else uses them.
void trimWaypoint(RecipeContext &ctx) {
    const Resource *gw = ctx.find(Kind::KubernetesGateway, kEgressNamespace, kWaypointName);
    const Resource *ns = ctx.find(Kind::Namespace, QString(), kEgressNamespace);
    if (!gw || !ns || !istio::isWaypoint(*gw))
        return;
    const Labels enrolled{{istio::kUseWaypointLabel, kWaypointName}};
    const Labels serving{{istio::kWaypointForLabel, QStringLiteral("service")}};
    if (ns->meta.labels != enrolled || gw->meta.labels != serving)
        return;
    // Anything else in the namespace, or bound to the waypoint from elsewhere, keeps both.
    for (const Resource *r : ctx.ws().resources()) {
        if (r == gw || r == ns || r->assumed || r->translatedFrom != Kind::Unknown)
            continue;
        if (r->ns == kEgressNamespace)
            return;
        if (r->meta.labels.value(istio::kUseWaypointLabel) == kWaypointName &&
            r->meta.labels.value(istio::kUseWaypointNamespaceLabel) == kEgressNamespace)
            return;
    }
    ctx.remove(*gw);
    // Pointers the context handed out are stale after an edit: find the Namespace again.
    if (const Resource *left = ctx.find(Kind::Namespace, QString(), kEgressNamespace))
        ctx.remove(*left);
}

// Whether the host's route is an ambient one: a ServiceEntry in the waypoint's namespace.
bool routedThroughWaypoint(const RecipeContext &ctx, const QString &host) {
    for (const Resource *r : ctx.ofKind(Kind::ServiceEntry))
        if (r->ns == kEgressNamespace && r->as<ServiceEntry>()->hosts.contains(host))
            return true;
    return false;
}

} // namespace egret::recipes

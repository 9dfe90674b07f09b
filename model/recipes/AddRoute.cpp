#include "model/recipes/AmbientRoute.h"
#include "model/recipes/Patterns.h"
#include "model/recipes/RecipeSteps.h"

#include "model/decode/DocumentParser.h"

#include <QHash>

namespace egret::recipes {

namespace {

// Why new resources cannot go to the file: rendered output is never written into, and a Helm
// template is text Egret cannot see into (what it adds could duplicate what the template makes,
// and the file would not read back as YAML).
QString unwritableTarget(const Workspace &ws, const QString &path) {
    const int file = ws.fileIndex(path);
    if (file < 0)
        return {};
    if (const QString refusal = writeRefusal(ws.files()[file]); !refusal.isEmpty())
        return refusal;
    for (DocumentId id : ws.files()[file].documents)
        for (const Diagnostic &d : ws.document(id)->diagnostics)
            if (d.code == codes::Template)
                return QStringLiteral("%1 is a Helm template, which Egret does not read: a route "
                                      "added to it could duplicate what it makes; choose another "
                                      "file")
                    .arg(path);
    return {};
}

// What the manifests cannot do for the route, said once it is designed.
void addNotes(RecipeContext &ctx, const RouteRequest &r, const RoutePlan &plan,
              const GatewayTarget *gw) {
    for (const QString &n : plan.notes)
        ctx.note(n);
    if (gw && !gw->servicePorts.contains(r.gatewayPort))
        ctx.note(missingPortNote(*gw, r.gatewayPort));
    for (const OriginationPlan &o : plan.origination) {
        if (o.credentialName.isEmpty() || !gw)
            continue;
        bool present = false;
        for (const Resource *s : ctx.ofKind(Kind::Secret))
            present =
                present || (s->ns == gw->workloadNamespace && s->meta.name == o.credentialName);
        if (!present)
            ctx.note(QStringLiteral("Create the Secret %1 in namespace %2 with the client "
                                    "certificate: kubectl create secret generic %1 -n %2 "
                                    "--from-file=tls.key=client.key --from-file=tls.crt=client.crt "
                                    "--from-file=ca.crt=ca.crt")
                         .arg(o.credentialName, gw->workloadNamespace));
    }
}

RouteResult nothingToChange(RecipeContext &ctx, const RouteRequest &r) {
    RouteResult done = ctx.finish(describe(r));
    done.summary = {QStringLiteral("nothing to change: sidecars already send %1:%2 "
                                   "through the egress gateway (to change how, remove "
                                   "that route first)")
                        .arg(r.host)
                        .arg(r.port)};
    return done;
}

RouteResult finishAdding(RecipeContext &ctx, const RouteRequest &r) {
    RouteResult result = ctx.finish(describe(r));
    if (result.ok && result.change.isEmpty())
        result.summary = {QStringLiteral("nothing to change: the workspace already routes %1:%2 "
                                         "this way")
                              .arg(r.host)
                              .arg(r.port)};
    return result;
}

// The ISTIO_MUTUAL sidecars originate toward the gateway Istio deploys, its `sni` naming the
// listener (the Gateway API tab's `egressgateway-for-<host>`, on the whole Service: a route
// cannot choose a subset).
OriginationPlan mutualTlsToGateway(const GatewayPlan &plan, const GatewayTarget &gw) {
    OriginationPlan tls;
    tls.host = gw.serviceHost;
    tls.port = plan.port;
    tls.mode = QStringLiteral("ISTIO_MUTUAL");
    tls.sni = plan.destinationHost;
    tls.roundRobin = true;
    tls.namePrefix = QStringLiteral("egressgateway-for-");
    tls.nameHost = plan.host;
    tls.sniSelectsListener = true;
    return tls;
}

// Istio's "Gateway API" tabs: a Gateway of class istio that Istio deploys beside the routes, a
// mesh route from the host's ServiceEntry to `<gateway>-istio`, a route at the gateway on to
// the host, the DestinationRules for TLS.
RouteResult addThroughKubernetesGateway(RecipeContext &ctx, const RouteRequest &r,
                                        const RoutePlan &plan) {
    const GatewayPlan &gp = *plan.gateway;
    const std::optional<GatewayTarget> gw = chooseKubernetesGateway(ctx, gp, r.gateway);
    if (!gw)
        return ctx.finish(describe(r));
    if (alreadyRouted(ctx, gp, gw->serviceHost))
        return nothingToChange(ctx, r);
    QHash<QString, NamedResource> entries; // by host
    for (const ServiceEntryPlan &se : plan.serviceEntries)
        if (!ctx.failed())
            if (const std::optional<NamedResource> e = ensureServiceEntry(ctx, se))
                entries.insert(se.host, *e);
    if (!ctx.failed())
        ensureKubernetesGateway(ctx, *gw, gp);
    for (const OriginationPlan &o : plan.origination)
        if (!o.credentialName.isEmpty() && !ctx.failed())
            ensureCredentialAccess(ctx, *gw);
    if (gp.istioMutualSubset && !ctx.failed())
        ensureOrigination(ctx, mutualTlsToGateway(gp, *gw), gw->ns);
    if (!ctx.failed())
        ensureMeshRoute(ctx, *gw, gp, entries.value(gp.host));
    if (!ctx.failed())
        ensureForwardRoute(ctx, *gw, gp);
    for (const OriginationPlan &o : plan.origination)
        if (!ctx.failed())
            ensureOrigination(ctx, o, gw->workloadNamespace);
    if (!ctx.failed())
        addNotes(ctx, r, plan, &*gw);
    return finishAdding(ctx, r);
}

} // namespace

RouteResult addRoute(const Workspace &ws, const RouteRequest &request) {
    RouteRequest r = withDefaults(request);
    if (!r.api)
        r.api = defaultApi(ws);
    RouteResult invalid;
    invalid.problems = validateRequest(r);
    const bool origination = r.pattern == Pattern::TlsOrigination ||
                             r.pattern == Pattern::MtlsOrigination ||
                             r.pattern == Pattern::AmbientTlsOrigination;
    if (origination && r.port == 443)
        invalid.problems.append({QStringLiteral("port"),
                                 QStringLiteral("with %1 the application speaks plain HTTP; 443 is "
                                                "the port TLS is originated to: use its HTTP port")
                                     .arg(QLatin1String(patternInfo(r.pattern).name))});
    if (!invalid.problems.isEmpty())
        return invalid;
    if (const QString why = unwritableTarget(ws, r.targetFile); !why.isEmpty()) {
        invalid.problems.append({QStringLiteral("file"), why});
        return invalid;
    }
    if (isAmbientPattern(r.pattern))
        return addAmbientRoute(ws, r);

    RecipeContext ctx(ws, r.targetFile, r.ns, r.mesh);
    const bool gatewayApi = *r.api == Api::GatewayApi;
    const RoutePlan plan = gatewayApi ? gatewayApiPlan(r) : planFor(r);
    if (plan.gateway && gatewayApi)
        return addThroughKubernetesGateway(ctx, r, plan);
    std::optional<GatewayTarget> gw;
    if (plan.gateway) {
        Labels selector = defaultGatewaySelector(ctx);
        if (!r.gateway.isEmpty()) {
            const QString name = r.gateway.section(QLatin1Char('/'), -1);
            const QString ns = r.gateway.contains(QLatin1Char('/'))
                                   ? r.gateway.section(QLatin1Char('/'), 0, 0)
                                   : ctx.routeNamespace();
            if (const Resource *g = ctx.find(Kind::Gateway, ns, name))
                selector = g->as<Gateway>()->selector;
        }
        if (alreadyRouted(ctx, *plan.gateway, gatewayWorkload(ctx, selector).serviceHost))
            return nothingToChange(ctx, r);
        if (routedByGatewayApi(ctx, *plan.gateway))
            return ctx.finish(describe(r));
    }
    for (const ServiceEntryPlan &se : plan.serviceEntries)
        if (!ctx.failed())
            ensureServiceEntry(ctx, se);
    if (plan.gateway && !ctx.failed()) {
        gw = ensureGateway(ctx, *plan.gateway, r.gateway);
        std::optional<QString> subset;
        if (gw && !ctx.failed())
            subset = ensureSubset(ctx, *gw, *plan.gateway);
        if (subset && !ctx.failed())
            ensureVirtualService(ctx, *gw, *plan.gateway, *subset);
    }
    for (const OriginationPlan &o : plan.origination)
        if (!ctx.failed())
            ensureOrigination(ctx, o, gw ? gw->workloadNamespace : ctx.routeNamespace());
    if (!ctx.failed())
        addNotes(ctx, r, plan, gw ? &*gw : nullptr);
    return finishAdding(ctx, r);
}

} // namespace egret::recipes

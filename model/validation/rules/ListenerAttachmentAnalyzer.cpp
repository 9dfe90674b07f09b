#include "model/istio/GatewayApiRefs.h"
#include "model/istio/Hosts.h"
#include "model/validation/rules/GatewayApiRoutes.h"
#include "model/validation/rules/Rules.h"

namespace egret::validation::rules {

namespace {

// Why `listener` refuses the route, or empty when it accepts it.
QString refusal(Context &ctx, const Resource &route, const Resource &gateway,
                const GatewayListener &l) {
    const QString name = QStringLiteral("listener %1 (%2 %3)")
                             .arg(l.name, l.protocol, QString::number(l.port.value_or(0)));
    if (!istio::listenerAdmitsKind(l, route.kind)) {
        const bool passthrough = l.tls && l.tls->mode == QLatin1String("Passthrough");
        return QStringLiteral("%1 does not take %2s%3")
            .arg(name, route.kindName,
                 passthrough ? QStringLiteral(" (it passes TLS through: use a TLSRoute)")
                             : QString());
    }
    const Resource *ns = ctx.find(Table::NamespaceByName, route.ns);
    if (!istio::listenerAdmitsNamespace(l, gateway.ns, route.ns, ns ? &ns->meta.labels : nullptr)) {
        const QString from =
            l.routeNamespaces.isEmpty() ? QStringLiteral("Same") : l.routeNamespaces;
        return QStringLiteral("%1 admits routes from %2 namespaces (allowedRoutes), not from %3%4")
            .arg(name, from, route.ns,
                 from == QLatin1String("Selector") && !ns
                     ? QStringLiteral(" (whose Namespace is not in the files)")
                     : QString());
    }
    const QStringList &hostnames = route.as<GatewayRoute>()->hostnames;
    if (!l.hostname.isEmpty() && !hostnames.isEmpty()) {
        bool overlap = false;
        for (const QString &h : hostnames)
            overlap = overlap || istio::proxy::hostsIntersect(h, l.hostname);
        if (!overlap)
            return QStringLiteral("%1 is for %2, which none of the route's hostnames (%3) is")
                .arg(name, l.hostname, hostnames.join(QStringLiteral(", ")));
    }
    return {};
}

// EGR0014: a Gateway applies a route only on a listener that takes the route's kind (HTTPRoute
// on HTTP or HTTPS, TLSRoute on TLS), admits its namespace (allowedRoutes) and serves one of its
// hostnames.
void analyze(Context &ctx) {
    const Resource &r = ctx.subject();
    const auto &parents = r.as<GatewayRoute>()->parentRefs;
    for (int i = 0; i < parents.size(); ++i) {
        const Resource *gw = parentGateway(ctx, parents[i], r.ns);
        if (!gw)
            continue; // EGR0011
        QStringList reasons;
        bool accepted = false;
        bool any = false;
        for (const GatewayListener &l : gw->as<KubernetesGateway>()->listeners) {
            if (!istio::parentSelectsListener(parents[i], l))
                continue;
            any = true;
            const QString why = refusal(ctx, r, *gw, l);
            accepted = accepted || why.isEmpty();
            if (!why.isEmpty())
                reasons << why;
        }
        if (any && !accepted)
            ctx.report(
                msg::ListenerRefusesRoute, QStringLiteral("spec.parentRefs[%1]").arg(i),
                {gw->ns + QLatin1Char('/') + gw->meta.name, reasons.join(QStringLiteral("; "))});
    }
}

} // namespace

const Rule listenerAttachmentAnalyzer{
    "gatewayapi.ListenerAttachmentAnalyzer",
    "Checks that a Gateway API route is accepted by a listener of the Gateway it attaches to "
    "(route kind, allowedRoutes namespaces, hostnames)",
    {Kind::HttpRoute, Kind::GrpcRoute, Kind::TlsRoute, Kind::TcpRoute, Kind::KubernetesGateway,
     Kind::Namespace},
    {Kind::HttpRoute, Kind::GrpcRoute, Kind::TlsRoute, Kind::TcpRoute},
    {&msg::ListenerRefusesRoute},
    analyze,
};

} // namespace egret::validation::rules

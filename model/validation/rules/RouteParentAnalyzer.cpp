#include "model/istio/GatewayApiRefs.h"
#include "model/validation/rules/GatewayApiRoutes.h"
#include "model/validation/rules/Rules.h"

namespace egret::validation::rules {

namespace {

QString listenerSelector(const ObjectRef &parent) {
    QStringList parts;
    if (!parent.sectionName.isEmpty())
        parts << QStringLiteral("named %1").arg(parent.sectionName);
    if (parent.port)
        parts << QStringLiteral("on port %1").arg(*parent.port);
    return parts.join(QStringLiteral(" and "));
}

// EGR0011: every parent a route attaches to must exist: the Gateway (and the listener its
// sectionName or port names), or the ServiceEntry or Service whose mesh traffic it steers.
void analyze(Context &ctx) {
    const Resource &r = ctx.subject();
    const auto &parents = r.as<GatewayRoute>()->parentRefs;
    for (int i = 0; i < parents.size(); ++i) {
        const ObjectRef &p = parents[i];
        const QString path = QStringLiteral("spec.parentRefs[%1]").arg(i);
        const QString what = describeRef(p, r.ns, true);
        if (istio::refersToGateway(p)) {
            const Resource *gw = parentGateway(ctx, p, r.ns);
            if (!gw) {
                ctx.report(msg::RouteParentNotFound, path,
                           {what, QStringLiteral("does not exist")});
                continue;
            }
            bool selected = false;
            for (const GatewayListener &l : gw->as<KubernetesGateway>()->listeners)
                selected = selected || istio::parentSelectsListener(p, l);
            if (!selected)
                ctx.report(msg::RouteParentNotFound, path,
                           {what, QStringLiteral("has no listener %1").arg(listenerSelector(p))});
        } else if (istio::refersToServiceEntry(p) || istio::refersToService(p)) {
            if (!referencedService(ctx, p, r.ns))
                ctx.report(msg::RouteParentNotFound, path,
                           {what, QStringLiteral("does not exist")});
        } else {
            ctx.report(msg::RouteParentNotFound, path,
                       {what, QStringLiteral("is not a kind Istio attaches routes to (a Gateway, "
                                             "a ServiceEntry or a Service)")});
        }
    }
}

} // namespace

const Rule routeParentAnalyzer{
    "gatewayapi.RouteParentAnalyzer",
    "Checks that the Gateway, listener, ServiceEntry or Service a Gateway API route attaches to "
    "exists",
    {Kind::HttpRoute, Kind::GrpcRoute, Kind::TlsRoute, Kind::TcpRoute, Kind::KubernetesGateway,
     Kind::ServiceEntry, Kind::Service},
    {Kind::HttpRoute, Kind::GrpcRoute, Kind::TlsRoute, Kind::TcpRoute},
    {&msg::RouteParentNotFound},
    analyze,
};

} // namespace egret::validation::rules

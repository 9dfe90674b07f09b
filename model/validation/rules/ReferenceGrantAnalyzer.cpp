#include "model/istio/GatewayApiRefs.h"
#include "model/validation/rules/GatewayApiRoutes.h"
#include "model/validation/rules/Rules.h"

namespace egret::validation::rules {

namespace {

bool granted(Context &ctx, const Resource &from, const ObjectRef &to, const QString &toNs) {
    const QString toGroup = istio::refGroup(to, false);
    const QString toKind = istio::refKind(to, false);
    for (const Entry &e : ctx.entries(Table::ReferenceGrantsByNs, toNs)) {
        const ReferenceGrant &g = *e.resource->as<ReferenceGrant>();
        bool fromOk = false;
        for (const ReferenceGrant::From &f : g.from)
            fromOk = fromOk || (f.group == istio::kGatewayApiGroup && f.kind == from.kindName &&
                                f.ns == from.ns);
        if (!fromOk)
            continue;
        for (const ReferenceGrant::To &t : g.to)
            if (t.group == toGroup && t.kind == toKind && (t.name.isEmpty() || t.name == to.name))
                return true;
    }
    return false;
}

void check(Context &ctx, const ObjectRef &ref, const QString &path) {
    const Resource &r = ctx.subject();
    const QString ns = istio::refNamespace(ref, r.ns);
    if (ns == r.ns || granted(ctx, r, ref, ns))
        return;
    ctx.report(
        msg::ReferenceNotPermitted, path,
        {r.kindName, describeRef(ref, r.ns, false), ns, r.kindName + QLatin1Char('s'), r.ns});
}

// EGR0013: a reference into another namespace needs a ReferenceGrant there that lets the
// referring kind and namespace refer to the target: backendRefs of routes, certificateRefs of
// Gateway listeners.
void analyze(Context &ctx) {
    const Resource &r = ctx.subject();
    if (const auto *route = r.as<GatewayRoute>()) {
        for (int i = 0; i < route->rules.size(); ++i)
            for (int j = 0; j < route->rules[i].backendRefs.size(); ++j)
                check(ctx, route->rules[i].backendRefs[j],
                      QStringLiteral("spec.rules[%1].backendRefs[%2]").arg(i).arg(j));
    } else if (const auto *gw = r.as<KubernetesGateway>()) {
        for (int i = 0; i < gw->listeners.size(); ++i) {
            if (!gw->listeners[i].tls)
                continue;
            const auto &refs = gw->listeners[i].tls->certificateRefs;
            for (int j = 0; j < refs.size(); ++j) {
                ObjectRef secret = refs[j];
                if (secret.kind.isEmpty())
                    secret.kind = QStringLiteral("Secret");
                check(ctx, secret,
                      QStringLiteral("spec.listeners[%1].tls.certificateRefs[%2]").arg(i).arg(j));
            }
        }
    }
}

} // namespace

const Rule referenceGrantAnalyzer{
    "gatewayapi.ReferenceGrantAnalyzer",
    "Checks that references into another namespace are allowed by a ReferenceGrant there",
    {Kind::HttpRoute, Kind::GrpcRoute, Kind::TlsRoute, Kind::TcpRoute, Kind::KubernetesGateway,
     Kind::ReferenceGrant},
    {Kind::HttpRoute, Kind::GrpcRoute, Kind::TlsRoute, Kind::TcpRoute, Kind::KubernetesGateway},
    {&msg::ReferenceNotPermitted},
    analyze,
};

} // namespace egret::validation::rules

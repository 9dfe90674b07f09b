#include "model/istio/GatewayApiRefs.h"
#include "model/recipes/GatewayApiNodes.h"
#include "model/recipes/RecipeSteps.h"

namespace egret::recipes {

void ensureReferenceGrant(RecipeContext &ctx, Kind routeKind, const QString &routeNs,
                          const QString &serviceNs, const QString &service) {
    for (const Resource *r : ctx.ofKind(Kind::ReferenceGrant)) {
        if (r->ns != serviceNs)
            continue;
        const ReferenceGrant &g = *r->as<ReferenceGrant>();
        bool from = false, to = false;
        for (const ReferenceGrant::From &f : g.from)
            from = from || (f.group == istio::kGatewayApiGroup && f.kind == kindName(routeKind) &&
                            f.ns == routeNs);
        for (const ReferenceGrant::To &t : g.to)
            to = to || (t.group.isEmpty() && t.kind == QLatin1String("Service") &&
                        (t.name.isEmpty() || t.name == service));
        if (from && to)
            return; // granted already
    }
    ctx.create(Kind::ReferenceGrant, ctx.written(serviceNs),
               ctx.uniqueName(Kind::ReferenceGrant, serviceNs,
                              service + QStringLiteral("-reference-grant")),
               referenceGrantSpec(routeKind, routeNs, service));
}

} // namespace egret::recipes

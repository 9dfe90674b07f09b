#include "model/istio/GatewayApiRefs.h"
#include "model/recipes/GatewayApiNodes.h"
#include "model/recipes/HostNames.h"
#include "model/recipes/RecipeSteps.h"

namespace egret::recipes {

namespace {

const QString kRbacApiVersion = QStringLiteral("rbac.authorization.k8s.io/v1");

bool exists(const RecipeContext &ctx, const QString &kind, const QString &ns, const QString &name) {
    for (const Resource *r : ctx.ofKind(Kind::Unknown))
        if (r->kindName == kind && apiGroup(r->apiVersion) == apiGroup(kRbacApiVersion) &&
            r->ns == ns && r->meta.name == name)
            return true;
    return false;
}

} // namespace

void ensureCredentialAccess(RecipeContext &ctx, const GatewayTarget &gw) {
    // Istio's task names both after the gateway's service account.
    const QString account = istio::deployedName(gw.name);
    const QString name = credentialAccessName(gw.name);
    const QString written = ctx.written(gw.ns);
    if (!exists(ctx, QStringLiteral("Role"), gw.ns, name))
        ctx.createObject(kRbacApiVersion, QStringLiteral("Role"), written, name, {},
                         secretReaderRole());
    if (!exists(ctx, QStringLiteral("RoleBinding"), gw.ns, name))
        ctx.createObject(kRbacApiVersion, QStringLiteral("RoleBinding"), written, name, {},
                         secretReaderBinding(name, account));
}

} // namespace egret::recipes

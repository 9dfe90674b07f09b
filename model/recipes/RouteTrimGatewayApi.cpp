#include "model/edit/NodeCompare.h"
#include "model/istio/GatewayApiRefs.h"
#include "model/recipes/GatewayApiNodes.h"
#include "model/recipes/RouteTrim.h"

#include <algorithm>

namespace egret::recipes {

namespace {

using edit::TextEdit;

QList<int> descending(QList<int> list) {
    std::sort(list.begin(), list.end(), std::greater<int>());
    return list;
}

QString listenerKey(const QString &gateway, qint64 port, const QString &hostname) {
    return QStringLiteral("%1|%2|%3").arg(gateway).arg(port).arg(hostname);
}

// A Role or RoleBinding exactly as route add writes it for the gateway: nothing else rides on it.
bool isOwnSecretAccess(const RecipeContext &ctx, const Resource &r, const QString &name) {
    const QStringList top{QStringLiteral("apiVersion"), QStringLiteral("kind"),
                          QStringLiteral("metadata")};
    const YAML::Node root = ctx.yamlOf(r, QString());
    if (r.kindName == QLatin1String("Role"))
        return keysWithin(root, top + QStringList{QStringLiteral("rules")}) &&
               edit::sameNode(ctx.yamlOf(r, QStringLiteral("rules")), secretReaderRole()["rules"]);
    const YAML::Node binding = secretReaderBinding(name, QString());
    return keysWithin(root,
                      top + QStringList{QStringLiteral("roleRef"), QStringLiteral("subjects")}) &&
           edit::sameNode(ctx.yamlOf(r, QStringLiteral("roleRef")), binding["roleRef"]);
}

} // namespace

void RouteTrim::trimGatewayApiRoutes(const RecipeContext &ctx) {
    for (const GatewayApiRoute &g : std::as_const(gatewayApiRoutes)) {
        const Resource *r = ctx.ws().resource(g.id);
        if (!r)
            continue;
        if (g.whole) {
            drop(*r);
            continue;
        }
        QVector<TextEdit> edits;
        for (int i : descending(g.parentRefs))
            edits << TextEdit::removeItem(QStringLiteral("spec.parentRefs"), i);
        for (int i : descending(g.hostnames))
            edits << TextEdit::removeItem(QStringLiteral("spec.hostnames"), i);
        change(*r, edits, QStringLiteral("route to %1").arg(host));
    }
}

void RouteTrim::trimListeners(const RecipeContext &ctx) {
    for (const Resource *r : ctx.ofKind(Kind::KubernetesGateway)) {
        const QString self = r->ns + QLatin1Char('/') + r->meta.name;
        const QVector<GatewayListener> &all = r->as<KubernetesGateway>()->listeners;
        QList<int> gone;
        for (const Listener &use : std::as_const(listeners)) {
            if (use.gateway != self ||
                keepListeners.contains(listenerKey(self, use.port, use.hostname)))
                continue;
            for (int i = 0; i < all.size(); ++i)
                if (all[i].port == use.port && all[i].hostname == use.hostname && !gone.contains(i))
                    gone << i;
        }
        if (gone.isEmpty())
            continue;
        if (gone.size() == all.size()) {
            dropOrEmpty(ctx, *r, QStringLiteral("listeners"), QStringLiteral("gatewayClassName"));
            continue;
        }
        QVector<TextEdit> edits;
        for (int i : descending(gone))
            edits << TextEdit::removeItem(QStringLiteral("spec.listeners"), i);
        change(*r, edits, QStringLiteral("listener for %1").arg(host));
    }
}

void RouteTrim::trimReferenceGrants(const RecipeContext &ctx) {
    for (const Resource *r : ctx.ofKind(Kind::ReferenceGrant)) {
        const ReferenceGrant &g = *r->as<ReferenceGrant>();
        if (g.from.size() != 1 || g.to.size() != 1)
            continue; // more than route add writes: it serves others too
        for (const Grant &use : std::as_const(grants)) {
            const ReferenceGrant::From &f = g.from.first();
            const ReferenceGrant::To &t = g.to.first();
            if (r->ns == use.serviceNs && f.group == istio::kGatewayApiGroup &&
                f.kind == use.routeKind && f.ns == use.routeNs && t.group.isEmpty() &&
                t.kind == QLatin1String("Service") && t.name == use.service) {
                drop(*r);
                break;
            }
        }
    }
}

void RouteTrim::trimCredentialAccess(const RecipeContext &ctx) {
    for (const QString &key : std::as_const(credentialGateways)) {
        const QString ns = key.section(QLatin1Char('/'), 0, 0);
        // A credential named by what stays in the gateway's namespace keeps the access.
        bool needed = false;
        for (const Resource *r : ctx.ofKind(Kind::DestinationRule)) {
            if (r->ns != ns || m_removed.contains(r->id) ||
                !r->as<DestinationRule>()->trafficPolicy)
                continue;
            const TrafficPolicy &policy = *r->as<DestinationRule>()->trafficPolicy;
            needed = needed || (policy.tls && !policy.tls->credentialName.isEmpty());
            const QVector<PortTrafficPolicy> &settings = policy.portLevelSettings;
            for (int i = 0; i < settings.size(); ++i)
                needed = needed || (settings[i].tls && !settings[i].tls->credentialName.isEmpty() &&
                                    !m_tlsGone.value(r->id).contains(i));
        }
        if (needed)
            continue;
        const QString name = credentialAccessName(key.section(QLatin1Char('/'), 1));
        for (const Resource *r : ctx.ofKind(Kind::Unknown))
            if (r->ns == ns && r->meta.name == name &&
                (r->kindName == QLatin1String("Role") ||
                 r->kindName == QLatin1String("RoleBinding")) &&
                apiGroup(r->apiVersion) == QLatin1String("rbac.authorization.k8s.io") &&
                isOwnSecretAccess(ctx, *r, name))
                drop(*r);
    }
}

} // namespace egret::recipes

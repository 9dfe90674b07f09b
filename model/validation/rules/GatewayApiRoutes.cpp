#include "model/validation/rules/GatewayApiRoutes.h"

#include "model/istio/GatewayApiRefs.h"
#include "model/validation/Hosts.h"

namespace egret::validation::rules {

QString describeRef(const ObjectRef &ref, const QString &referrerNs, bool parent) {
    if (istio::refersToHostname(ref))
        return QStringLiteral("Hostname %1").arg(ref.name);
    return QStringLiteral("%1 %2/%3")
        .arg(istio::refKind(ref, parent), istio::refNamespace(ref, referrerNs), ref.name);
}

const Resource *parentGateway(Context &ctx, const ObjectRef &parent, const QString &routeNs) {
    if (!istio::refersToGateway(parent))
        return nullptr;
    return ctx.find(Table::KubeGatewayByName,
                    istio::refNamespace(parent, routeNs) + kSep + parent.name);
}

const Resource *referencedService(Context &ctx, const ObjectRef &ref, const QString &referrerNs) {
    const QString key = istio::refNamespace(ref, referrerNs) + kSep + ref.name;
    if (istio::refersToServiceEntry(ref))
        return ctx.find(Table::SeByName, key);
    if (istio::refersToService(ref))
        return ctx.find(Table::ServiceByName, key);
    return nullptr;
}

bool routedOnwardByGatewayApi(Context &ctx, const QString &host,
                              const QVector<const Resource *> &pods) {
    QStringList gateways; // ns␟name
    for (const Resource *pod : pods) {
        const QString name = pod->as<Workload>()->podLabels.value(istio::kGatewayNameLabel);
        if (!name.isEmpty() && !gateways.contains(pod->ns + kSep + name))
            gateways << pod->ns + kSep + name;
    }
    for (const QString &key : gateways) {
        const Resource *gw = ctx.find(Table::KubeGatewayByName, key);
        if (!gw)
            continue;
        for (const Entry &e : ctx.entries(Table::RoutesByGatewayParent, key)) {
            const GatewayRoute &route = *e.resource->as<GatewayRoute>();
            if (route.rules.isEmpty())
                continue;
            for (const ObjectRef &parent : route.parentRefs) {
                if (parentGateway(ctx, parent, e.resource->ns) != gw)
                    continue;
                for (const GatewayListener &l : gw->as<KubernetesGateway>()->listeners) {
                    if (!istio::parentSelectsListener(parent, l) ||
                        !istio::listenerAdmitsKind(l, e.resource->kind))
                        continue;
                    for (const QString &h : istio::hostsAtListener(route, l))
                        if (h == QLatin1String("*") || hostsOverlap(h, host))
                            return true;
                }
            }
        }
    }
    return false;
}

} // namespace egret::validation::rules

#include "model/design/HopRoutes.h"

#include "model/istio/GatewayApiRefs.h"
#include "model/workspace/Workspace.h"

#include <QSet>

namespace egret::design {

QVector<recipes::RouteRemoval> routesBehindHops(const FlowGraph &flows, const Workspace &ws,
                                                const QStringList &hopIds) {
    QVector<recipes::RouteRemoval> removals;
    for (const QString &id : hopIds) {
        const FlowHop *hop = flows.hop(id);
        const FlowNode *from = hop ? flows.node(hop->from) : nullptr;
        const FlowNode *to = hop ? flows.node(hop->to) : nullptr;
        if (!hop || !from || !to)
            continue;
        if (to->kind == FlowNodeKind::External) {
            removals.append({to->hosts.value(0, to->label),
                             from->kind == FlowNodeKind::Workload ? qint64(hop->port) : 0});
            continue;
        }
        for (const FlowSource &s : hop->provenance) {
            const Resource *r = ws.resource(s.id);
            if (const VirtualService *vs = r ? r->as<VirtualService>() : nullptr)
                for (const QString &host : vs->hosts)
                    removals.append({host, 0});
            // A Gateway API route: the hosts it names, and those of the ServiceEntries it is
            // the mesh route of.
            if (const GatewayRoute *route = r ? r->as<GatewayRoute>() : nullptr) {
                for (const QString &host : route->hostnames)
                    removals.append({host, 0});
                for (const ObjectRef &p : route->parentRefs) {
                    if (!istio::refersToServiceEntry(p))
                        continue;
                    const QString ns = istio::refNamespace(p, r->ns);
                    ws.forEachResource([&](const Resource &se) {
                        if (se.ns == ns && se.meta.name == p.name && se.as<ServiceEntry>())
                            for (const QString &host : se.as<ServiceEntry>()->hosts)
                                removals.append({host, 0});
                    });
                }
            }
        }
    }
    // Hops of one route name it several times; every port of a host covers each of its ports.
    QSet<QString> everyPort;
    for (const recipes::RouteRemoval &r : removals)
        if (r.port == 0)
            everyPort.insert(r.host);
    QVector<recipes::RouteRemoval> distinct;
    QSet<QPair<QString, qint64>> seen;
    for (const recipes::RouteRemoval &r : removals) {
        if (r.port != 0 && everyPort.contains(r.host))
            continue;
        if (!seen.contains({r.host, r.port})) {
            seen.insert({r.host, r.port});
            distinct.append(r);
        }
    }
    return distinct;
}

CombinedRemoval removeRoutes(Workspace scratch, const QVector<recipes::RouteRemoval> &removals,
                             const QString &description) {
    CombinedRemoval out{edit::WorkspaceChange(description), {}};
    for (const recipes::RouteRemoval &removal : removals) {
        const recipes::RouteResult result = recipes::removeRoute(scratch, removal);
        if (!result.ok) {
            for (const recipes::InputProblem &p : result.problems)
                out.problems << p.message;
            continue;
        }
        result.change.apply(scratch);
        for (const edit::WorkspaceChange::Operation &op : result.change.operations())
            out.change.append(op);
    }
    return out;
}

} // namespace egret::design

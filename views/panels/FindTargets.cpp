#include "views/panels/FindTargets.h"

#include "model/flow/FlowGraph.h"
#include "model/workspace/Workspace.h"

#include <QSet>

#include <algorithm>

namespace egret::views {

QVector<FindTarget> findTargets(const Workspace &ws, const FlowGraph &flows) {
    QVector<FindTarget> hosts, namespaces, resources;
    for (const FlowNode &n : flows.nodes())
        if (n.kind == FlowNodeKind::External)
            hosts.append({FindTarget::Host, n.label, n.id, {}, n.ns});
    QSet<QString> seen;
    ws.forEachResource([&](const Resource &r) {
        const QString name = r.ns.isEmpty() ? r.meta.name : r.ns + QLatin1Char('/') + r.meta.name;
        resources.append(
            {FindTarget::Resource, r.kindName + QLatin1Char(' ') + name, {}, r.id, r.ns});
        if (!r.ns.isEmpty() && !seen.contains(r.ns)) {
            seen.insert(r.ns);
            namespaces.append(
                {FindTarget::Namespace, QStringLiteral("namespace ") + r.ns, {}, {}, r.ns});
        }
    });
    const auto byText = [](const FindTarget &a, const FindTarget &b) { return a.text < b.text; };
    std::sort(hosts.begin(), hosts.end(), byText);
    std::sort(namespaces.begin(), namespaces.end(), byText);
    std::sort(resources.begin(), resources.end(), byText);
    return hosts + namespaces + resources;
}

} // namespace egret::views

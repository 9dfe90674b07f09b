#include "views/graph/ScenePlan.h"

#include "views/graph/FlowTooltips.h"

namespace egret::views {

ScenePlan planScene(PlanRequest request) {
    ScenePlan plan;
    plan.serial = request.serial;
    plan.flows = std::move(request.flows);
    plan.grouping = HostGrouping::build(plan.flows);
    // "Fold all" or "open all" first, then the choices the user made after it.
    if (request.allCollapsed)
        for (const HostGroup &g : plan.grouping.groups())
            plan.userCollapsed.insert(g.id, *request.allCollapsed);
    for (auto it = request.userCollapsed.cbegin(); it != request.userCollapsed.cend(); ++it)
        plan.userCollapsed.insert(it.key(), it.value());
    plan.openFolds = std::move(request.openFolds);
    // The user's choice sticks across graphs; groups they never touched fold by default.
    const QSet<QString> defaults = plan.grouping.defaultCollapsed();
    for (const HostGroup &g : plan.grouping.groups()) {
        const auto user = plan.userCollapsed.constFind(g.id);
        if (user != plan.userCollapsed.cend() ? *user : defaults.contains(g.id))
            plan.collapsed.insert(g.id);
    }
    plan.visible = buildVisibleGraph(plan.flows, plan.grouping, plan.collapsed, plan.openFolds);
    if (request.allCollapsed && !*request.allCollapsed) {
        // Opening a workload or gateway group can only be told once the graph is folded; open
        // workloads may leave gateways that still fold, so again until none does.
        for (bool opened = true; opened;) {
            opened = false;
            for (const VisibleNode &n : plan.visible.nodes)
                if (n.kind == VisibleNode::WorkloadGroup || n.kind == VisibleNode::GatewayGroup) {
                    plan.openFolds.insert(n.id);
                    opened = true;
                }
            if (opened)
                plan.visible =
                    buildVisibleGraph(plan.flows, plan.grouping, plan.collapsed, plan.openFolds);
        }
    }

    for (const VisibleNode &n : plan.visible.nodes) {
        if (const FlowNode *f = plan.flows.node(n.id))
            plan.tooltips.insert(n.id, nodeTooltip(*f));
        else if (const HostGroup *g = plan.grouping.group(n.id))
            plan.tooltips.insert(n.id, groupTooltip(*g));
        else if (n.kind == VisibleNode::WorkloadGroup || n.kind == VisibleNode::GatewayGroup)
            plan.tooltips.insert(n.id, workloadGroupTooltip(n));
    }
    for (const VisibleCluster &c : plan.visible.clusters)
        if (const HostGroup *g = plan.grouping.group(c.id))
            plan.tooltips.insert(c.id, groupTooltip(*g));
    for (const VisibleEdge &e : plan.visible.edges)
        plan.tooltips.insert(e.id, edgeTooltip(e, plan.flows));
    return plan;
}

} // namespace egret::views

#pragma once

#include "model/flow/FlowGraph.h"
#include "views/graph/HostGrouping.h"
#include "views/graph/VisibleGraph.h"

#include <QHash>
#include <QSet>

#include <optional>

namespace egret::views {

// What the canvas is asked to show: a flow graph and the user's choices of open and folded
// groups.
struct PlanRequest {
    FlowGraph flows;
    QHash<QString, bool> userCollapsed; // host group -> folded, as the user set it
    QSet<QString> openFolds;            // workload and gateway groups the user opened
    std::optional<bool> allCollapsed;   // fold (or open) every group of this graph
    quint64 serial = 0;
};

// Everything the canvas needs to draw a request except its items: the host groups, which of them
// are folded, the visible graph and the tooltips. A pure function of the request, so that the
// canvas computes it off the GUI thread (tens of thousands of hops take tens of milliseconds).
struct ScenePlan {
    FlowGraph flows;
    HostGrouping grouping;
    QSet<QString> collapsed; // host groups folded
    QHash<QString, bool> userCollapsed;
    QSet<QString> openFolds;
    VisibleGraph visible;
    QHash<QString, QString> tooltips; // visible node, frame and edge ids -> tooltip
    quint64 serial = 0;
};

ScenePlan planScene(PlanRequest request);

} // namespace egret::views

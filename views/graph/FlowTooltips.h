#pragma once

#include "model/flow/FlowGraph.h"
#include "views/graph/HostGrouping.h"
#include "views/graph/VisibleGraph.h"

namespace egret::views {

// Hover text (rich text) for the canvas: what a node or hop is and which resources make it.
QString nodeTooltip(const FlowNode &node);
QString groupTooltip(const HostGroup &group);
QString workloadGroupTooltip(const VisibleNode &group);
QString edgeTooltip(const VisibleEdge &edge, const FlowGraph &graph);

} // namespace egret::views

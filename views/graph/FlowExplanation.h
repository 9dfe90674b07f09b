#pragma once

#include "model/flow/FlowGraph.h"
#include "views/graph/FlowSelection.h"
#include "views/properties/PropertiesPanel.h"

namespace egret::views {

// What the Properties dock says about a canvas selection: for one hop, its title and the facts
// of model/design/HopExplanation; for one node, its name; and the resources behind it all.
Explanation explainSelection(const FlowGraph &flows, const FlowSelection &selection);

} // namespace egret::views

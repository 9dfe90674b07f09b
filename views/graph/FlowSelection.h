#pragma once

#include "model/flow/FlowGraph.h"

#include <QMetaType>

namespace egret::views {

// What is selected on the canvas, by id, with the resources and fields behind it: what a
// properties panel shows as "why".
struct FlowSelection {
    QStringList nodeIds;   // flow node ids; a collapsed group's id ("group:example.com")
    QStringList hopIds;    // flow hop ids (every hop of a selected bundle)
    Provenance provenance; // of the selected nodes and hops, merged by resource

    bool isEmpty() const { return nodeIds.isEmpty() && hopIds.isEmpty(); }
};

} // namespace egret::views

Q_DECLARE_METATYPE(egret::views::FlowSelection)

#pragma once

#include "model/core/Ids.h"
#include "model/flow/FlowGraph.h"
#include "model/recipes/Route.h"

#include <QStringList>
#include <QVector>

namespace egret {
class Workspace;
}

namespace egret::design {

// The first inputs of a route design, from what the user pointed at; the route dialog (or the
// command line's flags) complete them. Port 80 suggests plain HTTP through the egress gateway,
// anything else TLS passthrough, as Istio's egress tasks do.

// A drag from a workload node onto an external host node.
recipes::RouteRequest routeBetween(const FlowNode &from, const FlowNode &to);

// From a selection: its first workload node and external host node, else the first selected
// resource that names a host (a ServiceEntry's or VirtualService's first host, in its
// namespace). Empty fields where nothing was pointed at.
recipes::RouteRequest routeFromSelection(const FlowGraph &flows, const QStringList &nodeIds,
                                         const Workspace &ws, const QVector<ResourceId> &resources);

// The external hosts of the graph, to suggest while typing one.
QStringList externalHosts(const FlowGraph &flows);

} // namespace egret::design

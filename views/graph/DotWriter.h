#pragma once

#include "views/graph/VisibleGraph.h"

#include <QByteArray>
#include <QHash>
#include <QSizeF>

namespace egret::views {

// The DOT source Graphviz lays the canvas out from: left to right, workloads in the first
// rank, gateways in the middle, hosts and groups in the last; expanded groups as clusters;
// node sizes (points) as the canvas draws them. Node and edge ids are the visible graph's.
// `egret graph -o x.dot` writes exactly this.
QByteArray writeDot(const VisibleGraph &graph, const QHash<QString, QSizeF> &nodeSizes);

QByteArray dotQuoted(const QString &text);
// The text an edge's label takes room for: "port protocol", then its badges.
QString edgeLabelText(const VisibleEdge &edge);

// Names of the invisible nodes that hold the columns in place (not part of the graph).
inline constexpr char kAnchorPrefix[] = "__column_";

} // namespace egret::views

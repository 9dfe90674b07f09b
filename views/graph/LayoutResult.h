#pragma once

#include <QHash>
#include <QPainterPath>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <optional>

namespace egret::views {

// A laid-out graph in scene coordinates (points, y pointing down), keyed by the ids the DOT
// source gave its nodes, edges and clusters. Knows nothing of Graphviz.
struct LayoutResult {
    bool ok = false;
    QString error;
    QRectF bounds;
    QHash<QString, QPointF> nodes;   // centre of each node
    QHash<QString, QRectF> clusters; // box of each cluster (expanded host group)
    struct Edge {
        QPainterPath path; // the spline, from the tail node's border to where the arrow starts
        QPointF tip;       // where the arrowhead points (the head node's border)
        std::optional<QPointF> label; // centre of the space Graphviz kept for the label
    };
    QHash<QString, Edge> edges;
};

} // namespace egret::views

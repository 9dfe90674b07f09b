#pragma once

#include "model/flow/FlowGraph.h"
#include "views/graph/VisibleGraph.h"

#include <QColor>
#include <QFont>
#include <QPen>
#include <QSizeF>

namespace egret::views::style {

// How the canvas draws things: one place for colours, pens, fonts and sizes, shared by the items,
// the legend and the exports.

QColor tlsColor(WireTls tls);
QString tlsDescription(WireTls tls); // "plaintext", "app TLS (passed through)", ...
inline const QColor kBroken{0xd6, 0x2d, 0x20};
inline const QColor kSelection{0x1f, 0x6f, 0xeb};
inline const QColor kText{0x1c, 0x23, 0x2b};
inline const QColor kMuted{0x5f, 0x6b, 0x76};

// The pen of a hop: colour and dash by TLS (plaintext dashed); solid red when a finding breaks
// it, dotted red when the mesh blocks it.
QPen hopPen(WireTls tls, bool broken, bool blocked, bool emphasized);

QColor nodeFill(VisibleNode::Kind kind);
QColor nodeBorder(VisibleNode::Kind kind);

QFont labelFont();
QFont detailFont();
QFont edgeFont();

// A font's size in scene units (the points Graphviz lays out in): labels that Graphviz makes
// room for are drawn at this size.
qreal sceneFontSize(const QFont &font);

// The size a node is drawn at (and laid out with), from its text.
QSizeF nodeSize(const VisibleNode &node);

inline constexpr qreal kPadding = 10;
inline constexpr qreal kSceneMargin = 24;

} // namespace egret::views::style

#include "views/graph/items/WorkloadItem.h"

#include "views/graph/FlowStyle.h"

#include <QPainter>

namespace egret::views {

QPainterPath WorkloadItem::outline() const {
    QPainterPath p;
    p.addRoundedRect(rect(), 6, 6);
    return p;
}

void WorkloadItem::decorate(QPainter *painter) const {
    // The sidecar proxy that sends everything this graph shows.
    const QRectF r = rect();
    const QRectF sidecar(r.right() - 14, r.center().y() - 7, 9, 14);
    painter->setPen(QPen(style::nodeBorder(m_node.kind), 1));
    painter->setBrush(style::nodeBorder(m_node.kind).lighter(160));
    painter->drawRoundedRect(sidecar, 2, 2);
}

} // namespace egret::views

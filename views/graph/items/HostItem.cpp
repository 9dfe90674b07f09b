#include "views/graph/items/HostItem.h"

namespace egret::views {

QPainterPath HostItem::outline() const {
    const QRectF r = rect();
    QPainterPath p;
    p.addRoundedRect(r, r.height() / 2, r.height() / 2);
    return p;
}

QRectF HostItem::textRect() const {
    const qreal round = rect().height() / 2;
    return rect().adjusted(round * 0.8, 0, -round * 0.8, 0);
}

} // namespace egret::views

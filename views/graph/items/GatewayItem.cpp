#include "views/graph/items/GatewayItem.h"

#include <QPolygonF>

namespace egret::views {

QPainterPath GatewayItem::outline() const {
    // Graphviz's hexagon (the edges end on it): corners at a quarter of the width.
    const QRectF r = rect();
    const qreal slant = r.width() / 4;
    QPainterPath p;
    p.addPolygon(QPolygonF({{r.left() + slant, r.top()},
                            {r.right() - slant, r.top()},
                            {r.right(), r.center().y()},
                            {r.right() - slant, r.bottom()},
                            {r.left() + slant, r.bottom()},
                            {r.left(), r.center().y()}}));
    p.closeSubpath();
    return p;
}

QRectF GatewayItem::textRect() const {
    // The text's lines sit within a quarter of the height from the middle, where the hexagon
    // is three quarters of its width wide.
    const qreal inset = rect().width() / 8;
    return rect().adjusted(inset, 0, -inset, 0);
}

} // namespace egret::views

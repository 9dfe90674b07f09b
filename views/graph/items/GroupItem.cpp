#include "views/graph/items/GroupItem.h"

#include "views/graph/FlowStyle.h"

#include <QGraphicsSceneMouseEvent>
#include <QPainter>

namespace egret::views {

GroupItem::GroupItem(const VisibleNode &node, bool expanded)
    : NodeItem(node)
    , m_expanded(expanded) {
    if (expanded) {
        setZValue(-2);
        m_frame = QRectF(0, 0, 200, 100);
    }
}

void GroupItem::setFrame(const QRectF &sceneRect) {
    prepareGeometryChange();
    setPos(sceneRect.topLeft());
    m_frame = QRectF(QPointF(0, 0), sceneRect.size());
}

QRectF GroupItem::toggleRect() const {
    if (m_expanded)
        return {m_frame.right() - 20, m_frame.top() + 4, 14, 14};
    const QRectF r = rect();
    return {r.right() - 22, r.center().y() - 7, 14, 14};
}

QRectF GroupItem::boundingRect() const {
    return m_expanded ? m_frame.adjusted(-4, -4, 4, 4) : NodeItem::boundingRect();
}

QPainterPath GroupItem::outline() const {
    QPainterPath p;
    p.addRoundedRect(m_expanded ? m_frame : rect(), 6, 6);
    return p;
}

QPainterPath GroupItem::shape() const {
    if (!m_expanded)
        return outline();
    // Only the frame's border band and header take clicks; what is inside belongs to the hosts.
    QPainterPath band;
    band.addRect(m_frame.adjusted(-3, -3, 3, 3));
    QPainterPath inner;
    inner.addRect(m_frame.adjusted(4, 22, -4, -4));
    return band.subtracted(inner);
}

void GroupItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) {
    if (!m_expanded) {
        painter->setRenderHint(QPainter::Antialiasing);
        // The cards underneath say "more than one".
        painter->setPen(QPen(style::nodeBorder(m_node.kind), 1));
        painter->setBrush(style::nodeFill(m_node.kind).darker(104));
        for (int i = 2; i >= 1; --i)
            painter->drawRoundedRect(rect().translated(3 * i, -3 * i), 6, 6);
        NodeItem::paint(painter, option, widget);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing);
    QPen pen(isSelected() ? style::kSelection : style::nodeBorder(m_node.kind),
             isSelected() ? 2 : 1, Qt::DashLine);
    painter->setPen(pen);
    painter->setBrush(QColor(0xf6, 0xf8, 0xfa, 150));
    painter->drawRoundedRect(m_frame, 8, 8);
    painter->setPen(style::kMuted);
    painter->setFont(style::detailFont());
    painter->drawText(m_frame.adjusted(8, 4, -26, 0), Qt::AlignLeft | Qt::AlignTop, m_node.label);
    decorate(painter);
}

void GroupItem::decorate(QPainter *painter) const {
    const QRectF t = toggleRect();
    painter->setPen(QPen(style::nodeBorder(m_node.kind), 1));
    painter->setBrush(Qt::white);
    painter->drawRoundedRect(t, 3, 3);
    painter->drawLine(QPointF(t.left() + 3, t.center().y()),
                      QPointF(t.right() - 3, t.center().y()));
    if (!m_expanded)
        painter->drawLine(QPointF(t.center().x(), t.top() + 3),
                          QPointF(t.center().x(), t.bottom() - 3));
}

void GroupItem::mousePressEvent(QGraphicsSceneMouseEvent *event) {
    if (event->button() == Qt::LeftButton &&
        toggleRect().adjusted(-3, -3, 3, 3).contains(event->pos()) && m_toggle) {
        m_toggle(id());
        event->accept();
        return;
    }
    NodeItem::mousePressEvent(event);
}

void GroupItem::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) {
    if (m_toggle)
        m_toggle(id());
    event->accept();
}

} // namespace egret::views

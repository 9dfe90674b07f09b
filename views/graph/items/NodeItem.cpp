#include "views/graph/items/NodeItem.h"

#include "views/graph/FlowStyle.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace egret::views {

NodeItem::NodeItem(const VisibleNode &node)
    : m_node(node)
    , m_size(style::nodeSize(node)) {
    setFlags(ItemIsSelectable);
    setAcceptHoverEvents(true);
    setZValue(1);
}

void NodeItem::setNode(const VisibleNode &node) {
    const QSizeF size = style::nodeSize(node);
    if (size != m_size)
        prepareGeometryChange();
    m_node = node;
    m_size = size;
    update();
}

QRectF NodeItem::boundingRect() const {
    return rect().adjusted(-6, -6, 6, 6);
}

QPen NodeItem::borderPen() const {
    QPen pen(style::nodeBorder(m_node.kind), m_hover ? 2.0 : 1.3);
    if (m_node.flags.testFlag(NodeFlag::Undeclared) || m_node.flags.testFlag(NodeFlag::Assumed) ||
        m_node.flags.testFlag(NodeFlag::Unresolved))
        pen.setStyle(Qt::DashLine);
    return pen;
}

void NodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) {
    painter->setRenderHint(QPainter::Antialiasing);
    const QPainterPath path = outline();
    if (isSelected()) {
        painter->setPen(QPen(style::kSelection, 5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(path);
    }
    painter->setPen(borderPen());
    painter->setBrush(style::nodeFill(m_node.kind));
    painter->drawPath(path);
    decorate(painter);
    paintText(painter);
}

void NodeItem::paintText(QPainter *painter) const {
    const QRectF r = textRect();
    const QFontMetricsF lm(style::labelFont());
    const QFontMetricsF dm(style::detailFont());
    const qreal total = lm.height() + (m_node.detail.isEmpty() ? 0 : dm.height() + 2);
    qreal y = r.center().y() - total / 2;
    painter->setPen(style::kText);
    painter->setFont(style::labelFont());
    painter->drawText(QRectF(r.left(), y, r.width(), lm.height()), Qt::AlignCenter,
                      lm.elidedText(m_node.label, Qt::ElideMiddle, r.width()));
    if (!m_node.detail.isEmpty()) {
        y += lm.height() + 2;
        painter->setPen(style::kMuted);
        painter->setFont(style::detailFont());
        painter->drawText(QRectF(r.left(), y, r.width(), dm.height()), Qt::AlignCenter,
                          dm.elidedText(m_node.detail, Qt::ElideMiddle, r.width()));
    }
}

void NodeItem::hoverEnterEvent(QGraphicsSceneHoverEvent *event) {
    m_hover = true;
    update();
    QGraphicsItem::hoverEnterEvent(event);
}

void NodeItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *event) {
    m_hover = false;
    update();
    QGraphicsItem::hoverLeaveEvent(event);
}

} // namespace egret::views

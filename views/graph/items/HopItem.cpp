#include "views/graph/items/HopItem.h"

#include "views/graph/FlowStyle.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPathStroker>
#include <QtMath>

namespace egret::views {

HopItem::HopItem(const VisibleEdge &edge)
    : m_edge(edge) {
    setFlags(ItemIsSelectable);
    setAcceptHoverEvents(true);
    setZValue(0);
}

void HopItem::setEdge(const VisibleEdge &edge) {
    prepareGeometryChange();
    m_edge = edge;
    placeText();
    update();
}

void HopItem::setRoute(const QPainterPath &path, const QPointF &tip,
                       std::optional<QPointF> labelCentre) {
    prepareGeometryChange();
    m_path = path;
    m_tip = tip;
    m_labelCentre = labelCentre;
    placeText();
}

void HopItem::setStraight(const QPointF &from, const QPointF &to) {
    QPainterPath p(from);
    const QPointF d = to - from;
    const qreal len = std::hypot(d.x(), d.y());
    const QPointF arrowStart = len > 10 ? to - d * (8 / len) : to;
    p.lineTo(arrowStart);
    setRoute(p, to);
}

void HopItem::placeText() {
    // Where Graphviz kept room for the label (the label, then the badges under it); before a
    // layout, just above the middle of the line.
    const QFontMetricsF fm(style::edgeFont());
    const qreal lineH = fm.height() + 2;
    qreal badgesW = 0;
    for (const QString &b : m_edge.badges)
        badgesW += fm.horizontalAdvance(b) + 8 + 3;
    const qreal labelW = fm.horizontalAdvance(m_edge.label) + 8;
    const qreal totalH = lineH + (m_edge.badges.isEmpty() ? 0 : lineH);
    QPointF centre;
    if (m_labelCentre)
        centre = *m_labelCentre;
    else
        centre =
            (m_path.isEmpty() ? m_tip : m_path.pointAtPercent(0.5)) - QPointF(0, totalH / 2 + 2);
    const qreal top = centre.y() - totalH / 2;
    m_labelRect = QRectF(centre.x() - labelW / 2, top, labelW, lineH);
    m_badgeRects.clear();
    qreal x = centre.x() - (badgesW - 3) / 2;
    for (const QString &b : m_edge.badges) {
        const qreal bw = fm.horizontalAdvance(b) + 8;
        m_badgeRects.append(QRectF(x, top + lineH + 1, bw, lineH - 2));
        x += bw + 3;
    }
}

QPolygonF HopItem::arrowHead() const {
    const QPointF end = m_path.isEmpty() ? m_tip : m_path.currentPosition();
    QPointF dir = m_tip - end;
    qreal len = std::hypot(dir.x(), dir.y());
    if (len < 0.5) {
        const qreal angle = qDegreesToRadians(-m_path.angleAtPercent(1.0));
        dir = QPointF(std::cos(angle), std::sin(angle)) * 8;
        len = 8;
    }
    const QPointF unit = dir / len;
    const QPointF normal(-unit.y(), unit.x());
    const QPointF base = m_tip - unit * std::max<qreal>(len, 8);
    return QPolygonF({m_tip, base + normal * 4, base - normal * 4});
}

QRectF HopItem::boundingRect() const {
    QRectF r = m_path.boundingRect().united(arrowHead().boundingRect()).united(m_labelRect);
    for (const QRectF &b : m_badgeRects)
        r = r.united(b);
    return r.adjusted(-5, -5, 5, 5);
}

QPainterPath HopItem::shape() const {
    QPainterPathStroker stroker;
    stroker.setWidth(9);
    QPainterPath s = stroker.createStroke(m_path);
    s.addPolygon(arrowHead());
    s.addRect(m_labelRect);
    return s;
}

void HopItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) {
    painter->setRenderHint(QPainter::Antialiasing);
    const bool emphasized = m_hover || isSelected();
    if (isSelected()) {
        painter->setPen(QPen(QColor(style::kSelection.red(), style::kSelection.green(),
                                    style::kSelection.blue(), 90),
                             7, Qt::SolidLine, Qt::RoundCap));
        painter->drawPath(m_path);
    }
    const QPen pen = style::hopPen(m_edge.tls, m_edge.broken, m_edge.blocked, emphasized);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_path);
    painter->setPen(QPen(pen.color(), 1));
    painter->setBrush(pen.color());
    painter->drawPolygon(arrowHead());

    painter->setFont(style::edgeFont());
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(255, 255, 255, 215));
    painter->drawRoundedRect(m_labelRect, 3, 3);
    painter->setPen(m_edge.broken || m_edge.blocked ? style::kBroken : style::kText);
    painter->drawText(m_labelRect, Qt::AlignCenter, m_edge.label);
    for (int i = 0; i < m_badgeRects.size(); ++i) {
        const QString &b = m_edge.badges.at(i);
        const QColor c = b.startsWith(QLatin1String("fault"))     ? QColor(0xc0, 0x39, 0x2b)
                         : b.startsWith(QLatin1String("retries")) ? QColor(0x16, 0x7a, 0x8b)
                         : b.startsWith(QLatin1String("timeout")) ? QColor(0x5d, 0x6d, 0x7e)
                                                                  : QColor(0x7d, 0x66, 0x08);
        painter->setPen(Qt::NoPen);
        painter->setBrush(c);
        painter->drawRoundedRect(m_badgeRects.at(i), 6, 6);
        painter->setPen(Qt::white);
        painter->drawText(m_badgeRects.at(i), Qt::AlignCenter, b);
    }
}

void HopItem::hoverEnterEvent(QGraphicsSceneHoverEvent *event) {
    m_hover = true;
    setZValue(0.5);
    update();
    QGraphicsItem::hoverEnterEvent(event);
}

void HopItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *event) {
    m_hover = false;
    setZValue(0);
    update();
    QGraphicsItem::hoverLeaveEvent(event);
}

} // namespace egret::views

#pragma once

#include "views/graph/VisibleGraph.h"

#include <QGraphicsItem>

#include <optional>

namespace egret::views {

// A hop (or a bundle of hops into a collapsed group): the spline Graphviz routed, an arrowhead,
// "port protocol" at its middle and badges for timeout, retries, fault and weight. Colour and
// dash say the TLS on the wire; red says it fails.
class HopItem : public QGraphicsItem {
public:
    enum { Type = UserType + 5 };
    explicit HopItem(const VisibleEdge &edge);
    int type() const override { return Type; }

    const QString &id() const { return m_edge.id; }
    const VisibleEdge &edge() const { return m_edge; }
    void setEdge(const VisibleEdge &edge);
    // The route: a spline ending where the arrowhead starts, and the arrow's tip.
    void setRoute(const QPainterPath &path, const QPointF &tip,
                  std::optional<QPointF> labelCentre = std::nullopt);
    void setStraight(const QPointF &from, const QPointF &to);
    const QPainterPath &path() const { return m_path; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    void placeText();
    QPolygonF arrowHead() const;

    VisibleEdge m_edge;
    QPainterPath m_path;
    QPointF m_tip;
    std::optional<QPointF> m_labelCentre;
    QRectF m_labelRect;
    QVector<QRectF> m_badgeRects;
    bool m_hover = false;
};

} // namespace egret::views

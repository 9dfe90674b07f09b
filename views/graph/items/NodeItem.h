#pragma once

#include "views/graph/VisibleGraph.h"

#include <QGraphicsItem>

namespace egret::views {

// A node of the canvas, centred on its position, drawn at the size it was laid out with. The
// subclasses give each kind its shape. Holds a copy of what it shows, never a pointer into
// the model.
class NodeItem : public QGraphicsItem {
public:
    explicit NodeItem(const VisibleNode &node);

    const QString &id() const { return m_node.id; }
    const VisibleNode &node() const { return m_node; }
    virtual void setNode(const VisibleNode &node);
    QSizeF size() const { return m_size; }
    QRectF rect() const {
        return {-m_size.width() / 2, -m_size.height() / 2, m_size.width(), m_size.height()};
    }

    QRectF boundingRect() const override;
    QPainterPath shape() const override { return outline(); }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    // The shape's outline in item coordinates.
    virtual QPainterPath outline() const = 0;
    // Extra drawing on top of the filled outline (a sidecar box, a toggle).
    virtual void decorate(QPainter *) const {}
    virtual QPen borderPen() const;
    // Where the text goes.
    virtual QRectF textRect() const { return rect().adjusted(8, 0, -8, 0); }
    void paintText(QPainter *painter) const;

    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

    VisibleNode m_node;
    QSizeF m_size;
    bool m_hover = false;
};

} // namespace egret::views

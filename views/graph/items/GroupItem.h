#pragma once

#include "views/graph/items/NodeItem.h"

#include <functional>

namespace egret::views {

// A group of hosts by domain suffix. Collapsed, it is a node (a stack of cards with the number
// of hosts and a "+"); expanded, it is the frame around its hosts (with a "−"). A click on the
// toggle or a double click asks the scene to fold or unfold it.
class GroupItem : public NodeItem {
public:
    enum { Type = UserType + 4 };
    GroupItem(const VisibleNode &node, bool expanded);
    int type() const override { return Type; }

    bool isExpanded() const { return m_expanded; }
    // The frame of an expanded group, in scene coordinates, as the layout placed it.
    void setFrame(const QRectF &sceneRect);
    void setOnToggle(std::function<void(const QString &)> toggle) { m_toggle = std::move(toggle); }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    QPainterPath outline() const override;
    void decorate(QPainter *painter) const override;
    QRectF textRect() const override { return rect().adjusted(8, 0, -26, 0); }
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;

private:
    QRectF toggleRect() const;

    bool m_expanded = false;
    QRectF m_frame; // item coordinates, expanded only
    std::function<void(const QString &)> m_toggle;
};

} // namespace egret::views

#pragma once

#include <QGraphicsItem>

namespace egret::views {

// The key to the canvas: node shapes, what each edge colour and dash means, failing hops and
// badges. Part of the scene, so exports carry it.
class LegendItem : public QGraphicsItem {
public:
    enum { Type = UserType + 6 };
    LegendItem();
    int type() const override { return Type; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QSizeF m_size;
};

} // namespace egret::views

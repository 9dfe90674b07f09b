#pragma once

#include "views/graph/items/NodeItem.h"

namespace egret::views {

// An egress (or ingress) gateway: a hexagon.
class GatewayItem : public NodeItem {
public:
    enum { Type = UserType + 2 };
    using NodeItem::NodeItem;
    int type() const override { return Type; }

protected:
    QPainterPath outline() const override;
    QRectF textRect() const override;
};

} // namespace egret::views

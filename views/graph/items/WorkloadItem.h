#pragma once

#include "views/graph/items/NodeItem.h"

namespace egret::views {

// A workload (or "sidecars in ns", "any sidecar"): a rounded box with its sidecar at the side.
class WorkloadItem : public NodeItem {
public:
    enum { Type = UserType + 1 };
    using NodeItem::NodeItem;
    int type() const override { return Type; }

protected:
    QPainterPath outline() const override;
    void decorate(QPainter *painter) const override;
    QRectF textRect() const override { return rect().adjusted(6, 0, -18, 0); }
};

} // namespace egret::views

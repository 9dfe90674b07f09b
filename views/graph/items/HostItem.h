#pragma once

#include "views/graph/items/NodeItem.h"

namespace egret::views {

// An external host: a pill. Undeclared hosts have a dashed border; hosts only in-cluster a
// lighter fill.
class HostItem : public NodeItem {
public:
    enum { Type = UserType + 3 };
    using NodeItem::NodeItem;
    int type() const override { return Type; }

protected:
    QPainterPath outline() const override;
    QRectF textRect() const override;
};

} // namespace egret::views

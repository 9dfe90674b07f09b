// FlowScene: keeping the items in step with the visible graph, by id.
#include "views/graph/FlowScene.h"

#include "views/graph/items/GatewayItem.h"
#include "views/graph/items/GroupItem.h"
#include "views/graph/items/HopItem.h"
#include "views/graph/items/HostItem.h"
#include "views/graph/items/LegendItem.h"
#include "views/graph/items/WorkloadItem.h"

namespace egret::views {

namespace {

NodeItem *makeNodeItem(const VisibleNode &n) {
    switch (n.kind) {
    case VisibleNode::Workload:
        return new WorkloadItem(n);
    case VisibleNode::Gateway:
        return new GatewayItem(n);
    case VisibleNode::Host:
        return new HostItem(n);
    case VisibleNode::Group:
    case VisibleNode::WorkloadGroup:
    case VisibleNode::GatewayGroup:
        return new GroupItem(n, false);
    }
    return nullptr;
}

int column(VisibleNode::Kind k) {
    return k == VisibleNode::Workload || k == VisibleNode::WorkloadGroup ? 0
           : k == VisibleNode::Gateway || k == VisibleNode::GatewayGroup ? 1
                                                                         : 2;
}

} // namespace

void FlowScene::syncItems() {
    const QSignalBlocker quiet(this); // one selection signal at the end, not one per removal
    const auto selectedNow = [this] {
        QSet<QGraphicsItem *> out;
        for (QGraphicsItem *item : selectedItems())
            out.insert(item);
        return out;
    };
    const QSet<QGraphicsItem *> selectedBefore = selectedNow();
    QSet<QString> keepNodes, keepEdges, keepFrames;
    QList<NodeItem *> added;
    for (const VisibleNode &n : std::as_const(m_visible.nodes)) {
        keepNodes.insert(n.id);
        NodeItem *item = m_nodes.value(n.id);
        if (item && (item->node().kind != n.kind)) {
            m_nodes.remove(n.id);
            delete item;
            item = nullptr;
        }
        if (item) {
            item->setNode(n);
            continue;
        }
        item = makeNodeItem(n);
        if (auto *g = qgraphicsitem_cast<GroupItem *>(item))
            g->setOnToggle([this](const QString &id) { toggleGroup(id); });
        addItem(item);
        m_nodes.insert(n.id, item);
        added << item;
    }
    for (const VisibleCluster &c : std::as_const(m_visible.clusters)) {
        keepFrames.insert(c.id);
        VisibleNode n;
        n.id = c.id;
        n.kind = isWorkloadGroupId(c.id)  ? VisibleNode::WorkloadGroup
                 : isGatewayGroupId(c.id) ? VisibleNode::GatewayGroup
                                          : VisibleNode::Group;
        n.label = c.label;
        if (GroupItem *frame = m_frames.value(c.id)) {
            frame->setNode(n);
            continue;
        }
        auto *frame = new GroupItem(n, true);
        frame->setOnToggle([this](const QString &id) { toggleGroup(id); });
        addItem(frame);
        m_frames.insert(c.id, frame);
    }
    for (const VisibleEdge &e : std::as_const(m_visible.edges)) {
        keepEdges.insert(e.id);
        if (HopItem *item = m_edges.value(e.id)) {
            item->setEdge(e);
            continue;
        }
        auto *item = new HopItem(e);
        addItem(item);
        m_edges.insert(e.id, item);
    }
    for (auto it = m_nodes.begin(); it != m_nodes.end();) {
        if (keepNodes.contains(it.key())) {
            ++it;
            continue;
        }
        delete it.value();
        it = m_nodes.erase(it);
    }
    for (auto it = m_frames.begin(); it != m_frames.end();) {
        if (keepFrames.contains(it.key())) {
            ++it;
            continue;
        }
        delete it.value();
        it = m_frames.erase(it);
    }
    for (auto it = m_edges.begin(); it != m_edges.end();) {
        if (keepEdges.contains(it.key())) {
            ++it;
            continue;
        }
        delete it.value();
        it = m_edges.erase(it);
    }
    placeNewItems(added);
    // Only when selected items went with the graph they stood for: the same selection on a new
    // graph is not news, and the window would take it for the user's.
    if (selectedNow() != selectedBefore)
        QMetaObject::invokeMethod(this, &FlowScene::emitSelection, Qt::QueuedConnection);
}

void FlowScene::placeNewItems(const QList<NodeItem *> &added) {
    // Until Graphviz answers: three columns, new items under the ones already there.
    qreal bottom[3] = {0, 0, 0};
    QSet<NodeItem *> fresh(added.cbegin(), added.cend());
    for (NodeItem *item : std::as_const(m_nodes))
        if (!fresh.contains(item))
            bottom[column(item->node().kind)] =
                std::max(bottom[column(item->node().kind)], item->sceneBoundingRect().bottom());
    for (NodeItem *item : added) {
        const int c = column(item->node().kind);
        item->setPos(c * 320 + item->size().width() / 2,
                     bottom[c] + 12 + item->size().height() / 2);
        bottom[c] += 12 + item->size().height();
    }
    for (HopItem *edge : std::as_const(m_edges)) {
        const NodeItem *from = m_nodes.value(edge->edge().from);
        const NodeItem *to = m_nodes.value(edge->edge().to);
        if (from && to &&
            (fresh.contains(const_cast<NodeItem *>(from)) ||
             fresh.contains(const_cast<NodeItem *>(to)) || edge->path().isEmpty()))
            edge->setStraight(from->pos() + QPointF(from->size().width() / 2, 0),
                              to->pos() - QPointF(to->size().width() / 2, 0));
    }
    if (!added.isEmpty()) {
        m_graphRect = QRectF();
        for (NodeItem *item : std::as_const(m_nodes))
            m_graphRect = m_graphRect.united(item->sceneBoundingRect());
        placeLegend(m_graphRect);
    }
}

} // namespace egret::views

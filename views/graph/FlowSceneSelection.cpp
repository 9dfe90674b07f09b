// FlowScene: what is selected, by flow id, with its provenance.
#include "views/graph/FlowScene.h"

#include "views/graph/items/GatewayItem.h"
#include "views/graph/items/GroupItem.h"
#include "views/graph/items/HopItem.h"
#include "views/graph/items/HostItem.h"
#include "views/graph/items/WorkloadItem.h"

namespace egret::views {

FlowSelection FlowScene::flowSelection() const {
    FlowSelection s;
    QHash<ResourceId, int> index;
    auto add = [&](const Provenance &p) {
        for (const FlowSource &src : p) {
            if (src.id.isValid()) {
                const auto it = index.constFind(src.id);
                if (it != index.cend()) {
                    for (const QString &path : src.paths)
                        if (!s.provenance[*it].paths.contains(path))
                            s.provenance[*it].paths.append(path);
                    continue;
                }
                index.insert(src.id, int(s.provenance.size()));
                s.provenance.append(src);
            } else {
                addProvenance(s.provenance, src);
            }
        }
    };
    const QList<QGraphicsItem *> items = selectedItems();
    for (QGraphicsItem *item : items) {
        if (auto *edge = qgraphicsitem_cast<HopItem *>(item)) {
            for (const QString &id : edge->edge().hops) {
                s.hopIds << id;
                if (const FlowHop *h = m_flows.hop(id))
                    add(h->provenance);
            }
            continue;
        }
        QString id;
        if (auto *n = qgraphicsitem_cast<WorkloadItem *>(item))
            id = n->id();
        else if (auto *g = qgraphicsitem_cast<GatewayItem *>(item))
            id = g->id();
        else if (auto *h = qgraphicsitem_cast<HostItem *>(item))
            id = h->id();
        else if (auto *gr = qgraphicsitem_cast<GroupItem *>(item))
            id = gr->id();
        if (id.isEmpty())
            continue;
        s.nodeIds << id;
        if (const FlowNode *n = m_flows.node(id))
            add(n->provenance);
        if (const NodeItem *group = m_nodes.value(id))
            for (const QString &member : group->node().members)
                if (const FlowNode *n = m_flows.node(member))
                    add(n->provenance);
    }
    return s;
}

void FlowScene::selectIds(const QStringList &ids) {
    clearSelection();
    for (const QString &id : ids) {
        if (NodeItem *n = m_nodes.value(id)) {
            n->setSelected(true);
        } else if (GroupItem *f = m_frames.value(id)) {
            f->setSelected(true);
        } else if (const VisibleEdge *drawing = m_visible.edgeDrawing(m_flows, id)) {
            if (HopItem *e = m_edges.value(drawing->id))
                e->setSelected(true);
        } else if (HopItem *e = m_edges.value(id)) {
            e->setSelected(true);
        } else if (NodeItem *n = m_nodes.value(m_visible.shownAs.value(id))) {
            // A host or workload inside a folded group: select the group that shows it.
            n->setSelected(true);
        }
    }
}

void FlowScene::emitSelection() {
    Q_EMIT flowSelectionChanged();
}

} // namespace egret::views

#include "views/graph/FlowScene.h"

#include "model/flow/FlowDeriver.h"
#include "model/workspace/Workspace.h"
#include "views/graph/DotWriter.h"
#include "views/graph/FlowStyle.h"
#include "views/graph/FlowTooltips.h"
#include "views/graph/graphviz/DotLayout.h"
#include "views/graph/items/GatewayItem.h"
#include "views/graph/items/GroupItem.h"
#include "views/graph/items/HopItem.h"
#include "views/graph/items/HostItem.h"
#include "views/graph/items/LegendItem.h"
#include "views/graph/items/WorkloadItem.h"

#include <QtConcurrent/QtConcurrentRun>

namespace egret::views {

namespace {

// Graphviz runs one layout at a time anyway; one thread keeps it off the global pool.
QThreadPool *layoutPool() {
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(1);
        p->setExpiryTimeout(-1);
        return p;
    }();
    return pool;
}

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
        return new GroupItem(n, false);
    }
    return nullptr;
}

int column(VisibleNode::Kind k) {
    return k == VisibleNode::Workload || k == VisibleNode::WorkloadGroup ? 0
           : k == VisibleNode::Gateway                                   ? 1
                                                                         : 2;
}

} // namespace

FlowScene::FlowScene(QObject *parent)
    : QGraphicsScene(parent) {
    qRegisterMetaType<FlowSelection>();
    setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    m_legend = new LegendItem;
    addItem(m_legend);
    placeLegend(QRectF());
    connect(&m_layoutWatcher, &QFutureWatcher<LayoutResult>::finished, this, [this] {
        m_layoutRunning = false;
        const LayoutResult result = m_layoutWatcher.result();
        if (m_layoutWanted) {
            // The graph changed while this ran: lay out the new one. This result still places
            // the items both graphs share until then.
            m_layoutWanted = false;
            startLayout();
        }
        applyLayout(result);
    });
    connect(&m_deriveWatcher, &QFutureWatcher<FlowGraph>::finished, this, [this] {
        m_deriving = false;
        setFlows(m_deriveWatcher.result());
    });
    connect(this, &QGraphicsScene::selectionChanged, this, &FlowScene::emitSelection);
}

FlowScene::~FlowScene() {
    m_layoutWatcher.waitForFinished();
    m_deriveWatcher.waitForFinished();
}

void FlowScene::setFlows(FlowGraph graph) {
    m_flows = std::move(graph);
    m_grouping = HostGrouping::build(m_flows);
    const QSet<QString> defaults = m_grouping.defaultCollapsed();
    m_collapsed.clear();
    for (const HostGroup &g : m_grouping.groups()) {
        const auto user = m_userCollapsed.constFind(g.id);
        if (user != m_userCollapsed.cend() ? *user : defaults.contains(g.id))
            m_collapsed.insert(g.id);
    }
    rebuild();
    Q_EMIT flowsChanged();
}

void FlowScene::showWorkspace(const Workspace &ws, const MeshConfig &mesh,
                              const Diagnostics &findings) {
    m_deriving = true;
    // The copy shares the documents' bytes and resources; the edits that follow do not touch it.
    m_deriveWatcher.setFuture(
        QtConcurrent::run([ws, mesh, findings] { return deriveFlows(ws, mesh, findings); }));
}

bool FlowScene::isGroupCollapsed(const QString &groupId) const {
    return isWorkloadGroupId(groupId) ? !m_openWorkloads.contains(groupId)
                                      : m_collapsed.contains(groupId);
}

void FlowScene::setGroupCollapsed(const QString &groupId, bool collapsed) {
    if (isGroupCollapsed(groupId) == collapsed)
        return;
    if (isWorkloadGroupId(groupId)) {
        if (collapsed)
            m_openWorkloads.remove(groupId);
        else
            m_openWorkloads.insert(groupId);
    } else {
        if (!m_grouping.group(groupId))
            return;
        m_userCollapsed.insert(groupId, collapsed);
        if (collapsed)
            m_collapsed.insert(groupId);
        else
            m_collapsed.remove(groupId);
    }
    rebuild();
    Q_EMIT groupToggled(groupId, collapsed);
}

void FlowScene::toggleGroup(const QString &groupId) {
    setGroupCollapsed(groupId, !isGroupCollapsed(groupId));
}

void FlowScene::setAllGroupsCollapsed(bool collapsed) {
    for (const HostGroup &g : m_grouping.groups()) {
        m_userCollapsed.insert(g.id, collapsed);
        if (collapsed)
            m_collapsed.insert(g.id);
        else
            m_collapsed.remove(g.id);
    }
    m_openWorkloads.clear();
    if (!collapsed) {
        // Opening a workload group can only be told once it is on the canvas.
        for (const VisibleNode &n : buildVisibleGraph(m_flows, m_grouping, m_collapsed).nodes)
            if (n.kind == VisibleNode::WorkloadGroup)
                m_openWorkloads.insert(n.id);
    }
    rebuild();
}

void FlowScene::rebuild() {
    m_visible = buildVisibleGraph(m_flows, m_grouping, m_collapsed, m_openWorkloads);
    syncItems();
    updateTooltips();
    requestLayout();
}

void FlowScene::syncItems() {
    const QSignalBlocker quiet(this); // one selection signal at the end, not one per removal
    const bool hadSelection = !selectedItems().isEmpty();
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
        n.kind = isWorkloadGroupId(c.id) ? VisibleNode::WorkloadGroup : VisibleNode::Group;
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
    m_bundleOfHop.clear();
    for (const VisibleEdge &e : std::as_const(m_visible.edges)) {
        keepEdges.insert(e.id);
        for (const QString &h : e.hops)
            m_bundleOfHop.insert(h, e.id);
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
    if (hadSelection)
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

void FlowScene::updateTooltips() {
    for (NodeItem *item : std::as_const(m_nodes)) {
        if (const FlowNode *n = m_flows.node(item->id()))
            item->setToolTip(nodeTooltip(*n));
        else if (const HostGroup *g = m_grouping.group(item->id()))
            item->setToolTip(groupTooltip(*g));
        else if (item->node().kind == VisibleNode::WorkloadGroup)
            item->setToolTip(workloadGroupTooltip(item->node()));
    }
    for (GroupItem *frame : std::as_const(m_frames))
        if (const HostGroup *g = m_grouping.group(frame->id()))
            frame->setToolTip(groupTooltip(*g));
    for (HopItem *edge : std::as_const(m_edges))
        edge->setToolTip(edgeTooltip(edge->edge(), m_flows));
}

QByteArray FlowScene::dotSource() const {
    QHash<QString, QSizeF> sizes;
    for (const NodeItem *item : m_nodes)
        sizes.insert(item->id(), item->size());
    return writeDot(m_visible, sizes);
}

void FlowScene::requestLayout() {
    if (m_layoutRunning) {
        m_layoutWanted = true;
        return;
    }
    startLayout();
}

void FlowScene::startLayout() {
    const QByteArray dot = dotSource();
    if (dot == m_laidOutDot)
        return;
    m_laidOutDot = dot;
    m_layoutRunning = true;
    m_layoutWatcher.setFuture(QtConcurrent::run(layoutPool(), [dot] { return layoutDot(dot); }));
}

void FlowScene::waitForLayout() {
    while (m_deriving || m_layoutRunning) {
        if (m_deriving) {
            m_deriveWatcher.waitForFinished();
            m_deriving = false;
            setFlows(m_deriveWatcher.result());
            continue;
        }
        m_layoutWatcher.waitForFinished();
        m_layoutRunning = false;
        const LayoutResult result = m_layoutWatcher.result();
        if (m_layoutWanted) {
            m_layoutWanted = false;
            startLayout();
        }
        applyLayout(result);
    }
}

void FlowScene::applyLayout(const LayoutResult &result) {
    if (!result.ok) {
        qWarning("egret: layout failed: %s", qPrintable(result.error));
        return;
    }
    const QPointF origin(style::kSceneMargin, style::kSceneMargin);
    for (auto it = result.nodes.cbegin(); it != result.nodes.cend(); ++it)
        if (NodeItem *item = m_nodes.value(it.key()))
            item->setPos(origin + it.value());
    for (auto it = result.clusters.cbegin(); it != result.clusters.cend(); ++it)
        if (GroupItem *frame = m_frames.value(it.key()))
            frame->setFrame(it.value().translated(origin));
    for (auto it = result.edges.cbegin(); it != result.edges.cend(); ++it)
        if (HopItem *edge = m_edges.value(it.key()))
            edge->setRoute(it.value().path.translated(origin), it.value().tip + origin,
                           it.value().label ? std::optional<QPointF>(*it.value().label + origin)
                                            : std::nullopt);
    m_graphRect = result.bounds.translated(origin);
    placeLegend(m_graphRect);
    Q_EMIT layoutFinished();
}

void FlowScene::placeLegend(const QRectF &graph) {
    // Under the drawing, so that it never hides a node.
    m_legend->setPos(graph.isNull() ? QPointF(style::kSceneMargin, style::kSceneMargin)
                                    : QPointF(graph.left(), graph.bottom() + 16));
    const QRectF all = graph.united(m_legend->sceneBoundingRect());
    setSceneRect(all.adjusted(-style::kSceneMargin, -style::kSceneMargin, style::kSceneMargin,
                              style::kSceneMargin));
}

QRectF FlowScene::drawingRect() const {
    return sceneRect();
}

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
        } else if (const QString bundle = m_bundleOfHop.value(id); !bundle.isEmpty()) {
            if (HopItem *e = m_edges.value(bundle))
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
    Q_EMIT flowSelectionChanged(flowSelection());
}

} // namespace egret::views

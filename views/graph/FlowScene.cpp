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
    // Items deselect as QGraphicsScene's destructor deletes them; nobody must hear of it, as
    // the listeners may be half destroyed themselves.
    blockSignals(true);
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
    m_layoutWatcher.setFuture(layoutDotAsync(dot));
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

void FlowScene::setLegendVisible(bool visible) {
    m_legend->setVisible(visible);
}

bool FlowScene::isLegendVisible() const {
    return m_legend->isVisible();
}

} // namespace egret::views

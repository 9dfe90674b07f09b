#include "views/graph/FlowScene.h"

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

#include <QThreadPool>
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
    connect(&m_planWatcher, &QFutureWatcher<ScenePlan>::finished, this, &FlowScene::planFinished);
    connect(this, &QGraphicsScene::selectionChanged, this, &FlowScene::emitSelection);
}

FlowScene::~FlowScene() {
    m_planWatcher.waitForFinished();
    m_layoutWatcher.waitForFinished();
    // Items deselect as QGraphicsScene's destructor deletes them; nobody must hear of it, as
    // the listeners may be half destroyed themselves.
    blockSignals(true);
}

void FlowScene::setFlows(FlowGraph graph) {
    m_nextFlows = std::move(graph);
    m_hasNextFlows = true;
    requestPlan();
}

bool FlowScene::isGroupCollapsed(const QString &groupId) const {
    if (isSamenessGroupId(groupId))
        return !m_openFolds.contains(groupId);
    const auto user = m_userCollapsed.constFind(groupId);
    return user != m_userCollapsed.cend() ? *user : m_collapsed.contains(groupId);
}

void FlowScene::setGroupCollapsed(const QString &groupId, bool collapsed) {
    if (isGroupCollapsed(groupId) == collapsed)
        return;
    if (isSamenessGroupId(groupId)) {
        if (collapsed)
            m_openFolds.remove(groupId);
        else
            m_openFolds.insert(groupId);
    } else {
        if (!m_grouping.group(groupId))
            return;
        m_userCollapsed.insert(groupId, collapsed);
    }
    requestPlan();
    Q_EMIT groupToggled(groupId, collapsed);
}

void FlowScene::toggleGroup(const QString &groupId) {
    setGroupCollapsed(groupId, !isGroupCollapsed(groupId));
}

void FlowScene::setAllGroupsCollapsed(bool collapsed) {
    // Every group of the graph the next plan is made for, which may not be shown yet; choices
    // made before give way, choices made after apply on top.
    m_allCollapsed = collapsed;
    m_userCollapsed.clear();
    m_openFolds.clear();
    requestPlan();
}

bool FlowScene::revealNode(const QString &flowId) {
    if (!m_flows.node(flowId))
        return false;
    bool changed = false;
    // Host groups, innermost to outermost.
    for (QString g = m_grouping.groupOf(flowId); !g.isEmpty();) {
        if (isGroupCollapsed(g)) {
            m_userCollapsed.insert(g, false);
            changed = true;
        }
        const HostGroup *group = m_grouping.group(g);
        g = group ? group->parent : QString();
    }
    // A workload (gateway) folded with others whose traffic looks the same.
    const QString folded = m_visible.shownAs.value(flowId);
    if (isSamenessGroupId(folded) && !m_openFolds.contains(folded)) {
        m_openFolds.insert(folded);
        changed = true;
    }
    if (changed)
        requestPlan();
    return true;
}

void FlowScene::requestPlan() {
    if (m_planRunning) {
        m_planWanted = true; // the plan in progress is stale: make the next one when it ends
        return;
    }
    startPlan();
}

void FlowScene::startPlan() {
    PlanRequest request;
    request.flows = m_hasNextFlows ? std::move(m_nextFlows) : m_flows;
    m_hasNextFlows = false;
    m_nextFlows = FlowGraph();
    request.userCollapsed = m_userCollapsed;
    request.openFolds = m_openFolds;
    request.allCollapsed = m_allCollapsed; // until a plan made with it is shown
    request.serial = ++m_planSerial;
    m_planRunning = true;
    m_planWatcher.setFuture(QtConcurrent::run(planScene, std::move(request)));
}

void FlowScene::planFinished() {
    if (!m_planRunning)
        return; // handled already (waitForLayout)
    m_planRunning = false;
    ScenePlan plan = m_planWatcher.result();
    if (plan.serial != m_planSerial)
        return;
    if (m_planWanted) {
        // Edits or clicks came meanwhile: this plan is stale, the next one is what to show. It
        // is of this plan's graph unless a newer one came.
        m_planWanted = false;
        if (!m_hasNextFlows) {
            m_nextFlows = std::move(plan.flows);
            m_hasNextFlows = true;
        }
        startPlan();
        return;
    }
    adopt(std::move(plan));
}

void FlowScene::adopt(ScenePlan plan) {
    // What was shown goes to a worker to be freed: tens of thousands of hops take tens of
    // milliseconds to free, which the GUI thread has no time for.
    struct Retired {
        FlowGraph flows;
        HostGrouping grouping;
        VisibleGraph visible;
    };
    auto retired = std::make_shared<Retired>(
        Retired{std::move(m_flows), std::move(m_grouping), std::move(m_visible)});
    m_flows = std::move(plan.flows);
    m_grouping = std::move(plan.grouping);
    m_collapsed = std::move(plan.collapsed);
    m_userCollapsed = std::move(plan.userCollapsed);
    m_openFolds = std::move(plan.openFolds);
    m_allCollapsed.reset();
    m_visible = std::move(plan.visible);
    syncItems();
    QThreadPool::globalInstance()->start(
        [retired = std::move(retired)]() mutable { retired.reset(); });
    for (NodeItem *item : std::as_const(m_nodes))
        item->setToolTip(plan.tooltips.value(item->id()));
    for (GroupItem *frame : std::as_const(m_frames))
        frame->setToolTip(plan.tooltips.value(frame->id()));
    for (HopItem *edge : std::as_const(m_edges))
        edge->setToolTip(plan.tooltips.value(edge->edge().id));
    requestLayout();
    Q_EMIT flowsChanged();
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
    if (dot == m_laidOutDot) {
        // Nothing to place anew: the drawing is up to date, which whoever waits must hear.
        Q_EMIT layoutFinished();
        return;
    }
    m_laidOutDot = dot;
    m_layoutRunning = true;
    m_layoutWatcher.setFuture(layoutDotAsync(dot));
}

void FlowScene::waitForLayout() {
    while (m_planRunning || m_layoutRunning) {
        if (m_planRunning) {
            m_planWatcher.waitForFinished();
            planFinished();
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

#pragma once

#include "model/core/Diagnostic.h"
#include "model/flow/FlowGraph.h"
#include "model/mesh/MeshConfig.h"
#include "views/graph/FlowSelection.h"
#include "views/graph/HostGrouping.h"
#include "views/graph/LayoutResult.h"
#include "views/graph/ScenePlan.h"
#include "views/graph/VisibleGraph.h"

#include <QFutureWatcher>
#include <QGraphicsScene>
#include <QHash>

namespace egret::views {

class NodeItem;
class HopItem;
class GroupItem;
class LegendItem;

// The egress flow canvas. It holds a copy of a FlowGraph and shows it: items are keyed by the
// graph's ids, so a new graph (after an edit) updates, adds and removes items rather than
// rebuilding, and selection survives. What to draw (groups, folding, tooltips: planScene) and
// where (Graphviz) are worked out on worker threads; until a layout arrives, new items stand in
// simple columns, and painting never waits. A graph or a click that arrives while a plan is made
// makes that plan stale: only the latest is shown.
class FlowScene : public QGraphicsScene {
    Q_OBJECT

public:
    explicit FlowScene(QObject *parent = nullptr);
    ~FlowScene() override;

    // Shows a derived graph (follows it by id when one is shown already), once it is planned.
    // Derivation is the model's (analyzeWorkspace): the window and `egret graph` draw what it
    // gives.
    void setFlows(FlowGraph graph);
    // What is shown (the last plan adopted).
    const FlowGraph &flows() const { return m_flows; }
    const VisibleGraph &visibleGraph() const { return m_visible; }
    const HostGrouping &grouping() const { return m_grouping; }

    // Groups (of hosts by domain, of workloads with the same egress): collapsed ones show as one
    // node. The user's choice sticks across graphs.
    bool isGroupCollapsed(const QString &groupId) const;
    void setGroupCollapsed(const QString &groupId, bool collapsed);
    void toggleGroup(const QString &groupId);
    void setAllGroupsCollapsed(bool collapsed);
    // Opens the groups that fold a flow node away, so that it is drawn itself. False when the
    // graph has no such node.
    bool revealNode(const QString &flowId);

    // Selection by flow ids (node, hop or group ids); a hop inside a bundle selects the bundle.
    // flowSelection() gathers the provenance when asked (a bundle of thousands of hops has
    // thousands of sources): flowSelectionChanged() only says that it changed.
    FlowSelection flowSelection() const;
    void selectIds(const QStringList &ids);

    // The DOT source of what is shown, as handed to Graphviz.
    QByteArray dotSource() const;
    // A plan is being made: flowsChanged() comes when it is shown.
    bool isPlanPending() const { return m_planRunning; }
    // A plan or a layout is being made: the drawing is behind what it was asked to show.
    bool isLayoutPending() const { return m_planRunning || m_layoutRunning; }
    // Blocks until what was asked for is planned, laid out and placed (command line, tests).
    void waitForLayout();
    // The drawing: the graph and its legend, with a margin.
    QRectF drawingRect() const;
    void setLegendVisible(bool visible);
    bool isLegendVisible() const;

    NodeItem *nodeItem(const QString &id) const { return m_nodes.value(id); }
    HopItem *hopItem(const QString &id) const { return m_edges.value(id); }
    GroupItem *frameItem(const QString &id) const { return m_frames.value(id); }

Q_SIGNALS:
    void flowsChanged();
    void layoutFinished();
    void flowSelectionChanged();
    void groupToggled(const QString &groupId, bool collapsed);

private:
    void requestPlan();
    void startPlan();
    void planFinished();
    void adopt(ScenePlan plan);
    void syncItems();
    void placeNewItems(const QList<NodeItem *> &added);
    void requestLayout();
    void startLayout();
    void applyLayout(const LayoutResult &result);
    void placeLegend(const QRectF &graph);
    void emitSelection();

    // What is shown.
    FlowGraph m_flows;
    HostGrouping m_grouping;
    QSet<QString> m_collapsed; // host groups
    VisibleGraph m_visible;
    // What is asked for: the user's choices (also shown once planned) and the next graph.
    QHash<QString, bool> m_userCollapsed;
    QSet<QString> m_openFolds; // workload and gateway groups the user opened
    std::optional<bool> m_allCollapsed;
    FlowGraph m_nextFlows;
    bool m_hasNextFlows = false;

    QFutureWatcher<ScenePlan> m_planWatcher;
    quint64 m_planSerial = 0;
    bool m_planRunning = false;
    bool m_planWanted = false;

    QHash<QString, NodeItem *> m_nodes;
    QHash<QString, HopItem *> m_edges;
    QHash<QString, GroupItem *> m_frames;
    LegendItem *m_legend = nullptr;
    QRectF m_graphRect;

    QFutureWatcher<LayoutResult> m_layoutWatcher;
    QByteArray m_laidOutDot;
    bool m_layoutRunning = false;
    bool m_layoutWanted = false;
};

} // namespace egret::views

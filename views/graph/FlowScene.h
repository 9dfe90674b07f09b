#pragma once

#include "model/core/Diagnostic.h"
#include "model/flow/FlowGraph.h"
#include "model/mesh/MeshConfig.h"
#include "views/graph/FlowSelection.h"
#include "views/graph/HostGrouping.h"
#include "views/graph/LayoutResult.h"
#include "views/graph/VisibleGraph.h"

#include <QFutureWatcher>
#include <QGraphicsScene>
#include <QHash>

namespace egret {
class Workspace;
}

namespace egret::views {

class NodeItem;
class HopItem;
class GroupItem;
class LegendItem;

// The egress flow canvas. It holds a copy of a FlowGraph and shows it: items are keyed by the
// graph's ids, so a new graph (after an edit) updates, adds and removes items rather than
// rebuilding, and selection survives. Graphviz lays it out on a worker thread; until the layout
// arrives, new items stand in simple columns, and painting never waits.
class FlowScene : public QGraphicsScene {
    Q_OBJECT

public:
    explicit FlowScene(QObject *parent = nullptr);
    ~FlowScene() override;

    // Shows a derived graph (follows it by id when one is shown already).
    void setFlows(FlowGraph graph);
    // Derives the graph of a workspace on a worker thread (the workspace is copied), then shows
    // it. `findings` mark the hops they break.
    void showWorkspace(const Workspace &ws, const MeshConfig &mesh = {},
                       const Diagnostics &findings = {});
    const FlowGraph &flows() const { return m_flows; }
    const VisibleGraph &visibleGraph() const { return m_visible; }
    const HostGrouping &grouping() const { return m_grouping; }

    // Groups (of hosts by domain, of workloads with the same egress): collapsed ones show as one
    // node. The user's choice sticks across graphs.
    bool isGroupCollapsed(const QString &groupId) const;
    void setGroupCollapsed(const QString &groupId, bool collapsed);
    void toggleGroup(const QString &groupId);
    void setAllGroupsCollapsed(bool collapsed);

    // Selection by flow ids (node, hop or group ids); a hop inside a bundle selects the bundle.
    FlowSelection flowSelection() const;
    void selectIds(const QStringList &ids);

    // The DOT source of what is shown, as handed to Graphviz.
    QByteArray dotSource() const;
    bool isLayoutPending() const { return m_layoutRunning || m_deriving; }
    // Blocks until the graph being derived and laid out is on the canvas (command line, tests).
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
    void flowSelectionChanged(const egret::views::FlowSelection &selection);
    void groupToggled(const QString &groupId, bool collapsed);

private:
    void rebuild();
    void syncItems();
    void placeNewItems(const QList<NodeItem *> &added);
    void requestLayout();
    void startLayout();
    void applyLayout(const LayoutResult &result);
    void updateTooltips();
    void placeLegend(const QRectF &graph);
    void emitSelection();

    FlowGraph m_flows;
    HostGrouping m_grouping;
    QSet<QString> m_collapsed; // host groups
    QHash<QString, bool> m_userCollapsed;
    QSet<QString> m_openWorkloads; // workload groups
    VisibleGraph m_visible;

    QHash<QString, NodeItem *> m_nodes;
    QHash<QString, HopItem *> m_edges;
    QHash<QString, GroupItem *> m_frames;
    QHash<QString, QString> m_bundleOfHop;
    LegendItem *m_legend = nullptr;
    QRectF m_graphRect;

    QFutureWatcher<LayoutResult> m_layoutWatcher;
    QByteArray m_laidOutDot;
    bool m_layoutRunning = false;
    bool m_layoutWanted = false;

    QFutureWatcher<FlowGraph> m_deriveWatcher;
    quint64 m_deriveGeneration = 0;
    bool m_deriving = false;
};

} // namespace egret::views

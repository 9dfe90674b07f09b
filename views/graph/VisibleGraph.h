#pragma once

#include "model/flow/FlowGraph.h"
#include "views/graph/HostGrouping.h"

#include <QHash>
#include <QSet>

namespace egret::views {

// What the canvas shows of a flow graph once groups are folded: nodes (workloads, gateways,
// hosts, folded groups), edges (one per hop, or one per bundle of hops between folded nodes)
// and the frames of open host groups. Ids are the flow graph's, so items follow a re-derivation.
struct VisibleNode {
    // Group: hosts by domain suffix. WorkloadGroup: workloads whose egress is the same.
    // GatewayGroup: gateways that take the same traffic from the same senders on to the same
    // hosts (the Gateway API deploys a gateway per Gateway: thousands, one per host).
    enum Kind { Workload, Gateway, Host, Group, WorkloadGroup, GatewayGroup };
    QString id; // flow node id, or the group id
    Kind kind = Host;
    QString label;
    QString detail;  // namespace, or "2000 hosts"
    QString cluster; // the open host group it sits in, if any
    NodeFlags flags;
    QStringList members; // groups: the flow nodes folded into it
    bool isGroup() const { return kind == Group || kind == WorkloadGroup || kind == GatewayGroup; }
    bool isWorkloadLike() const { return kind == Workload || kind == WorkloadGroup; }
    bool isGatewayLike() const { return kind == Gateway || kind == GatewayGroup; }
};

struct VisibleEdge {
    QString id; // the hop id, or "bundle:<from>-><to>/<tls>[/failing]"
    QString from;
    QString to;
    QStringList hops; // the flow hops it stands for
    WireTls tls = WireTls::Plaintext;
    bool broken = false;
    bool blocked = false;
    QString label;      // "80 HTTP", "443 HTTPS ×20"
    QStringList badges; // "timeout 3s", "retries", "fault"
    bool isBundle() const { return hops.size() > 1 || id.startsWith(QLatin1String("bundle:")); }
};

struct VisibleCluster {
    QString id;     // group id
    QString label;  // "*.example.com  (2000 hosts)"
    QString parent; // enclosing expanded group
};

struct VisibleGraph {
    QVector<VisibleNode> nodes;
    QVector<VisibleEdge> edges;
    QVector<VisibleCluster> clusters;
    QHash<QString, QString> shownAs; // flow node id -> the group that shows it, when folded
    QVector<int> edgeOfHop;          // per hop of the graph, in its order: the edge drawing it

    // The edge that draws a hop of `graph` (the graph this was built from), or null.
    const VisibleEdge *edgeDrawing(const FlowGraph &graph, const QString &hopId) const;
};

// Workloads (gateways) are folded by sameness only in graphs with at least this many of them.
inline constexpr int kFoldWorkloadsFrom = 6;
inline constexpr int kFoldGatewaysFrom = 6;

// Folds `graph`: a host inside a collapsed group shows as that group (the outermost collapsed
// one); in graphs with many workloads, workloads whose egress looks the same on the canvas (same
// targets, TLS, ports) show as one "N workloads" node, and likewise gateways whose hops in and out
// look the same as one "N gateways" node, unless that group is in `openFolds`. Hops that then
// join the same two nodes with the same TLS become one edge.
VisibleGraph buildVisibleGraph(const FlowGraph &graph, const HostGrouping &grouping,
                               const QSet<QString> &collapsed, const QSet<QString> &openFolds = {});
bool isWorkloadGroupId(const QString &id);
bool isGatewayGroupId(const QString &id);
// A group folded by sameness (workloads or gateways), as opposed to a host group.
inline bool isSamenessGroupId(const QString &id) {
    return isWorkloadGroupId(id) || isGatewayGroupId(id);
}

QString edgeLabel(const FlowHop &hop); // "80 HTTP"
QStringList hopBadges(const FlowHop &hop);

} // namespace egret::views

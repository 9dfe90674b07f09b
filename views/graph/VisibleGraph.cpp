#include "views/graph/VisibleGraph.h"

#include <QHash>
#include <QMap>

#include <functional>

namespace egret::views {

QString edgeLabel(const FlowHop &hop) {
    const QString port = hop.port ? QString::number(hop.port) : QStringLiteral("*");
    return port + QLatin1Char(' ') + hop.protocol;
}

QStringList hopBadges(const FlowHop &hop) {
    QStringList out;
    if (!hop.timeout.isEmpty())
        out << QStringLiteral("timeout %1").arg(hop.timeout);
    if (!hop.retries.isEmpty())
        out << QStringLiteral("retries");
    if (!hop.fault.isEmpty())
        out << QStringLiteral("fault");
    if (hop.weight && *hop.weight < 100)
        out << QStringLiteral("%1%").arg(*hop.weight);
    return out;
}

bool isWorkloadGroupId(const QString &id) {
    return id.startsWith(QLatin1String("group:workloads/"));
}

namespace {

VisibleNode::Kind visibleKind(FlowNodeKind k) {
    switch (k) {
    case FlowNodeKind::Workload:
        return VisibleNode::Workload;
    case FlowNodeKind::Gateway:
        return VisibleNode::Gateway;
    case FlowNodeKind::External:
        return VisibleNode::Host;
    }
    return VisibleNode::Host;
}

QString plural(qsizetype n, const char *one, const char *many) {
    return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
}

// Host groups: which group shows each host, the group nodes and the open frames.
void foldHosts(const HostGrouping &grouping, const QSet<QString> &collapsed, VisibleGraph &out,
               QHash<QString, QString> &clusterOf) {
    std::function<void(const QString &, const QString &, bool)> walk =
        [&](const QString &groupId, const QString &outerCollapsed, bool parentOpen) {
            const HostGroup *g = grouping.group(groupId);
            const bool isCollapsed = !outerCollapsed.isEmpty() || collapsed.contains(groupId);
            const QString target = !outerCollapsed.isEmpty() ? outerCollapsed
                                   : isCollapsed             ? groupId
                                                             : QString();
            if (isCollapsed && outerCollapsed.isEmpty()) {
                VisibleNode n;
                n.id = groupId;
                n.kind = VisibleNode::Group;
                n.label = g->label;
                n.detail = plural(g->total, "host", "hosts");
                n.cluster = parentOpen ? g->parent : QString();
                out.nodes.append(n);
            } else if (!isCollapsed) {
                out.clusters.append(
                    {groupId,
                     g->label + QStringLiteral("  (") + plural(g->total, "host", "hosts") + ')',
                     g->parent});
            }
            for (const QString &h : g->hosts) {
                if (!target.isEmpty())
                    out.shownAs.insert(h, target);
                else
                    clusterOf.insert(h, groupId);
            }
            for (const QString &c : g->groups)
                walk(c, target, !isCollapsed);
        };
    for (const QString &top : grouping.topGroups())
        walk(top, QString(), false);
}

// Workloads whose hops look the same once hosts are folded, by their first member's id. An open
// class is a frame around its members.
void foldWorkloads(const FlowGraph &graph, const QSet<QString> &open, VisibleGraph &out,
                   QHash<QString, QString> &clusterOf) {
    QMap<QString, QStringList> signature; // workload -> what its edges look like
    int workloads = 0;
    for (const FlowNode &n : graph.nodes())
        if (n.kind == FlowNodeKind::Workload) {
            signature[n.id];
            ++workloads;
        }
    if (workloads < kFoldWorkloadsFrom)
        return;
    for (const FlowHop &h : graph.hops()) {
        const auto it = signature.find(h.from);
        if (it != signature.end())
            it->append(out.shownAs.value(h.to, h.to) + QLatin1Char('|') + wireTlsName(h.tls) +
                       QLatin1Char('|') + edgeLabel(h) + (h.failing() ? "|x" : ""));
    }
    QMap<QString, QStringList> classes; // signature -> workloads, in id order
    for (auto it = signature.begin(); it != signature.end(); ++it) {
        it->sort();
        it->removeDuplicates();
        classes[it->join(QLatin1Char('\n'))] << it.key();
    }
    for (const QStringList &members : std::as_const(classes)) {
        if (members.size() < 2)
            continue;
        const QString id = QStringLiteral("group:workloads/") + members.first();
        const QString label = plural(members.size(), "workload", "workloads");
        if (open.contains(id)) {
            out.clusters.append({id, label + QStringLiteral(", same egress"), QString()});
            for (const QString &m : members)
                clusterOf.insert(m, id);
            continue;
        }
        VisibleNode n;
        n.id = id;
        n.kind = VisibleNode::WorkloadGroup;
        n.label = label;
        n.detail = QStringLiteral("same egress");
        out.nodes.append(n);
        for (const QString &m : members)
            out.shownAs.insert(m, id);
    }
}

} // namespace

VisibleGraph buildVisibleGraph(const FlowGraph &graph, const HostGrouping &grouping,
                               const QSet<QString> &collapsed, const QSet<QString> &openWorkloads) {
    VisibleGraph out;
    QHash<QString, QString> clusterOf; // host or workload -> the open group it sits in
    foldHosts(grouping, collapsed, out, clusterOf);
    foldWorkloads(graph, openWorkloads, out, clusterOf);

    QHash<QString, int> nodeIndex;
    for (int i = 0; i < out.nodes.size(); ++i)
        nodeIndex.insert(out.nodes[i].id, i);
    for (const FlowNode &n : graph.nodes()) {
        if (const auto folded = out.shownAs.constFind(n.id); folded != out.shownAs.cend()) {
            out.nodes[nodeIndex.value(*folded)].members << n.id;
            continue;
        }
        VisibleNode v;
        v.id = n.id;
        v.kind = visibleKind(n.kind);
        v.label = n.label;
        v.detail = n.kind == FlowNodeKind::External ? QString() : n.ns;
        v.cluster = clusterOf.value(n.id);
        v.flags = n.flags;
        out.nodes.append(v);
    }
    for (VisibleNode &n : out.nodes)
        n.members.removeDuplicates();

    QHash<QString, int> edgeIndex;
    for (const FlowHop &h : graph.hops()) {
        const QString from = out.shownAs.value(h.from, h.from);
        const QString to = out.shownAs.value(h.to, h.to);
        const bool bundled = from != h.from || to != h.to;
        const QString id = bundled ? QStringLiteral("bundle:%1->%2/%3%4")
                                         .arg(from, to, wireTlsName(h.tls),
                                              h.failing() ? QStringLiteral("/failing") : QString())
                                   : h.id;
        auto it = edgeIndex.constFind(id);
        if (it == edgeIndex.cend()) {
            VisibleEdge e;
            e.id = id;
            e.from = from;
            e.to = to;
            e.tls = h.tls;
            e.label = edgeLabel(h);
            e.badges = hopBadges(h);
            it = edgeIndex.insert(id, int(out.edges.size()));
            out.edges.append(e);
        }
        VisibleEdge &e = out.edges[*it];
        e.hops << h.id;
        e.broken = e.broken || h.broken;
        e.blocked = e.blocked || h.blocked;
    }
    // A bundle says how many hops it carries, and the port when they share it.
    for (VisibleEdge &e : out.edges) {
        if (!e.id.startsWith(QLatin1String("bundle:")))
            continue;
        QString common = edgeLabel(*graph.hop(e.hops.first()));
        for (const QString &id : std::as_const(e.hops))
            if (!common.isEmpty() && edgeLabel(*graph.hop(id)) != common)
                common.clear();
        e.label = (common.isEmpty() ? QString() : common + QLatin1Char(' ')) +
                  QStringLiteral("×%1").arg(e.hops.size());
        e.badges.clear();
    }
    return out;
}

} // namespace egret::views

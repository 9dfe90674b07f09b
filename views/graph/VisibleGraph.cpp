#include "views/graph/VisibleGraph.h"

#include <QHash>
#include <QMap>

#include <algorithm>
#include <functional>
#include <unordered_map>

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

bool isGatewayGroupId(const QString &id) {
    return id.startsWith(QLatin1String("group:gateways/"));
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

// Where each hop starts and ends, as indexes into the graph's nodes (-1 for an id that names no
// node): tens of thousands of hops are then folded with integer keys, not strings.
struct HopEnds {
    explicit HopEnds(const FlowGraph &graph) {
        const FlowNode *base = graph.nodes().constData();
        from.resize(graph.hops().size());
        to.resize(graph.hops().size());
        for (int i = 0; i < graph.hops().size(); ++i) {
            const FlowNode *f = graph.node(graph.hops()[i].from);
            const FlowNode *t = graph.node(graph.hops()[i].to);
            from[i] = f ? int(f - base) : -1;
            to[i] = t ? int(t - base) : -1;
        }
    }
    QVector<int> from, to;
};

// Strings to small integers and back.
class Interner {
public:
    int intern(const QString &s) {
        auto it = m_index.constFind(s);
        if (it == m_index.cend()) {
            it = m_index.insert(s, int(m_texts.size()));
            m_texts << s;
        }
        return *it;
    }
    const QString &text(int i) const { return m_texts[i]; }

private:
    QHash<QString, int> m_index;
    QStringList m_texts;
};

// What a hop looks like from its workload once hosts are folded.
struct EntryKey {
    int target, port, protocol, tls;
    bool failing;
    bool operator==(const EntryKey &) const = default;
};
struct EntryKeyHash {
    size_t operator()(const EntryKey &k) const {
        return qHashMulti(0, k.target, k.port, k.protocol, k.tls, k.failing);
    }
};

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

// What folds by sameness: workloads by where they send, gateways by what they receive from
// whom and where they send it.
struct FoldKind {
    FlowNodeKind kind;
    VisibleNode::Kind visible;
    int from; // nodes of the kind in the graph before folding starts
    const char *idPrefix;
    const char *one;
    const char *many;
    const char *detail;
    bool incoming; // whether hops into a node tell it apart too
};

const FoldKind kWorkloadFold{FlowNodeKind::Workload,
                             VisibleNode::WorkloadGroup,
                             kFoldWorkloadsFrom,
                             "group:workloads/",
                             "workload",
                             "workloads",
                             "same egress",
                             false};
const FoldKind kGatewayFold{FlowNodeKind::Gateway,
                            VisibleNode::GatewayGroup,
                            kFoldGatewaysFrom,
                            "group:gateways/",
                            "gateway",
                            "gateways",
                            "same routes",
                            true};

// Nodes of one kind whose hops look the same once hosts (and, for gateways, workloads) are
// folded, by their first member's id. An open class is a frame around its members.
void foldBySameness(const FoldKind &fold, const FlowGraph &graph, const HopEnds &ends,
                    const QSet<QString> &open, VisibleGraph &out,
                    QHash<QString, QString> &clusterOf) {
    // What each node's edges look like: entries "[<]other|tls|label[|x]" ("<": a hop into it).
    // Tens of thousands of hops share a few thousand distinct entries, so each is built once and
    // nodes keep indexes into them.
    QMap<QString, QVector<int>> signature; // node -> its entries
    for (const FlowNode &n : graph.nodes())
        if (n.kind == fold.kind)
            signature[n.id];
    if (signature.size() < fold.from)
        return;
    QVector<QVector<int> *> signatureOf(graph.nodes().size(), nullptr);
    for (int i = 0; i < graph.nodes().size(); ++i) {
        const auto it = signature.find(graph.nodes()[i].id);
        if (it != signature.end())
            signatureOf[i] = &*it;
    }
    QVector<int> shown(graph.nodes().size()); // node -> the id it shows as, interned
    Interner ids;
    for (int i = 0; i < graph.nodes().size(); ++i)
        shown[i] = ids.intern(out.shownAs.value(graph.nodes()[i].id, graph.nodes()[i].id));
    Interner protocols;
    QStringList entries;
    std::unordered_map<EntryKey, int, EntryKeyHash> entryIndex;
    auto addEntry = [&](QVector<int> *of, int other, bool incoming, const FlowHop &hop) {
        // Incoming entries count as other nodes: ids are never negative.
        const EntryKey key{incoming ? -1 - other : other, hop.port, protocols.intern(hop.protocol),
                           int(hop.tls), hop.failing()};
        auto e = entryIndex.find(key);
        if (e == entryIndex.end()) {
            entries << (incoming ? QStringLiteral("<") : QString()) + ids.text(other) +
                           QLatin1Char('|') + wireTlsName(hop.tls) + QLatin1Char('|') +
                           edgeLabel(hop) + (hop.failing() ? QStringLiteral("|x") : QString());
            e = entryIndex.emplace(key, int(entries.size()) - 1).first;
        }
        of->append(e->second);
    };
    for (int h = 0; h < graph.hops().size(); ++h) {
        const int f = ends.from[h], t = ends.to[h];
        if (f < 0 || t < 0)
            continue;
        if (signatureOf[f])
            addEntry(signatureOf[f], shown[t], false, graph.hops()[h]);
        if (fold.incoming && signatureOf[t])
            addEntry(signatureOf[t], shown[f], true, graph.hops()[h]);
    }
    // Sorted and unique by text, as the classes are told apart by the joined text.
    QVector<int> order(entries.size());
    for (int i = 0; i < entries.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](int a, int b) { return entries[a] < entries[b]; });
    QVector<int> rank(entries.size());
    for (int i = 0; i < order.size(); ++i)
        rank[order[i]] = i;
    QMap<QString, QStringList> classes; // signature -> nodes, in id order
    for (auto it = signature.begin(); it != signature.end(); ++it) {
        QVector<int> &ranks = *it;
        for (int &i : ranks)
            i = rank[i];
        std::sort(ranks.begin(), ranks.end());
        ranks.erase(std::unique(ranks.begin(), ranks.end()), ranks.end());
        QString joined;
        for (int i = 0; i < ranks.size(); ++i) {
            if (i > 0)
                joined += QLatin1Char('\n');
            joined += entries[order[ranks[i]]];
        }
        classes[joined] << it.key();
    }
    for (const QStringList &members : std::as_const(classes)) {
        if (members.size() < 2)
            continue;
        const QString id = QLatin1String(fold.idPrefix) + members.first();
        const QString label = plural(members.size(), fold.one, fold.many);
        if (open.contains(id)) {
            out.clusters.append(
                {id, label + QStringLiteral(", ") + QLatin1String(fold.detail), QString()});
            for (const QString &m : members)
                clusterOf.insert(m, id);
            continue;
        }
        VisibleNode n;
        n.id = id;
        n.kind = fold.visible;
        n.label = label;
        n.detail = QLatin1String(fold.detail);
        out.nodes.append(n);
        for (const QString &m : members)
            out.shownAs.insert(m, id);
    }
}

} // namespace

VisibleGraph buildVisibleGraph(const FlowGraph &graph, const HostGrouping &grouping,
                               const QSet<QString> &collapsed, const QSet<QString> &openFolds) {
    VisibleGraph out;
    QHash<QString, QString> clusterOf; // host or workload -> the open group it sits in
    const HopEnds ends(graph);
    foldHosts(grouping, collapsed, out, clusterOf);
    foldBySameness(kWorkloadFold, graph, ends, openFolds, out, clusterOf);
    // After the workloads: gateways that the same (folded) senders reach fold together.
    foldBySameness(kGatewayFold, graph, ends, openFolds, out, clusterOf);

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
        // Ambient mode's parts say what they are: the shapes are the sidecar picture's.
        if (n.flags.testFlag(NodeFlag::Waypoint))
            v.detail = QStringLiteral("waypoint \u00b7 ") + n.ns;
        else if (n.flags.testFlag(NodeFlag::Ambient))
            v.detail = QStringLiteral("ambient \u00b7 ") + n.ns;
        v.cluster = clusterOf.value(n.id);
        v.flags = n.flags;
        out.nodes.append(v);
    }
    for (VisibleNode &n : out.nodes)
        n.members.removeDuplicates();

    // Hops between the same two shown nodes with the same TLS (and failing or not) become one
    // bundle; the bundle's id is built once, not once per hop.
    Interner ids;
    QVector<int> self(graph.nodes().size()), shown(graph.nodes().size());
    for (int i = 0; i < graph.nodes().size(); ++i) {
        const QString &id = graph.nodes()[i].id;
        self[i] = ids.intern(id);
        shown[i] = ids.intern(out.shownAs.value(id, id));
    }
    struct BundleKey {
        int from, to, tls;
        bool failing;
        bool operator==(const BundleKey &) const = default;
    };
    struct BundleHash {
        size_t operator()(const BundleKey &k) const {
            return qHashMulti(0, k.from, k.to, k.tls, k.failing);
        }
    };
    std::unordered_map<BundleKey, int, BundleHash> bundleIndex;
    QHash<QString, int> edgeIndex;
    // Per edge: its first hop, and whether its hops share that hop's port and protocol.
    QVector<int> firstHop;
    QVector<bool> samePort;
    out.edgeOfHop.resize(graph.hops().size());
    auto addEdge = [&](const QString &id, const QString &from, const QString &to,
                       const FlowHop &h) {
        VisibleEdge e;
        e.id = id;
        e.from = from;
        e.to = to;
        e.tls = h.tls;
        e.label = edgeLabel(h);
        e.badges = hopBadges(h);
        out.edges.append(e);
        firstHop.append(-1);
        samePort.append(true);
        return int(out.edges.size()) - 1;
    };
    for (int i = 0; i < graph.hops().size(); ++i) {
        const FlowHop &h = graph.hops()[i];
        const int f = ends.from[i], t = ends.to[i];
        const int from = f < 0 ? ids.intern(out.shownAs.value(h.from, h.from)) : shown[f];
        const int to = t < 0 ? ids.intern(out.shownAs.value(h.to, h.to)) : shown[t];
        const bool bundled = from != (f < 0 ? ids.intern(h.from) : self[f]) ||
                             to != (t < 0 ? ids.intern(h.to) : self[t]);
        int index;
        if (bundled) {
            const BundleKey key{from, to, int(h.tls), h.failing()};
            auto it = bundleIndex.find(key);
            if (it == bundleIndex.end()) {
                const QString id = QStringLiteral("bundle:%1->%2/%3%4")
                                       .arg(ids.text(from), ids.text(to), wireTlsName(h.tls),
                                            h.failing() ? QStringLiteral("/failing") : QString());
                // A hop id never starts with "bundle:", so the two kinds of id cannot meet.
                auto same = edgeIndex.constFind(id);
                const int e =
                    same != edgeIndex.cend() ? *same : addEdge(id, ids.text(from), ids.text(to), h);
                edgeIndex.insert(id, e);
                it = bundleIndex.emplace(key, e).first;
            }
            index = it->second;
        } else {
            auto it = edgeIndex.constFind(h.id);
            if (it == edgeIndex.cend())
                it = edgeIndex.insert(h.id, addEdge(h.id, ids.text(from), ids.text(to), h));
            index = *it;
        }
        VisibleEdge &e = out.edges[index];
        e.hops << h.id;
        e.broken = e.broken || h.broken;
        e.blocked = e.blocked || h.blocked;
        out.edgeOfHop[i] = index;
        if (firstHop[index] < 0) {
            firstHop[index] = i;
        } else if (samePort[index]) {
            const FlowHop &first = graph.hops()[firstHop[index]];
            samePort[index] = h.port == first.port && h.protocol == first.protocol;
        }
    }
    // A bundle says how many hops it carries, and the port when they share it.
    for (int i = 0; i < out.edges.size(); ++i) {
        VisibleEdge &e = out.edges[i];
        if (!e.id.startsWith(QLatin1String("bundle:")))
            continue;
        e.label =
            (samePort[i] ? edgeLabel(graph.hops()[firstHop[i]]) + QLatin1Char(' ') : QString()) +
            QStringLiteral("×%1").arg(e.hops.size());
        e.badges.clear();
    }
    return out;
}

const VisibleEdge *VisibleGraph::edgeDrawing(const FlowGraph &graph, const QString &hopId) const {
    const FlowHop *hop = graph.hop(hopId);
    if (!hop)
        return nullptr;
    const qsizetype i = hop - graph.hops().constData();
    return i < edgeOfHop.size() ? &edges[edgeOfHop[i]] : nullptr;
}

} // namespace egret::views

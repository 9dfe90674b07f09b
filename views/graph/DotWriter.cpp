#include "views/graph/DotWriter.h"

#include "views/graph/FlowStyle.h"

#include <QMultiHash>

#include <algorithm>
#include <functional>

namespace egret::views {

QByteArray dotQuoted(const QString &text) {
    QByteArray out = text.toUtf8();
    out.replace('\\', "\\\\");
    out.replace('"', "\\\"");
    out.replace('\n', "\\n");
    return '"' + out + '"';
}

namespace {

QByteArray inches(qreal points) {
    return QByteArray::number(points / 72.0, 'f', 3);
}

} // namespace

QString edgeLabelText(const VisibleEdge &edge) {
    if (edge.badges.isEmpty())
        return edge.label;
    return edge.label + QLatin1Char('\n') + edge.badges.join(QStringLiteral("   "));
}

QByteArray writeDot(const VisibleGraph &graph, const QHash<QString, QSizeF> &nodeSizes) {
    QByteArray out;
    out.reserve(256 + graph.nodes.size() * 96 + graph.edges.size() * 96);
    out += "digraph egress {\n"
           "  graph [rankdir=LR, newrank=true, nodesep=0.25, ranksep=1.1, splines=true,\n"
           "         fontname=\"Sans\", fontsize=11];\n"
           "  node [shape=box, fixedsize=true, label=\"\"];\n"
           "  edge [arrowhead=normal, arrowsize=0.7, fontname=\"DejaVu Sans\", fontsize=" +
           QByteArray::number(style::sceneFontSize(style::edgeFont()), 'f', 1) + "];\n";

    QMultiHash<QString, const VisibleNode *> inCluster;
    QMultiHash<QString, const VisibleCluster *> subClusters;
    for (const VisibleNode &n : graph.nodes)
        inCluster.insert(n.cluster, &n);
    for (const VisibleCluster &c : graph.clusters)
        subClusters.insert(c.parent, &c);

    auto writeNode = [&](const VisibleNode &n, const QByteArray &indent) {
        const QSizeF s = nodeSizes.value(n.id, QSizeF(120, 36));
        // Gateways are hexagons for the edges to end on; the rest end on their boxes.
        out += indent + dotQuoted(n.id) + " [width=" + inches(s.width()) +
               ", height=" + inches(s.height()) +
               (n.kind == VisibleNode::Gateway ? ", shape=hexagon" : "") + "];\n";
    };
    int clusterCount = 0;
    std::function<void(const QString &, const QByteArray &)> writeCluster =
        [&](const QString &parent, const QByteArray &indent) {
            // QMultiHash returns the last inserted first: keep the visible graph's order.
            QList<const VisibleCluster *> clusters = subClusters.values(parent);
            std::reverse(clusters.begin(), clusters.end());
            for (const VisibleCluster *c : clusters) {
                out += indent + "subgraph cluster_" + QByteArray::number(clusterCount++) + " {\n";
                // The label as the frame draws it, with room for its toggle.
                out += indent + "  id=" + dotQuoted(c->id) +
                       "; label=" + dotQuoted(c->label + QStringLiteral("        ")) +
                       "; labeljust=l; margin=12; fontname=\"DejaVu Sans\"; fontsize=" +
                       QByteArray::number(style::sceneFontSize(style::detailFont()), 'f', 1) +
                       ";\n";
                QList<const VisibleNode *> nodes = inCluster.values(c->id);
                std::reverse(nodes.begin(), nodes.end());
                for (const VisibleNode *n : nodes)
                    writeNode(*n, indent + "  ");
                writeCluster(c->id, indent + "  ");
                out += indent + "}\n";
            }
        };

    for (const VisibleNode &n : graph.nodes)
        if (n.cluster.isEmpty())
            writeNode(n, "  ");
    writeCluster(QString(), "  ");

    // The three columns, held in order by invisible anchors (a gateway nothing sends to would
    // otherwise sit with the workloads).
    QByteArray workloads, gateways, hosts;
    for (const VisibleNode &n : graph.nodes) {
        QByteArray &column = n.isWorkloadLike() ? workloads : n.isGatewayLike() ? gateways : hosts;
        column += ' ' + dotQuoted(n.id) + ';';
    }
    out += "  node [style=invis, width=0.01, height=0.01];\n";
    out += "  { rank=min; \"" + QByteArray(kAnchorPrefix) + "workloads\";" + workloads + " }\n";
    if (!gateways.isEmpty())
        out += "  { rank=same; \"" + QByteArray(kAnchorPrefix) + "gateways\";" + gateways + " }\n";
    out += "  { rank=max; \"" + QByteArray(kAnchorPrefix) + "hosts\";" + hosts + " }\n";
    out +=
        "  \"" + QByteArray(kAnchorPrefix) + "workloads\" -> " +
        (gateways.isEmpty() ? QByteArray() : "\"" + QByteArray(kAnchorPrefix) + "gateways\" -> ") +
        "\"" + QByteArray(kAnchorPrefix) + "hosts\" [style=invis];\n";

    // Labels take room in the layout, so that dot routes edges and places nodes around them.
    for (const VisibleEdge &e : graph.edges)
        out += "  " + dotQuoted(e.from) + " -> " + dotQuoted(e.to) + " [id=" + dotQuoted(e.id) +
               ", label=" + dotQuoted(edgeLabelText(e)) + "];\n";
    out += "}\n";
    return out;
}

} // namespace egret::views

#include "model/flow/FlowJson.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace egret {

QJsonObject flowGraphToJson(const FlowGraph &graph) {
    QJsonArray nodes;
    for (const FlowNode &n : graph.nodes()) {
        QJsonArray ports;
        for (int p : n.ports)
            ports.append(p);
        QJsonObject node{{QStringLiteral("id"), n.id},
                         {QStringLiteral("kind"), flowNodeKindName(n.kind)},
                         {QStringLiteral("label"), n.label},
                         {QStringLiteral("namespace"), n.ns},
                         {QStringLiteral("hosts"), QJsonArray::fromStringList(n.hosts)},
                         {QStringLiteral("ports"), ports}};
        if (!n.origin.isEmpty())
            node.insert(QStringLiteral("installation"), n.origin);
        // Ambient mode's parts, only where they are (the sidecar picture's JSON is unchanged).
        if (n.flags.testFlag(NodeFlag::Waypoint))
            node.insert(QStringLiteral("waypoint"), true);
        if (n.flags.testFlag(NodeFlag::Ambient))
            node.insert(QStringLiteral("ambient"), true);
        nodes.append(node);
    }
    QJsonArray edges;
    for (const FlowHop &h : graph.hops()) {
        QJsonArray resources;
        for (const FlowSource &s : h.provenance)
            resources.append(QJsonObject{{QStringLiteral("kind"), s.resource.kind},
                                         {QStringLiteral("namespace"), s.resource.ns},
                                         {QStringLiteral("name"), s.resource.name}});
        QJsonObject edge{{QStringLiteral("from"), h.from},
                         {QStringLiteral("to"), h.to},
                         {QStringLiteral("protocol"), h.protocol},
                         {QStringLiteral("port"), h.port},
                         {QStringLiteral("tls"), wireTlsName(h.tls)},
                         {QStringLiteral("broken"), h.failing()},
                         {QStringLiteral("blocked"), h.blocked},
                         {QStringLiteral("resources"), resources}};
        if (!h.policies.isEmpty())
            edge.insert(QStringLiteral("policies"), QJsonArray::fromStringList(h.policies));
        edges.append(edge);
    }
    return {{QStringLiteral("nodes"), nodes}, {QStringLiteral("edges"), edges}};
}

QByteArray flowGraphJson(const FlowGraph &graph) {
    return QJsonDocument(flowGraphToJson(graph)).toJson(QJsonDocument::Indented);
}

} // namespace egret

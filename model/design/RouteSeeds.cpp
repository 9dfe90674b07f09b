#include "model/design/RouteSeeds.h"

#include "model/workspace/Workspace.h"

namespace egret::design {

namespace {

recipes::RouteRequest seed(const QString &source, const QString &ns, const QString &host,
                           qint64 port) {
    recipes::RouteRequest request;
    request.host = host;
    request.port = port;
    request.ns = ns;
    request.sourceWorkload = source;
    request.pattern = port == 80 ? recipes::Pattern::Http : recipes::Pattern::TlsPassthrough;
    return request;
}

QString hostOf(const FlowNode &n) {
    return n.hosts.value(0, n.label);
}

qint64 onlyPort(const FlowNode &n) {
    return n.ports.size() == 1 ? n.ports.first() : 0;
}

} // namespace

recipes::RouteRequest routeBetween(const FlowNode &from, const FlowNode &to) {
    return seed(from.label, from.ns, hostOf(to), onlyPort(to));
}

recipes::RouteRequest routeFromSelection(const FlowGraph &flows, const QStringList &nodeIds,
                                         const Workspace &ws,
                                         const QVector<ResourceId> &resources) {
    QString source, ns, host;
    qint64 port = 0;
    for (const QString &id : nodeIds) {
        const FlowNode *n = flows.node(id);
        if (!n)
            continue;
        if (n->kind == FlowNodeKind::Workload && source.isEmpty()) {
            source = n->label;
            ns = n->ns;
        } else if (n->kind == FlowNodeKind::External && host.isEmpty()) {
            host = hostOf(*n);
            port = onlyPort(*n);
        }
    }
    if (host.isEmpty() && !resources.isEmpty())
        if (const Resource *r = ws.resource(resources.first())) {
            if (const auto *se = r->as<ServiceEntry>())
                host = se->hosts.value(0);
            else if (const auto *vs = r->as<VirtualService>())
                host = vs->hosts.value(0);
            if (ns.isEmpty())
                ns = r->ns;
        }
    return seed(source, ns, host, port);
}

QStringList externalHosts(const FlowGraph &flows) {
    QStringList hosts;
    for (const FlowNode &n : flows.nodes())
        if (n.kind == FlowNodeKind::External)
            hosts << hostOf(n);
    return hosts;
}

} // namespace egret::design

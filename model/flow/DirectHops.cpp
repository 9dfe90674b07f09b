#include "model/flow/DirectHops.h"

#include "model/flow/DeriveContext.h"
#include "model/istio/Hosts.h"
#include "model/istio/Protocols.h"

#include <deque>

namespace egret::flow {

namespace {

struct DeclaredPort {
    int number = 0;   // the service port, as routes and DestinationRules name it
    int wirePort = 0; // targetPort applied
    QString protocol; // upper case; TCP when absent
    QString path;     // spec.ports[k]
    bool appTls = false;
};

void directHops(DeriveContext &cx, const Resource &r, const QString &host, const QString &hostPath,
                const QVector<DeclaredPort> &ports) {
    const DestinationInfo info = cx.destination(host);
    QString nodeId;
    // Made once per host port and shared by every sender's hop, with the TLS rules too.
    std::deque<JoinedProvenance> declared;
    for (const DeclaredPort &p : ports)
        declared.emplace_back(Provenance{sourceOf(r, {hostPath, p.path})});
    QVector<int> routed; // by port: the slot of the senders routing it elsewhere, or -1
    for (const DeclaredPort &p : ports)
        routed.append(cx.routed.find(host, p.number));
    for (int si = 0; si < cx.sources.size(); ++si) {
        SourceProxy &s = cx.sources[si];
        if (!resourceVisible(r, s.ns) || !s.scope.seesHost(r.ns, host))
            continue;
        for (int k = 0; k < ports.size(); ++k) {
            const DeclaredPort &p = ports.at(k);
            if (routed.at(k) >= 0 && cx.routed.marked(routed.at(k), si))
                continue;
            if (nodeId.isEmpty())
                nodeId = cx.hostNode(info);
            FlowHop hop;
            hop.from = s.nodeId;
            hop.to = nodeId;
            hop.port = p.wirePort;
            hop.protocol = p.protocol;
            const TlsOrigination o =
                cx.tls.resolve(info.tlsRules, QString(), p.number, s.identity(), r.ns);
            applyOrigination(hop, o, p.appTls, &declared[k]);
            cx.graph.addHop(std::move(hop));
        }
    }
}

QString upperOrTcp(const QString &protocol) {
    return protocol.isEmpty() ? QStringLiteral("TCP") : protocol.toUpper();
}

} // namespace

void addDirectHops(DeriveContext &cx) {
    for (const Resource *r : cx.index.serviceEntries()) {
        const ServiceEntry *se = r->as<ServiceEntry>();
        if (se->location == QLatin1String("MESH_INTERNAL"))
            continue;
        QVector<DeclaredPort> ports;
        for (int k = 0; k < se->ports.size(); ++k) {
            const ServicePort &p = se->ports.at(k);
            if (!p.number)
                continue;
            const QString protocol = upperOrTcp(p.protocol);
            ports.append({int(*p.number), int(p.targetPort.value_or(*p.number)), protocol,
                          indexedPath(u"spec.ports", k), istio::carriesAppTls(protocol)});
        }
        for (int j = 0; j < se->hosts.size(); ++j)
            directHops(cx, *r, se->hosts.at(j), indexedPath(u"spec.hosts", j), ports);
    }
    for (const Resource *r : cx.index.services()) {
        const Service *svc = r->as<Service>();
        const bool external = svc->type == QLatin1String("ExternalName") || !svc->hasSelector;
        if (!external || r->assumed)
            continue;
        QVector<DeclaredPort> ports;
        for (int k = 0; k < svc->ports.size(); ++k) {
            const KubePort &p = svc->ports.at(k);
            if (!p.port)
                continue;
            const QString protocol = istio::protocolFromPortName(p.name);
            ports.append({int(*p.port), int(*p.port), protocol, indexedPath(u"spec.ports", k),
                          istio::carriesAppTls(protocol)});
        }
        const QString host = istio::serviceFqdn(r->meta.name, r->ns);
        if (cx.index.declarations(host).isEmpty())
            directHops(cx, *r, host, QStringLiteral("metadata.name"), ports);
    }
}

} // namespace egret::flow

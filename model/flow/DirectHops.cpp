#include "model/flow/DirectHops.h"

#include "model/flow/DeriveContext.h"
#include "model/flow/HostNames.h"

namespace egret::flow {

namespace {

struct DeclaredPort {
    int number = 0;   // the service port, as routes and DestinationRules name it
    int wirePort = 0; // targetPort applied
    QString protocol; // upper case; TCP when absent
    QString path;     // spec.ports[k]
};

void directHops(DeriveContext &cx, const Resource &r, const QString &host, const QString &hostPath,
                const QVector<DeclaredPort> &ports) {
    const DestinationInfo info = cx.destination(host);
    QString nodeId;
    // Made once per host port and shared by every sender's hop.
    QVector<Provenance> declared;
    for (const DeclaredPort &p : ports)
        declared.append({sourceOf(r, {hostPath, p.path})});
    for (int si = 0; si < cx.sources.size(); ++si) {
        SourceProxy &s = cx.sources[si];
        if (!resourceVisible(r, s.ns) || !s.scope.seesHost(r.ns, host))
            continue;
        const auto routed = s.routed.constFind(host);
        for (int k = 0; k < ports.size(); ++k) {
            const DeclaredPort &p = ports.at(k);
            if (routed != s.routed.cend() && routed->contains(p.number))
                continue;
            if (nodeId.isEmpty())
                nodeId = cx.hostNode(info);
            FlowHop hop;
            hop.from = s.nodeId;
            hop.to = nodeId;
            hop.port = p.wirePort;
            hop.protocol = p.protocol;
            hop.provenance = declared.at(k);
            const TlsOrigination o = cx.tls.resolve(host, QString(), p.number, s.identity(), r.ns);
            applyOrigination(hop, o, carriesAppTls(p.protocol), s.ns);
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
            ports.append({int(*p.number), int(p.targetPort.value_or(*p.number)),
                          upperOrTcp(p.protocol), QStringLiteral("spec.ports[%1]").arg(k)});
        }
        for (int j = 0; j < se->hosts.size(); ++j)
            directHops(cx, *r, se->hosts.at(j), QStringLiteral("spec.hosts[%1]").arg(j), ports);
    }
    for (const Resource *r : cx.index.services()) {
        const Service *svc = r->as<Service>();
        const bool external = svc->type == QLatin1String("ExternalName") || !svc->hasSelector;
        if (!external || r->assumed)
            continue;
        QVector<DeclaredPort> ports;
        for (int k = 0; k < svc->ports.size(); ++k) {
            const KubePort &p = svc->ports.at(k);
            if (p.port)
                ports.append({int(*p.port), int(*p.port), protocolFromPortName(p.name),
                              QStringLiteral("spec.ports[%1]").arg(k)});
        }
        const QString host = serviceFqdn(r->meta.name, r->ns);
        if (cx.index.declarations(host).isEmpty())
            directHops(cx, *r, host, QStringLiteral("metadata.name"), ports);
    }
}

} // namespace egret::flow

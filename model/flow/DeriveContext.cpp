#include "model/flow/DeriveContext.h"

#include "model/flow/HostNames.h"

#include <algorithm>

namespace egret::flow {

FlowSource sourceOf(const Resource &r, const QStringList &paths) {
    FlowSource s;
    s.resource = r.ref();
    s.id = r.id;
    s.paths = paths;
    s.assumed = r.assumed;
    return s;
}

namespace {

const QString &declaredHostName(const DeclaredHost &d) {
    return d.resource->as<ServiceEntry>()->hosts.at(d.hostIndex);
}

bool externalService(const Service &s) {
    return s.type == QLatin1String("ExternalName") || !s.hasSelector;
}

} // namespace

Sender DeriveContext::sender(int sourceIndex) const {
    const SourceProxy &s = sources.at(sourceIndex);
    return {s.nodeId, s.identity(), &s.scope, s.registryOnly, false};
}

Sender DeriveContext::gatewaySender(int proxy) const {
    const GatewayProxy &g = gatewayProxies.at(proxy);
    return {g.nodeId,
            {g.ns, g.unresolved ? nullptr : &g.labels},
            nullptr,
            index.mesh().registryOnly(),
            true};
}

DestinationInfo DeriveContext::destination(const QString &fqdn) const {
    DestinationInfo d;
    d.host = fqdn;
    if (const auto it = proxyOfService.constFind(fqdn); it != proxyOfService.cend()) {
        d.kind = DestinationInfo::Gateway;
        d.gatewayProxy = *it;
        d.serviceNs = gatewayProxies.at(*it).ns;
        return d;
    }
    d.declarations = index.declarations(fqdn);
    if (!d.declarations.isEmpty()) {
        const bool internal =
            std::all_of(d.declarations.cbegin(), d.declarations.cend(), [](const DeclaredHost &h) {
                return h.resource->as<ServiceEntry>()->location == QLatin1String("MESH_INTERNAL");
            });
        d.kind = internal ? DestinationInfo::InCluster : DestinationInfo::External;
        d.serviceNs = d.declarations.first().resource->ns;
        return d;
    }
    if (const Resource *svc = index.service(fqdn)) {
        d.service = svc;
        d.serviceNs = svc->ns;
        d.kind = externalService(*svc->as<Service>()) ? DestinationInfo::External
                                                      : DestinationInfo::InCluster;
        return d;
    }
    d.serviceNs = namespaceOfServiceHost(fqdn);
    return d;
}

bool DeriveContext::declaredFor(const DestinationInfo &d, const Sender &s) const {
    for (const DeclaredHost &h : d.declarations)
        if (resourceVisible(*h.resource, s.identity.ns) &&
            (!s.scope || s.scope->seesHost(h.resource->ns, declaredHostName(h))))
            return true;
    if (d.service)
        return resourceVisible(*d.service, s.identity.ns) &&
               (!s.scope || s.scope->seesHost(d.service->ns, d.host));
    return false;
}

int DeriveContext::wirePort(const DestinationInfo &d, int servicePort) const {
    for (const DeclaredHost &h : d.declarations)
        for (const ServicePort &p : h.resource->as<ServiceEntry>()->ports)
            if (p.number && *p.number == servicePort && p.targetPort)
                return int(*p.targetPort);
    return servicePort;
}

QString DeriveContext::declaredProtocol(const DestinationInfo &d, int servicePort) const {
    for (const DeclaredHost &h : d.declarations)
        for (const ServicePort &p : h.resource->as<ServiceEntry>()->ports)
            if (p.number && *p.number == servicePort)
                return p.protocol.toUpper();
    if (d.service)
        for (const KubePort &p : d.service->as<Service>()->ports)
            if (p.port && *p.port == servicePort)
                return protocolFromPortName(p.name);
    return {};
}

QString DeriveContext::gatewayNode(int proxy) {
    const GatewayProxy &g = gatewayProxies.at(proxy);
    if (!graph.node(g.nodeId)) {
        FlowNode n;
        n.id = g.nodeId;
        n.kind = FlowNodeKind::Gateway;
        n.label = g.label;
        n.ns = g.ns;
        n.labels = g.labels;
        n.flags.setFlag(NodeFlag::Assumed, g.assumed);
        n.flags.setFlag(NodeFlag::Unresolved, g.unresolved);
        n.provenance = g.members;
        n.hosts = g.hosts;
        n.ports = g.ports;
        graph.ensureNode(n);
    }
    return g.nodeId;
}

QString DeriveContext::hostNode(const DestinationInfo &d) {
    const QString id = QStringLiteral("host:") + d.host;
    if (graph.node(id))
        return id;
    FlowNode n;
    n.id = id;
    n.kind = FlowNodeKind::External;
    n.label = d.host;
    n.ns = d.declarations.isEmpty() ? (d.service ? d.service->ns : QString())
                                    : d.declarations.first().resource->ns;
    n.hosts << d.host;
    n.flags.setFlag(NodeFlag::Wildcard, isWildcardHost(d.host));
    n.flags.setFlag(NodeFlag::InCluster, d.kind == DestinationInfo::InCluster);
    n.flags.setFlag(NodeFlag::Undeclared, d.declarations.isEmpty() && !d.service);
    for (const DeclaredHost &h : d.declarations) {
        const ServiceEntry *se = h.resource->as<ServiceEntry>();
        addProvenance(n.provenance,
                      sourceOf(*h.resource, {QStringLiteral("spec.hosts[%1]").arg(h.hostIndex)}));
        for (const ServicePort &p : se->ports)
            if (p.number && !n.ports.contains(int(*p.number)))
                n.ports << int(*p.number);
        for (const QString &a : se->addresses)
            if (!n.hosts.contains(a))
                n.hosts << a;
    }
    if (d.service) {
        const Service *svc = d.service->as<Service>();
        addProvenance(n.provenance, sourceOf(*d.service));
        if (!svc->externalName.isEmpty())
            n.hosts << svc->externalName;
        for (const KubePort &p : svc->ports)
            if (p.port && !n.ports.contains(int(*p.port)))
                n.ports << int(*p.port);
    }
    std::sort(n.ports.begin(), n.ports.end());
    graph.ensureNode(n);
    return id;
}

QString DeriveContext::serverKey(int proxy, int port, const QString &host) {
    return QString::number(proxy) + QLatin1Char('|') + QString::number(port) + QLatin1Char('|') +
           host.toLower();
}

QVector<ServerRef> DeriveContext::serversFor(int proxy, int port, const QString &host) const {
    QVector<ServerRef> out;
    auto accepts = [&](const ServerRef &s) {
        const Server &server = s.gateway->as<Gateway>()->servers.at(s.server);
        return std::any_of(server.hosts.cbegin(), server.hosts.cend(),
                           [&](const QString &h) { return hostsIntersect(hostPart(h), host); });
    };
    if (isWildcardHost(host)) {
        for (const ServerRef &s :
             serversByPortHost.value(serverKey(proxy, port, QStringLiteral("#all"))))
            if (accepts(s))
                out.append(s);
        return out;
    }
    out = serversByPortHost.value(serverKey(proxy, port, host));
    for (const ServerRef &s : serversByPortHost.value(serverKey(proxy, port, QString()))) {
        const bool known = std::any_of(out.cbegin(), out.cend(), [&](const ServerRef &o) {
            return o.gateway == s.gateway && o.server == s.server;
        });
        if (!known && accepts(s))
            out.append(s);
    }
    return out;
}

} // namespace egret::flow

#include "model/flow/DeriveContext.h"

#include "model/istio/GatewayApiTranslation.h"
#include "model/istio/Hosts.h"
#include "model/istio/Protocols.h"

#include <algorithm>
#include <charconv>

namespace egret::flow {

FlowSource sourceOf(const Resource &r, const QStringList &paths) {
    FlowSource s;
    s.resource = r.ref();
    s.id = r.id;
    s.paths = paths;
    if (r.translatedFrom != Kind::Unknown) {
        s.resource = istio::sourceRef(r);
        for (QString &p : s.paths)
            p = istio::sourcePath(r, p);
        s.paths.removeDuplicates();
    }
    s.assumed = r.assumed;
    return s;
}

QString indexedPath(QStringView base, qsizetype index) {
    return indexedPath(base, {}, index);
}

QString indexedPath(QStringView base, QLatin1StringView field, qsizetype index) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, index).ptr;
    QString out;
    out.reserve(base.size() + field.size() + (end - digits) + 3);
    out.append(base);
    if (!field.isEmpty())
        out.append(QLatin1Char('.')).append(field);
    out.append(QLatin1Char('[')).append(QLatin1StringView(digits, end - digits));
    out.append(QLatin1Char(']'));
    return out;
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
    auto it = m_destinations.constFind(fqdn);
    if (it == m_destinations.cend())
        it = m_destinations.insert(fqdn, findDestination(fqdn));
    return *it;
}

DestinationInfo DeriveContext::findDestination(const QString &fqdn) const {
    DestinationInfo d;
    d.host = fqdn;
    d.tlsRules = tls.rulesFor(fqdn);
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
    d.serviceNs = istio::proxy::namespaceOfServiceHost(fqdn);
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
                return istio::protocolFromPortName(p.name);
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
        n.origin = g.origin;
        n.provenance = g.members;
        n.hosts = g.hosts;
        n.ports = g.ports;
        graph.ensureNode(n);
    }
    return g.nodeId;
}

QString DeriveContext::hostNode(const DestinationInfo &d) {
    const QString id = QStringLiteral("host:") + d.host;
    if (const FlowNode *existing = graph.node(id))
        return existing->id; // shared with the node: hops to it find each other by it
    FlowNode n;
    n.id = id;
    n.kind = FlowNodeKind::External;
    n.label = d.host;
    n.ns = d.declarations.isEmpty() ? (d.service ? d.service->ns : QString())
                                    : d.declarations.first().resource->ns;
    n.hosts << d.host;
    n.flags.setFlag(NodeFlag::Wildcard, istio::isWildcardHost(d.host));
    n.flags.setFlag(NodeFlag::InCluster, d.kind == DestinationInfo::InCluster);
    n.flags.setFlag(NodeFlag::Undeclared, d.declarations.isEmpty() && !d.service);
    for (const DeclaredHost &h : d.declarations) {
        const ServiceEntry *se = h.resource->as<ServiceEntry>();
        addProvenance(n.provenance,
                      sourceOf(*h.resource, {indexedPath(u"spec.hosts", h.hostIndex)}));
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
    return graph.ensureNode(n).id;
}

QVector<ServerRef> DeriveContext::serversFor(int proxy, int port, const QString &host) const {
    QVector<ServerRef> out;
    const auto buckets = serversByPortHost.constFind({proxy, port});
    if (buckets == serversByPortHost.cend())
        return out;
    auto accepts = [&](const ServerRef &s) {
        const Server &server = s.gateway->as<Gateway>()->servers.at(s.server);
        return std::any_of(server.hosts.cbegin(), server.hosts.cend(), [&](const QString &h) {
            return istio::proxy::hostsIntersect(istio::hostPart(h), host);
        });
    };
    static const QVector<ServerRef> none;
    auto bucket = [&](const QString &key) -> const QVector<ServerRef> & {
        const auto it = buckets->constFind(key);
        return it == buckets->cend() ? none : *it;
    };
    if (istio::isWildcardHost(host)) {
        for (const ServerRef &s : bucket(QStringLiteral("#all")))
            if (accepts(s))
                out.append(s);
        return out;
    }
    out = bucket(host.toLower());
    for (const ServerRef &s : bucket(QString())) {
        const bool known = std::any_of(out.cbegin(), out.cend(), [&](const ServerRef &o) {
            return o.gateway == s.gateway && o.server == s.server;
        });
        if (!known && accepts(s))
            out.append(s);
    }
    return out;
}

namespace {

bool isAscii(const QString &s) {
    return std::all_of(s.cbegin(), s.cend(), [](QChar c) { return c.unicode() < 0x80; });
}

// A server host's namespace admits a VirtualService: "*" or none, its own, or "." when the
// VirtualService is in the Gateway's namespace.
// An unqualified host admits every namespace (and so, here, does "/host").
bool namespaceAdmits(const QString &ns, const QString &vsNs, const QString &gatewayNs) {
    return ns.isEmpty() || istio::namespacePartAdmits(ns, vsNs, gatewayNs);
}

} // namespace

void DeriveContext::indexServers(const Resource &g) {
    const Gateway *gw = g.as<Gateway>();
    QVector<FlowSource> &sources = serverSources[&g];
    for (int i = 0; i < gw->servers.size(); ++i) {
        sources.append(sourceOf(g, {indexedPath(u"spec.servers", i)}));
        for (const QString &qualified : gw->servers.at(i).hosts) {
            ServerHost h{i, istio::namespacePart(qualified), istio::hostPart(qualified)};
            // Case-insensitive equality is lower-case equality only for ASCII names.
            if (istio::isWildcardHost(h.host) || !isAscii(h.host))
                serverHostsScanned[&g].append(h);
            else
                serverHostsByName[{&g, h.host.toLower()}].append(h);
        }
    }
}

QBitArray DeriveContext::serversAccepting(const Resource &g, const QString &host,
                                          const QString &vsNs) const {
    const QVector<Server> &servers = g.as<Gateway>()->servers;
    QBitArray out(servers.size());
    if (istio::isWildcardHost(host) || !isAscii(host)) {
        // A wildcard may cover any name: compare with every host.
        for (int i = 0; i < servers.size(); ++i)
            out.setBit(i, std::any_of(servers.at(i).hosts.cbegin(), servers.at(i).hosts.cend(),
                                      [&](const QString &qualified) {
                                          return namespaceAdmits(istio::namespacePart(qualified),
                                                                 vsNs, g.ns) &&
                                                 istio::proxy::hostsIntersect(
                                                     istio::hostPart(qualified), host);
                                      }));
        return out;
    }
    const auto named = serverHostsByName.constFind({&g, host.isLower() ? host : host.toLower()});
    if (named != serverHostsByName.cend())
        for (const ServerHost &h : *named)
            if (namespaceAdmits(h.ns, vsNs, g.ns))
                out.setBit(h.server);
    const auto scanned = serverHostsScanned.constFind(&g);
    if (scanned != serverHostsScanned.cend())
        for (const ServerHost &h : *scanned)
            if (!out.testBit(h.server) && namespaceAdmits(h.ns, vsNs, g.ns) &&
                istio::proxy::hostsIntersect(h.host, host))
                out.setBit(h.server);
    return out;
}

int RoutedPorts::slot(const QString &host, int port, int sources) {
    const QPair<QString, int> key(host, port);
    if (const auto it = m_slots.constFind(key); it != m_slots.cend())
        return *it;
    m_slots.insert(key, int(m_sources.size()));
    m_sources.append(QBitArray(sources));
    return int(m_sources.size() - 1);
}

} // namespace egret::flow

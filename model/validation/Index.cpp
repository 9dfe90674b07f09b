#include "model/validation/Index.h"

#include "model/validation/Hosts.h"

#include "model/istio/Ambient.h"
#include "model/istio/GatewayApiRefs.h"

#include <QStringBuilder>

#include <algorithm>

namespace egret::validation {

DepKey depKey(Table table, const QString &key) {
    return DepKey(qHash(key, size_t(0x9E3779B97F4A7C15ull))) ^ (DepKey(table) << 56);
}

EntryView Index::entries(Table table, const QString &key) const {
    const auto &t = m_tables[size_t(table)];
    const auto it = t.constFind(key);
    return it == t.cend() ? EntryView() : EntryView(it->constData(), it->size());
}

void Index::clear() {
    for (auto &t : m_tables)
        t.clear();
    m_gatewayHosts.clear();
    m_deployed.clear();
}

const GatewayHosts *Index::gatewayHosts(const Resource &gateway) const {
    return m_gatewayHosts.value(&gateway).get();
}

bool membershipOnly(Table table) {
    return table == Table::AnyWorkload || table == Table::WorkloadsByNs;
}

QVector<DepKey> Changes::keys() const {
    QVector<DepKey> out = touched;
    QHash<QPair<DepKey, ResourceId>, int> net;
    for (const Membership &m : membership)
        net[qMakePair(m.key, m.id)] += m.delta;
    for (auto it = net.cbegin(); it != net.cend(); ++it)
        if (it.value() != 0)
            out << it.key().first;
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

void Index::put(Table table, const QString &key, const Resource &r, int delta) {
    if (m_changes) {
        if (membershipOnly(table))
            m_changes->membership.append({depKey(table, key), r.id, delta});
        else
            m_changes->touched.append(depKey(table, key));
    }
    auto &t = m_tables[size_t(table)];
    Entries &list = t[key];
    const auto pos =
        std::lower_bound(list.begin(), list.end(), r.id,
                         [](const Entry &e, const ResourceId &id) { return e.resource->id < id; });
    if (pos != list.end() && pos->resource->id == r.id) {
        pos->count += delta;
        pos->resource = &r; // the latest snapshot of the resource
        if (pos->count <= 0)
            list.erase(pos);
    } else if (delta > 0) {
        list.insert(pos, Entry{&r, delta});
    }
    if (list.isEmpty())
        t.remove(key);
}

namespace {

QString join(const QString &a, const QString &b) {
    return a % kSep % b;
}
QString join(const QString &a, const QString &b, const QString &c) {
    return a % kSep % b % kSep % c;
}
QString label(const QString &k, const QString &v) {
    return k % QLatin1Char('=') % v;
}
bool meshBound(const VirtualService &vs) {
    return istio::meshBound(vs.gateways);
}
bool gatewayBound(const VirtualService &vs) {
    for (const QString &g : vs.gateways)
        if (!isMeshGateway(g))
            return true;
    return false;
}

} // namespace

void Index::apply(const Resource &r, int delta, Changes *changes) {
    m_changes = changes;
    const QString &ns = r.ns;
    const QString &name = r.meta.name;
    auto put = [&](Table t, const QString &key) { this->put(t, key, r, delta); };

    if (const auto *se = r.as<ServiceEntry>()) {
        const QStringList scopes = exportScopes(se->exportTo, ns);
        for (const QString &h : se->hosts) {
            const QString f = fqdn(h, ns);
            for (const QString &s : scopes) {
                put(Table::HostExact, join(s, f));
                if (h.startsWith(QLatin1Char('*')))
                    put(Table::HostWildcard, s);
            }
            for (const ServicePort &p : se->ports)
                put(Table::SeByHostPort, join(h, QString::number(p.number.value_or(0))));
        }
        put(Table::SeByName, join(ns, name));
    } else if (const auto *svc = r.as<Service>()) {
        const QString f = istio::serviceFqdn(name, ns);
        const QStringList exportTo =
            serviceExportTo(r.meta.annotations.value(istio::kServiceExportToAnnotation));
        for (const QString &s : exportScopes(exportTo, ns))
            put(Table::HostExact, join(s, f));
        put(Table::ServicesByNs, ns);
        put(Table::ServiceByName, join(ns, name));
        Q_UNUSED(svc);
    } else if (const auto *w = r.as<Workload>()) {
        put(Table::Workloads, QString());
        put(Table::AnyWorkload, QString());
        put(Table::WorkloadsByNs, ns);
        for (auto it = w->podLabels.cbegin(); it != w->podLabels.cend(); ++it)
            put(Table::WorkloadsByLabel, label(it.key(), it.value()));
    } else if (const auto *gw = r.as<Gateway>()) {
        if (delta > 0)
            m_gatewayHosts.insert(&r, std::make_shared<const GatewayHosts>(r));
        else
            m_gatewayHosts.remove(&r);
        put(Table::GatewayByName, join(ns, name));
        for (auto it = gw->selector.cbegin(); it != gw->selector.cend(); ++it)
            put(Table::GatewaysBySelectorLabel, label(it.key(), it.value()));
        if (gw->selector.isEmpty())
            put(Table::GatewaysSelectingAll, QString());
        if (!gw->servers.isEmpty())
            put(Table::GatewaysWithServers, QString());
        // Istio indexes only the last server of a Gateway on each port.
        QHash<qint64, int> lastOnPort;
        for (int i = 0; i < gw->servers.size(); ++i)
            lastOnPort[gw->servers[i].port.number.value_or(0)] = i;
        for (auto it = lastOnPort.cbegin(); it != lastOnPort.cend(); ++it) {
            const Server &s = gw->servers[it.value()];
            for (const QString &h : s.hosts)
                put(Table::GatewayServerBuckets, join(QString::number(it.key()), s.bind, h));
        }
        for (const Server &s : gw->servers) {
            if (s.tls) {
                if (!s.tls->credentialName.isEmpty())
                    put(Table::GatewayCredential, s.tls->credentialName);
                else if (!s.tls->serverCertificate.isEmpty() && !s.tls->privateKey.isEmpty())
                    put(Table::GatewayCertificatePair,
                        join(s.tls->serverCertificate, s.tls->privateKey));
            }
            for (const QString &h : s.hosts) {
                const QString host = istio::hostPart(h);
                put(Table::GatewaysByServerHost, host);
                if (host.startsWith(QLatin1Char('*')))
                    put(Table::GatewaysWildcardHost, QString());
            }
        }
    } else if (const auto *dr = r.as<DestinationRule>()) {
        const ServiceName sn = serviceNameOf(dr->host, ns);
        const QString f = fqdn(dr->host, ns);
        put(Table::DrByFqdn, f);
        for (const Subset &s : dr->subsets) {
            put(Table::DrSubsetByServiceName, join(sn.ns, sn.name, s.name));
            put(Table::DrSubsetByFqdn, join(f, s.name));
        }
    } else if (const auto *vs = r.as<VirtualService>()) {
        if (meshBound(*vs)) {
            put(Table::MeshVsAll, QString());
            for (const QString &s : exportScopes(vs->exportTo, ns))
                for (const QString &h : vs->hosts)
                    put(Table::MeshVsBucket, join(s, fqdn(h, ns)));
            for (const QString &h : vs->hosts) {
                put(Table::MeshVsByFqdn, fqdn(h, ns));
                if (h.startsWith(QLatin1Char('*')))
                    put(Table::MeshVsWildcard, QString());
            }
        }
        if (gatewayBound(*vs)) {
            for (const QString &h : vs->hosts) {
                put(Table::GatewayRoutesByHost, fqdn(h, ns));
                if (h.startsWith(QLatin1Char('*')))
                    put(Table::GatewayRoutesWildcard, QString());
            }
        }
        for (const HttpRoute &route : vs->http) {
            for (const RouteDestination &d : route.route) {
                if (!d.destination.subset.isEmpty() && vs->hosts.contains(d.destination.host))
                    put(Table::VsSubsetRecords, d.destination.host);
                if (d.hasDestination)
                    put(Table::HttpDestinations, fqdn(d.destination.host, ns));
            }
        }
    } else if (r.as<Sidecar>()) {
        put(Table::SidecarsByNs, ns);
    } else if (r.as<Secret>()) {
        put(Table::SecretByName, join(ns, name));
    } else if (r.as<RequestAuthentication>()) {
        put(Table::RequestAuthByNs, ns);
    } else if (r.as<KubernetesGateway>()) {
        put(Table::KubeGatewayByName, join(ns, name));
        if (istio::isWaypoint(r))
            put(Table::WaypointsByName, name);
        applyDeployed(r, delta);
    } else if (const auto *route = r.as<GatewayRoute>()) {
        for (const ObjectRef &parent : route->parentRefs) {
            if (istio::refersToGateway(parent))
                put(Table::RoutesByGatewayParent,
                    join(istio::refNamespace(parent, ns), parent.name));
            else if (istio::refersToServiceEntry(parent) || istio::refersToService(parent))
                put(Table::RoutesByServiceParent,
                    join(istio::refNamespace(parent, ns), parent.name));
        }
        if (r.kind == Kind::HttpRoute || r.kind == Kind::GrpcRoute)
            for (const GatewayRouteRule &rule : route->rules)
                for (const ObjectRef &b : rule.backendRefs)
                    if (const QString host = istio::backendHost(b, ns); !host.isEmpty())
                        put(Table::HttpDestinations, host);
    } else if (r.as<ReferenceGrant>()) {
        put(Table::ReferenceGrantsByNs, ns);
    } else if (r.kind == Kind::Node) {
        put(Table::NodeByName, name);
    } else if (r.kind == Kind::Namespace) {
        put(Table::NamespaceByName, name);
        if (istio::isAmbientNamespace(r.meta.labels))
            put(Table::AmbientNamespaces, QString());
    }
    m_changes = nullptr;
}

// Istio deploys a Gateway API Gateway as a Deployment and a Service: the cluster has them as
// soon as the Gateway exists, so they are filed (and unfiled) with it.
void Index::applyDeployed(const Resource &gateway, int delta) {
    std::shared_ptr<const QVector<Resource>> deployed;
    if (delta > 0) {
        deployed =
            std::make_shared<const QVector<Resource>>(istio::deployedGatewayResources(gateway));
        m_deployed.insert(&gateway, deployed);
    } else {
        deployed = m_deployed.take(&gateway);
    }
    // apply() clears m_changes when it returns: keep it for every resource of the list.
    Changes *changes = m_changes;
    if (deployed)
        for (const Resource &r : *deployed)
            apply(r, delta, changes);
}

QVector<Kind> tableKinds(Table table) {
    switch (table) {
    case Table::HostExact:
        return {Kind::ServiceEntry, Kind::Service};
    case Table::HostWildcard:
    case Table::SeByHostPort:
    case Table::SeByName:
        return {Kind::ServiceEntry};
    case Table::Workloads:
    case Table::AnyWorkload:
    case Table::WorkloadsByLabel:
    case Table::WorkloadsByNs:
        return {Kind::Pod};
    case Table::ServicesByNs:
    case Table::ServiceByName:
        return {Kind::Service};
    case Table::NodeByName:
        return {Kind::Node};
    case Table::NamespaceByName:
        return {Kind::Namespace};
    case Table::SecretByName:
        return {Kind::Secret};
    case Table::RequestAuthByNs:
        return {Kind::RequestAuthentication};
    case Table::GatewayByName:
    case Table::GatewaysBySelectorLabel:
    case Table::GatewaysSelectingAll:
    case Table::GatewaysWithServers:
    case Table::GatewayServerBuckets:
    case Table::GatewayCredential:
    case Table::GatewayCertificatePair:
    case Table::GatewaysByServerHost:
    case Table::GatewaysWildcardHost:
        return {Kind::Gateway};
    case Table::KubeGatewayByName:
    case Table::WaypointsByName:
        return {Kind::KubernetesGateway};
    case Table::AmbientNamespaces:
        return {Kind::Namespace};
    case Table::DrSubsetByServiceName:
    case Table::DrSubsetByFqdn:
    case Table::DrByFqdn:
        return {Kind::DestinationRule};
    case Table::MeshVsBucket:
    case Table::MeshVsByFqdn:
    case Table::MeshVsWildcard:
    case Table::MeshVsAll:
    case Table::VsSubsetRecords:
    case Table::GatewayRoutesByHost:
    case Table::GatewayRoutesWildcard:
        return {Kind::VirtualService};
    case Table::HttpDestinations:
        return {Kind::VirtualService, Kind::HttpRoute, Kind::GrpcRoute};
    case Table::RoutesByGatewayParent:
    case Table::RoutesByServiceParent:
        return {Kind::HttpRoute, Kind::GrpcRoute, Kind::TlsRoute, Kind::TcpRoute};
    case Table::ReferenceGrantsByNs:
        return {Kind::ReferenceGrant};
    case Table::SidecarsByNs:
        return {Kind::Sidecar};
    case Table::Count:
        break;
    }
    return {};
}

} // namespace egret::validation

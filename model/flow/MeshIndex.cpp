#include "model/flow/MeshIndex.h"

#include "model/istio/GatewayApiTranslation.h"
#include "model/istio/Hosts.h"
#include "model/mesh/Installation.h"
#include "model/workspace/Workspace.h"

namespace egret::flow {

MeshIndex::MeshIndex(const Workspace &ws, const MeshConfig &mesh)
    : m_installation(resolveInstallation(ws, mesh))
    , m_mesh(m_installation.mesh)
    , m_defaultNs(ws.parseOptions().defaultNamespace) {
    QVector<const Resource *> gatewayApiInputs;
    QVector<const Resource *> ambientInputs;
    ws.forEachResource([&](const Resource &r) {
        if (!r.wellFormed)
            return;
        add(r);
        if (r.kind == Kind::Namespace || r.kind == Kind::KubernetesGateway ||
            r.kind == Kind::AuthorizationPolicy || isWorkloadKind(r.kind) ||
            isGatewayApiRoute(r.kind))
            ambientInputs.append(&r);
        if (isGatewayApiKind(r.kind) || r.kind == Kind::ServiceEntry || r.kind == Kind::Namespace)
            gatewayApiInputs.append(&r);
    });
    // After the user's own resources, as istiod converts them. BackendTLSPolicies become rules
    // filed apart (backendTlsPolicies()): they fill what the user's DestinationRules leave unset.
    m_translation = istio::GatewayApiTranslation(gatewayApiInputs);
    m_ambient = istio::AmbientMesh(ambientInputs);
    for (const Resource &r : m_translation.resources())
        add(r);
    for (Resource &r : gatewayResources(m_installation)) {
        m_assumed.push_back(std::move(r));
        add(m_assumed.back());
    }
}

void MeshIndex::add(const Resource &r) {
    switch (r.kind) {
    case Kind::Deployment:
    case Kind::StatefulSet:
    case Kind::DaemonSet:
    case Kind::Pod:
        if (r.as<Workload>())
            m_workloads.append(&r);
        break;
    case Kind::Service:
        if (r.as<Service>()) {
            m_services.append(&r);
            m_serviceByFqdn.insert(istio::serviceFqdn(r.meta.name, r.ns), &r);
        }
        break;
    case Kind::Namespace:
        m_namespaces.append(&r);
        break;
    case Kind::Gateway:
        if (r.as<Gateway>()) {
            m_gateways.append(&r);
            m_gatewayByKey.insert(r.ns + QLatin1Char('/') + r.meta.name, &r);
        }
        break;
    case Kind::ServiceEntry:
        if (const ServiceEntry *se = r.as<ServiceEntry>()) {
            m_serviceEntries.append(&r);
            for (int i = 0; i < se->hosts.size(); ++i) {
                const QString &h = se->hosts.at(i);
                const DeclaredHost d{&r, i};
                if (h == QLatin1String("*"))
                    m_declaredAll.append(d);
                else if (istio::isWildcardHost(h))
                    m_declaredWildcard[h.mid(2).toLower()].append(d);
                else
                    m_declaredExact[h.toLower()].append(d);
            }
        }
        break;
    case Kind::VirtualService:
        if (r.as<VirtualService>())
            m_virtualServices.append(&r);
        break;
    case Kind::DestinationRule:
        if (const DestinationRule *dr = r.as<DestinationRule>()) {
            m_destinationRules.append(&r);
            const QString host = istio::proxy::resolveHost(dr->host, r.ns);
            m_ruleHost.insert(&r, host);
            if (r.translatedFrom == Kind::BackendTlsPolicy)
                m_backendPoliciesByHost[host.toLower()].append(&r);
            else if (istio::isWildcardHost(host))
                m_wildcardRules.append(&r);
            else
                m_rulesByHost[host.toLower()].append(&r);
        }
        break;
    case Kind::Sidecar:
        if (r.as<Sidecar>())
            m_sidecars.append(&r);
        break;
    default:
        break;
    }
}

namespace {

// Keys are lower case; most names already are, and need no copy.
QString lowered(const QString &host) {
    return host.isLower() ? host : host.toLower();
}

} // namespace

QVector<DeclaredHost> MeshIndex::declarations(const QString &host) const {
    const QString h = lowered(host);
    QVector<DeclaredHost> out = m_declaredExact.value(h);
    if (istio::isWildcardHost(h)) {
        // A wildcard is declared by the same wildcard or a wider one.
        out += m_declaredWildcard.value(h.mid(2));
    }
    // Walk up the suffixes: a.b.example.com is declared by *.b.example.com and *.example.com.
    QString rest = istio::isWildcardHost(h) ? h.mid(2) : h;
    for (int dot = int(rest.indexOf(QLatin1Char('.'))); dot >= 0;
         dot = int(rest.indexOf(QLatin1Char('.')))) {
        rest = rest.mid(dot + 1);
        out += m_declaredWildcard.value(rest);
    }
    out += m_declaredAll;
    return out;
}

QVector<DeclaredHost> MeshIndex::declaredUnder(const QString &pattern) const {
    if (!istio::isWildcardHost(pattern))
        return m_declaredExact.value(lowered(pattern));
    QVector<DeclaredHost> out;
    for (const Resource *r : m_serviceEntries) {
        const ServiceEntry *se = r->as<ServiceEntry>();
        for (int i = 0; i < se->hosts.size(); ++i)
            if (istio::proxy::hostCovers(pattern, se->hosts.at(i)))
                out.append({r, i});
    }
    return out;
}

const Resource *MeshIndex::service(const QString &fqdn) const {
    return m_serviceByFqdn.value(fqdn, nullptr);
}

const Resource *MeshIndex::gateway(const QString &nsSlashName) const {
    return m_gatewayByKey.value(nsSlashName, nullptr);
}

const QVector<const Resource *> &MeshIndex::rulesForHost(const QString &host) const {
    static const QVector<const Resource *> none;
    const auto it = m_rulesByHost.constFind(lowered(host));
    return it == m_rulesByHost.cend() ? none : *it;
}

const QVector<const Resource *> &MeshIndex::backendTlsPolicies(const QString &host) const {
    static const QVector<const Resource *> none;
    const auto it = m_backendPoliciesByHost.constFind(lowered(host));
    return it == m_backendPoliciesByHost.cend() ? none : *it;
}

const QString &MeshIndex::ruleHost(const Resource *dr) const {
    static const QString none;
    const auto it = m_ruleHost.constFind(dr);
    return it == m_ruleHost.cend() ? none : *it;
}

} // namespace egret::flow

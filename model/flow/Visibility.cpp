#include "model/flow/Visibility.h"

#include "model/flow/HostNames.h"
#include "model/flow/MeshIndex.h"

namespace egret::flow {

bool exportedTo(const QStringList &exportTo, const QString &resourceNs, const QString &proxyNs) {
    if (exportTo.isEmpty())
        return true;
    for (const QString &e : exportTo) {
        if (e == QLatin1String("*") || e == proxyNs)
            return true;
        if (e == QLatin1String(".") && resourceNs == proxyNs)
            return true;
    }
    return false;
}

bool resourceVisible(const Resource &r, const QString &proxyNs) {
    if (const ServiceEntry *se = r.as<ServiceEntry>())
        return exportedTo(se->exportTo, r.ns, proxyNs);
    if (const VirtualService *vs = r.as<VirtualService>())
        return exportedTo(vs->exportTo, r.ns, proxyNs);
    if (const DestinationRule *dr = r.as<DestinationRule>())
        return exportedTo(dr->exportTo, r.ns, proxyNs);
    if (r.as<Service>()) {
        const QString annotation =
            r.meta.annotations.value(QStringLiteral("networking.istio.io/exportTo"));
        if (annotation.isEmpty())
            return true;
        QStringList list;
        for (const QString &part : annotation.split(QLatin1Char(',')))
            list << part.trimmed();
        return exportedTo(list, r.ns, proxyNs);
    }
    return true;
}

SidecarScope SidecarScope::forProxy(const MeshIndex &index, const QString &ns,
                                    const Labels *labels) {
    SidecarScope scope;
    scope.m_proxyNs = ns;
    const Resource *nsWide = nullptr;
    const Resource *rootWide = nullptr;
    for (const Resource *r : index.sidecars()) {
        const Sidecar *s = r->as<Sidecar>();
        if (r->ns == ns && s->workloadSelector) {
            if (labels && selectorMatches(*s->workloadSelector, *labels)) {
                scope.m_sidecar = r;
                scope.splitEgressHosts();
                return scope;
            }
        } else if (r->ns == ns && !nsWide) {
            nsWide = r;
        } else if (r->ns == index.mesh().rootNamespace && !s->workloadSelector && !rootWide) {
            rootWide = r;
        }
    }
    scope.m_sidecar = nsWide ? nsWide : rootWide;
    scope.splitEgressHosts();
    return scope;
}

void SidecarScope::splitEgressHosts() {
    m_allHosts = !m_sidecar || m_sidecar->as<Sidecar>()->egress.isEmpty();
    if (m_allHosts)
        return;
    for (const EgressListener &l : m_sidecar->as<Sidecar>()->egress)
        for (const QString &entry : l.hosts)
            m_egressHosts.append({namespacePart(entry), hostPart(entry)});
}

bool SidecarScope::seesListedHost(const QString &configNs, const QString &host) const {
    for (const auto &[ns, egressHost] : m_egressHosts) {
        const bool nsOk = ns == QLatin1String("*") || ns == configNs ||
                          (ns == QLatin1String(".") && configNs == m_proxyNs);
        if (nsOk && hostsIntersect(egressHost, host))
            return true;
    }
    return false;
}

bool SidecarScope::registryOnly(bool meshRegistryOnly) const {
    if (m_sidecar) {
        const QString mode = m_sidecar->as<Sidecar>()->outboundTrafficPolicyMode;
        if (!mode.isEmpty())
            return mode == QLatin1String("REGISTRY_ONLY");
    }
    return meshRegistryOnly;
}

} // namespace egret::flow

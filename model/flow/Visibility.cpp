#include "model/flow/Visibility.h"

#include "model/flow/MeshIndex.h"
#include "model/istio/Hosts.h"
#include "model/istio/Visibility.h"

namespace egret::flow {

using istio::exportedTo;

bool resourceVisible(const Resource &r, const QString &proxyNs) {
    if (const ServiceEntry *se = r.as<ServiceEntry>())
        return exportedTo(se->exportTo, r.ns, proxyNs);
    if (const VirtualService *vs = r.as<VirtualService>())
        return exportedTo(vs->exportTo, r.ns, proxyNs);
    if (const DestinationRule *dr = r.as<DestinationRule>())
        return exportedTo(dr->exportTo, r.ns, proxyNs);
    if (r.as<Service>()) {
        const QString annotation = r.meta.annotations.value(istio::kServiceExportToAnnotation);
        if (annotation.isEmpty())
            return true;
        // As Istio's Service controller: blank entries kept (they name no namespace).
        return exportedTo(istio::serviceExportTo(annotation, Qt::KeepEmptyParts), r.ns, proxyNs);
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
            m_egressHosts.append({istio::namespacePart(entry), istio::hostPart(entry)});
}

bool SidecarScope::seesListedHost(const QString &configNs, const QString &host) const {
    for (const auto &[ns, egressHost] : m_egressHosts) {
        if (istio::namespacePartAdmits(ns, configNs, m_proxyNs) &&
            istio::proxy::hostsIntersect(egressHost, host))
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

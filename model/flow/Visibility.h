#pragma once

#include "model/resources/Resource.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace egret::flow {

class MeshIndex;

// Whether a proxy in `proxyNs` sees a resource, by kind: its spec's exportTo or, for a Service,
// its annotation (istio/Visibility.h reads both).
bool resourceVisible(const Resource &r, const QString &proxyNs);

// The Sidecar resource that scopes a proxy, and what it lets the proxy see.
class SidecarScope {
public:
    SidecarScope() = default;
    // The Sidecar of a workload: one in its namespace selecting it, else the namespace's
    // selector-less one, else the root namespace's. `labels` null: a proxy of unknown labels.
    static SidecarScope forProxy(const MeshIndex &index, const QString &ns, const Labels *labels);

    const Resource *sidecar() const { return m_sidecar; }
    // Whether a host declared or routed by a resource in `configNs` is in the egress hosts.
    bool seesHost(const QString &configNs, const QString &host) const {
        return m_allHosts || seesListedHost(configNs, host);
    }
    // The outbound traffic policy: the Sidecar's, else the mesh's.
    bool registryOnly(bool meshRegistryOnly) const;

private:
    void splitEgressHosts();
    bool seesListedHost(const QString &configNs, const QString &host) const;

    const Resource *m_sidecar = nullptr;
    QString m_proxyNs;
    // The Sidecar's egress hosts, split once: asked per route and per declared host.
    QVector<QPair<QString, QString>> m_egressHosts; // namespace part, host part
    bool m_allHosts = true;                         // no Sidecar, or one without egress
};

} // namespace egret::flow

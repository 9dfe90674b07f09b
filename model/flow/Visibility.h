#pragma once

#include "model/resources/Resource.h"

#include <QString>
#include <QStringList>

namespace egret::flow {

class MeshIndex;

// Whether a proxy in `proxyNs` sees a resource of `resourceNs` exported to `exportTo` ("." its
// own namespace, "*" everyone, "~" no one, else namespace names; empty means everyone).
bool exportedTo(const QStringList &exportTo, const QString &resourceNs, const QString &proxyNs);
bool resourceVisible(const Resource &r, const QString &proxyNs); // by kind: spec or annotation

// The Sidecar resource that scopes a proxy, and what it lets the proxy see.
class SidecarScope {
public:
    SidecarScope() = default;
    // The Sidecar of a workload: one in its namespace selecting it, else the namespace's
    // selector-less one, else the root namespace's. `labels` null: a proxy of unknown labels.
    static SidecarScope forProxy(const MeshIndex &index, const QString &ns, const Labels *labels);

    const Resource *sidecar() const { return m_sidecar; }
    // Whether a host declared or routed by a resource in `configNs` is in the egress hosts.
    bool seesHost(const QString &configNs, const QString &host) const;
    // The outbound traffic policy: the Sidecar's, else the mesh's.
    bool registryOnly(bool meshRegistryOnly) const;

private:
    const Resource *m_sidecar = nullptr;
    QString m_proxyNs;
};

} // namespace egret::flow

#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace egret::istio {

// A VirtualService `gateways` entry, read once: "mesh" (the sidecars), "name" of a Gateway in
// the VirtualService's namespace, or "ns/name". The flows, the recipes and the validator all
// key a binding as "mesh" or "ns/name".

inline const QString kMeshGateway = QStringLiteral("mesh");
inline bool isMeshGateway(QStringView ref) {
    return ref == QLatin1String("mesh");
}

// The Gateway an entry other than "mesh" names ("ns/name" references such as a Gateway's
// credentialName read the same way).
struct GatewayRef {
    QString ns;
    QString name;
    QString key() const { return ns + QLatin1Char('/') + name; }
};
GatewayRef parseGatewayRef(const QString &ref, const QString &ownNamespace);

// The same parts as views into the arguments, for hot loops that build their own keys.
struct GatewayRefView {
    QStringView ns;
    QStringView name;
};
GatewayRefView splitGatewayRef(QStringView ref, QStringView ownNamespace);

// The binding an entry makes: "mesh", or the Gateway as "ns/name" ("ns/name" is returned as
// written, without a copy).
QString gatewayKey(const QString &ref, const QString &ownNamespace);

// Whether an entry written in a VirtualService of `ownNamespace` names `key` ("mesh" or
// "ns/name"), without building the entry's key.
bool refersTo(const QString &ref, const QString &ownNamespace, const QString &key);

// Whether a VirtualService with these `gateways` applies at the sidecars: none means the mesh.
bool meshBound(const QStringList &vsGateways);
// Whether a match bound to `matchGateways` reaches the sidecars: its own list when it has one,
// else the VirtualService's, where an empty list means the mesh alone.
bool boundToMesh(const QStringList &matchGateways, const QStringList &vsGateways);

} // namespace egret::istio

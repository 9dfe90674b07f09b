#include "model/istio/GatewayRef.h"

namespace egret::istio {

GatewayRef parseGatewayRef(const QString &ref, const QString &ownNamespace) {
    const int slash = int(ref.indexOf(QLatin1Char('/')));
    if (slash < 0)
        return {ownNamespace, ref};
    return {ref.left(slash), ref.mid(slash + 1)};
}

GatewayRefView splitGatewayRef(QStringView ref, QStringView ownNamespace) {
    const qsizetype slash = ref.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return {ownNamespace, ref};
    return {ref.left(slash), ref.mid(slash + 1)};
}

QString gatewayKey(const QString &ref, const QString &ownNamespace) {
    if (isMeshGateway(ref) || ref.contains(QLatin1Char('/')))
        return ref;
    return ownNamespace + QLatin1Char('/') + ref;
}

bool refersTo(const QString &ref, const QString &ownNamespace, const QString &key) {
    if (isMeshGateway(ref) || ref.contains(QLatin1Char('/')))
        return ref == key;
    // "name" in the VirtualService's namespace: compare with "ns/name" without building it.
    return key.size() == ownNamespace.size() + 1 + ref.size() && key.startsWith(ownNamespace) &&
           key.at(ownNamespace.size()) == QLatin1Char('/') && key.endsWith(ref);
}

bool meshBound(const QStringList &vsGateways) {
    return vsGateways.isEmpty() || vsGateways.contains(kMeshGateway);
}

bool boundToMesh(const QStringList &matchGateways, const QStringList &vsGateways) {
    if (!matchGateways.isEmpty())
        return matchGateways.contains(kMeshGateway);
    return meshBound(vsGateways);
}

} // namespace egret::istio

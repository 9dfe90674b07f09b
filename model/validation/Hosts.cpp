#include "model/validation/Hosts.h"

namespace egret::validation {

QString gatewayNameKey(const QString &ref, const QString &ownNamespace) {
    const istio::GatewayRefView parts = istio::splitGatewayRef(ref, ownNamespace);
    QString key;
    key.reserve(parts.ns.size() + 1 + parts.name.size());
    key.append(parts.ns).append(kSep).append(parts.name);
    return key;
}

} // namespace egret::validation

#include "model/core/Kind.h"

namespace egret {

QString apiGroup(const QString &apiVersion) {
    const int slash = apiVersion.indexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : apiVersion.left(slash);
}

static bool isIstioVersion(const QString &apiVersion, const char *group) {
    const QString g = QLatin1String(group);
    return apiVersion == g + QStringLiteral("/v1") ||
           apiVersion == g + QStringLiteral("/v1beta1") ||
           apiVersion == g + QStringLiteral("/v1alpha3");
}

Kind kindFromTypeMeta(const QString &apiVersion, const QString &kind) {
    if (isIstioVersion(apiVersion, "networking.istio.io")) {
        if (kind == QLatin1String("Gateway"))
            return Kind::Gateway;
        if (kind == QLatin1String("ServiceEntry"))
            return Kind::ServiceEntry;
        if (kind == QLatin1String("VirtualService"))
            return Kind::VirtualService;
        if (kind == QLatin1String("DestinationRule"))
            return Kind::DestinationRule;
        if (kind == QLatin1String("Sidecar"))
            return Kind::Sidecar;
        return Kind::Unknown;
    }
    if (apiGroup(apiVersion) == QLatin1String("security.istio.io") &&
        kind == QLatin1String("RequestAuthentication"))
        return Kind::RequestAuthentication;
    if (apiGroup(apiVersion) == QLatin1String("gateway.networking.k8s.io") &&
        kind == QLatin1String("Gateway"))
        return Kind::KubernetesGateway;
    if (apiVersion == QLatin1String("apps/v1")) {
        if (kind == QLatin1String("Deployment"))
            return Kind::Deployment;
        if (kind == QLatin1String("StatefulSet"))
            return Kind::StatefulSet;
        if (kind == QLatin1String("DaemonSet"))
            return Kind::DaemonSet;
        return Kind::Unknown;
    }
    if (apiVersion == QLatin1String("v1")) {
        if (kind == QLatin1String("Pod"))
            return Kind::Pod;
        if (kind == QLatin1String("Service"))
            return Kind::Service;
        if (kind == QLatin1String("Namespace"))
            return Kind::Namespace;
        if (kind == QLatin1String("Secret"))
            return Kind::Secret;
        if (kind == QLatin1String("Node"))
            return Kind::Node;
    }
    return Kind::Unknown;
}

QString kindName(Kind k) {
    switch (k) {
    case Kind::Unknown:
        return QStringLiteral("Unknown");
    case Kind::Gateway:
        return QStringLiteral("Gateway");
    case Kind::ServiceEntry:
        return QStringLiteral("ServiceEntry");
    case Kind::VirtualService:
        return QStringLiteral("VirtualService");
    case Kind::DestinationRule:
        return QStringLiteral("DestinationRule");
    case Kind::Sidecar:
        return QStringLiteral("Sidecar");
    case Kind::Deployment:
        return QStringLiteral("Deployment");
    case Kind::StatefulSet:
        return QStringLiteral("StatefulSet");
    case Kind::DaemonSet:
        return QStringLiteral("DaemonSet");
    case Kind::Pod:
        return QStringLiteral("Pod");
    case Kind::Service:
        return QStringLiteral("Service");
    case Kind::Namespace:
        return QStringLiteral("Namespace");
    case Kind::Secret:
        return QStringLiteral("Secret");
    case Kind::Node:
        return QStringLiteral("Node");
    case Kind::RequestAuthentication:
        return QStringLiteral("RequestAuthentication");
    case Kind::KubernetesGateway:
        return QStringLiteral("Gateway");
    }
    return {};
}

bool isIstioNetworkingKind(Kind k) {
    return k == Kind::Gateway || k == Kind::ServiceEntry || k == Kind::VirtualService ||
           k == Kind::DestinationRule || k == Kind::Sidecar;
}

bool isWorkloadKind(Kind k) {
    return k == Kind::Deployment || k == Kind::StatefulSet || k == Kind::DaemonSet ||
           k == Kind::Pod;
}

bool isClusterScoped(Kind k) {
    return k == Kind::Namespace || k == Kind::Node;
}

} // namespace egret

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
    if (apiGroup(apiVersion) == QLatin1String("security.istio.io") &&
        kind == QLatin1String("AuthorizationPolicy"))
        return Kind::AuthorizationPolicy;
    if (apiGroup(apiVersion) == QLatin1String("gateway.networking.k8s.io")) {
        const QString version = apiVersion.mid(apiVersion.indexOf(QLatin1Char('/')) + 1);
        if (!gatewayApiVersions(kind).contains(version))
            return Kind::Unknown;
        if (kind == QLatin1String("Gateway"))
            return Kind::KubernetesGateway;
        if (kind == QLatin1String("HTTPRoute"))
            return Kind::HttpRoute;
        if (kind == QLatin1String("GRPCRoute"))
            return Kind::GrpcRoute;
        if (kind == QLatin1String("TLSRoute"))
            return Kind::TlsRoute;
        if (kind == QLatin1String("TCPRoute"))
            return Kind::TcpRoute;
        if (kind == QLatin1String("ReferenceGrant"))
            return Kind::ReferenceGrant;
        if (kind == QLatin1String("BackendTLSPolicy"))
            return Kind::BackendTlsPolicy;
        return Kind::Unknown;
    }
    if (apiVersion == QLatin1String("install.istio.io/v1alpha1") &&
        kind == QLatin1String("IstioOperator"))
        return Kind::IstioOperator;
    if (apiVersion == QLatin1String("maistra.io/v2") &&
        kind == QLatin1String("ServiceMeshControlPlane"))
        return Kind::ServiceMeshControlPlane;
    if (apiVersion == QLatin1String("maistra.io/v1") &&
        kind == QLatin1String("ServiceMeshMemberRoll"))
        return Kind::ServiceMeshMemberRoll;
    if (apiGroup(apiVersion) == QLatin1String("sailoperator.io") && kind == QLatin1String("Istio"))
        return Kind::SailIstio;
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
    case Kind::HttpRoute:
        return QStringLiteral("HTTPRoute");
    case Kind::GrpcRoute:
        return QStringLiteral("GRPCRoute");
    case Kind::TlsRoute:
        return QStringLiteral("TLSRoute");
    case Kind::TcpRoute:
        return QStringLiteral("TCPRoute");
    case Kind::ReferenceGrant:
        return QStringLiteral("ReferenceGrant");
    case Kind::BackendTlsPolicy:
        return QStringLiteral("BackendTLSPolicy");
    case Kind::IstioOperator:
        return QStringLiteral("IstioOperator");
    case Kind::ServiceMeshControlPlane:
        return QStringLiteral("ServiceMeshControlPlane");
    case Kind::ServiceMeshMemberRoll:
        return QStringLiteral("ServiceMeshMemberRoll");
    case Kind::SailIstio:
        return QStringLiteral("Istio");
    case Kind::AuthorizationPolicy:
        return QStringLiteral("AuthorizationPolicy");
    }
    return {};
}

QString kindLabel(Kind k, const QString &written) {
    return k == Kind::KubernetesGateway ? QStringLiteral("Gateway (Gateway API)") : written;
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

bool isGatewayApiKind(Kind k) {
    return k >= Kind::KubernetesGateway && k <= Kind::BackendTlsPolicy;
}

bool isGatewayApiRoute(Kind k) {
    return k == Kind::HttpRoute || k == Kind::GrpcRoute || k == Kind::TlsRoute ||
           k == Kind::TcpRoute;
}

bool isInstallationKind(Kind k) {
    return k >= Kind::IstioOperator && k <= Kind::SailIstio;
}

// Gateway API v1.1 (Istio 1.22) to v1.4 (Istio 1.28-1.30): the standard channel's v1 and the
// versions still served beside it, and the experimental channel's alpha versions.
QStringList gatewayApiVersions(const QString &kind) {
    if (kind == QLatin1String("Gateway") || kind == QLatin1String("HTTPRoute"))
        return {QStringLiteral("v1"), QStringLiteral("v1beta1")};
    if (kind == QLatin1String("GRPCRoute"))
        return {QStringLiteral("v1"), QStringLiteral("v1alpha2")};
    if (kind == QLatin1String("ReferenceGrant"))
        return {QStringLiteral("v1beta1"), QStringLiteral("v1alpha2")};
    // TLSRoute and TCPRoute at v1 as Istio's own gateway conversion tests write them (Gateway API
    // 1.5, Istio 1.30).
    if (kind == QLatin1String("TLSRoute"))
        return {QStringLiteral("v1"), QStringLiteral("v1alpha2"), QStringLiteral("v1alpha3")};
    if (kind == QLatin1String("TCPRoute"))
        return {QStringLiteral("v1"), QStringLiteral("v1alpha2")};
    if (kind == QLatin1String("BackendTLSPolicy"))
        return {QStringLiteral("v1"), QStringLiteral("v1alpha3"), QStringLiteral("v1alpha2")};
    return {};
}

// Istio serves the experimental channel only with PILOT_ENABLE_ALPHA_GATEWAY_API=true: the alpha
// versions of TCPRoute, TLSRoute (standard at v1 from Istio 1.30) and BackendTLSPolicy (standard
// at v1 from Istio 1.28).
QString gatewayApiAlphaFlag(Kind k, const QString &apiVersion) {
    const bool alpha = apiVersion.contains(QLatin1String("/v1alpha"));
    if (alpha && (k == Kind::TcpRoute || k == Kind::TlsRoute || k == Kind::BackendTlsPolicy))
        return QStringLiteral("PILOT_ENABLE_ALPHA_GATEWAY_API");
    return {};
}

} // namespace egret

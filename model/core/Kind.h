#pragma once

#include <QString>
#include <QStringList>

namespace egret {

// The kinds Egret reads into typed values. Everything else is kept as an opaque document.
enum class Kind {
    Unknown,
    // networking.istio.io
    Gateway,
    ServiceEntry,
    VirtualService,
    DestinationRule,
    Sidecar,
    // context: workloads and their services
    Deployment,
    StatefulSet,
    DaemonSet,
    Pod,
    Service,
    Namespace,
    Secret,
    Node,
    // security.istio.io, read for the JWT-claim routing check
    RequestAuthentication,
    // gateway.networking.k8s.io, the Kubernetes Gateway API: Gateway (a different kind that
    // shares the name "Gateway"), its routes, grants and TLS policy
    KubernetesGateway,
    HttpRoute,
    GrpcRoute,
    TlsRoute,
    TcpRoute,
    ReferenceGrant,
    BackendTlsPolicy,
    // The installation: where the gateways are and the mesh config (mesh/Installation)
    IstioOperator,           // install.istio.io
    ServiceMeshControlPlane, // maistra.io (OpenShift Service Mesh 2)
    ServiceMeshMemberRoll,   // maistra.io
    SailIstio,               // sailoperator.io Istio (Sail, OpenShift Service Mesh 3)
    // security.istio.io, read for what a waypoint allows or denies (ambient mode)
    AuthorizationPolicy,
};
inline constexpr int kKindCount = int(Kind::AuthorizationPolicy) + 1;

// Decides the kind from apiVersion and kind as written. Istio networking kinds are accepted in
// v1, v1beta1 and v1alpha3; Gateway API kinds in the versions Istio 1.22-1.30 serves (see
// gatewayApiVersions). An unknown version of a known kind is Unknown.
Kind kindFromTypeMeta(const QString &apiVersion, const QString &kind);

QString kindName(Kind k); // "Gateway", "Deployment", ...
// The kind as a person tells it apart: "Gateway (Gateway API)" for the Kubernetes Gateway API's
// Gateway, which shares its name with Istio's; the kind as written otherwise.
QString kindLabel(Kind k, const QString &written);
bool isIstioNetworkingKind(Kind k); // the kinds checked against Istio's schema
bool isWorkloadKind(Kind k);        // Deployment, StatefulSet, DaemonSet, Pod
bool isClusterScoped(Kind k);       // Namespace, Node
bool isGatewayApiKind(Kind k);      // gateway.networking.k8s.io
bool isGatewayApiRoute(Kind k);     // HTTPRoute, GRPCRoute, TLSRoute, TCPRoute
bool isInstallationKind(Kind k);    // IstioOperator, ServiceMeshControlPlane, ...
// The gateway.networking.k8s.io kind names Istio reads, and the versions of each it accepts.
QStringList gatewayApiVersions(const QString &kind);
// The istiod flag a Gateway API kind needs (its experimental channel), or empty.
QString gatewayApiAlphaFlag(Kind k, const QString &apiVersion);
QString apiGroup(const QString &apiVersion); // "networking.istio.io" of "networking.istio.io/v1"

} // namespace egret

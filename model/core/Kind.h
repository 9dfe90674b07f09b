#pragma once

#include <QString>

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
    // gateway.networking.k8s.io Gateway, a different kind that shares the name "Gateway"
    KubernetesGateway,
};

// Decides the kind from apiVersion and kind as written. Istio networking kinds are accepted in
// v1, v1beta1 and v1alpha3; an unknown version of a known kind is Unknown.
Kind kindFromTypeMeta(const QString &apiVersion, const QString &kind);

QString kindName(Kind k);                    // "Gateway", "Deployment", ...
bool isIstioNetworkingKind(Kind k);          // the kinds checked against Istio's schema
bool isWorkloadKind(Kind k);                 // Deployment, StatefulSet, DaemonSet, Pod
bool isClusterScoped(Kind k);                // Namespace, Node
QString apiGroup(const QString &apiVersion); // "networking.istio.io" of "networking.istio.io/v1"

} // namespace egret

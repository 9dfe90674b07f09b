#include "model/decode/Decoders.h"

namespace egret::decode {

Spec spec(Kind kind, const YAML::Node &root) {
    switch (kind) {
    case Kind::Gateway:
        return gateway(root);
    case Kind::ServiceEntry:
        return serviceEntry(root);
    case Kind::VirtualService:
        return virtualService(root);
    case Kind::DestinationRule:
        return destinationRule(root);
    case Kind::Sidecar:
        return sidecar(root);
    case Kind::Deployment:
    case Kind::StatefulSet:
    case Kind::DaemonSet:
    case Kind::Pod:
        return workload(kind, root);
    case Kind::Service:
        return service(root);
    case Kind::Secret:
        return secret(root);
    case Kind::RequestAuthentication:
        return requestAuthentication(root);
    case Kind::KubernetesGateway:
        return kubernetesGateway(root);
    case Kind::HttpRoute:
    case Kind::GrpcRoute:
    case Kind::TlsRoute:
    case Kind::TcpRoute:
        return gatewayRoute(root);
    case Kind::ReferenceGrant:
        return referenceGrant(root);
    case Kind::BackendTlsPolicy:
        return backendTlsPolicy(root);
    case Kind::IstioOperator:
        return istioOperator(root);
    case Kind::ServiceMeshControlPlane:
        return serviceMeshControlPlane(root);
    case Kind::ServiceMeshMemberRoll:
        return serviceMeshMemberRoll(root);
    case Kind::SailIstio:
        return sailIstio(root);
    case Kind::AuthorizationPolicy:
        return authorizationPolicy(root);
    case Kind::Namespace:
    case Kind::Node:
    case Kind::Unknown:
        break;
    }
    return std::monostate{};
}

} // namespace egret::decode

#include "model/schema/ResourceSchema.h"

#include "model/schema/GatewayApiSchemas.h"
#include "model/schema/IstioSchemas.h"
#include "model/webhook/Webhook.h"

#include <yaml-cpp/yaml.h>

namespace egret::schema {

namespace {

Node *document(const Node *spec) {
    return object({{"apiVersion", string()},
                   {"kind", string()},
                   {"metadata", objectMeta()},
                   {"spec", spec},
                   {"status", preserved()}},
                  {"apiVersion", "kind", "metadata"});
}

// The Gateway API's CRDs require a spec (ReferenceGrant's excepted).
Node *specRequired(const Node *spec) {
    return object({{"apiVersion", string()},
                   {"kind", string()},
                   {"metadata", objectMeta()},
                   {"spec", spec},
                   {"status", preserved()}},
                  {"apiVersion", "kind", "metadata", "spec"});
}

struct Registry {
    // Istio's kinds carry Istio's validation webhook as their document rule.
    const Node *gateway = withRule(document(gatewaySpec()), webhook::checkGateway);
    const Node *serviceEntry = withRule(document(serviceEntrySpec()), webhook::checkServiceEntry);
    const Node *virtualService =
        withRule(document(virtualServiceSpec()), webhook::checkVirtualService);
    const Node *destinationRule =
        withRule(document(destinationRuleSpec()), webhook::checkDestinationRule);
    const Node *sidecar = withRule(document(sidecarSpec()), webhook::checkSidecar);

    const Node *kubernetesGateway = specRequired(gatewayapi::gatewaySpec());
    const Node *httpRoute = specRequired(gatewayapi::httpRouteSpec());
    const Node *grpcRoute = specRequired(gatewayapi::grpcRouteSpec());
    const Node *tlsRoute = specRequired(gatewayapi::tlsRouteSpec());
    const Node *tlsRouteV1alpha2 = specRequired(gatewayapi::tlsRouteSpecV1alpha2());
    const Node *tcpRoute = specRequired(gatewayapi::tcpRouteSpec());
    const Node *referenceGrant = document(gatewayapi::referenceGrantSpec());
    const Node *backendTlsPolicy = specRequired(gatewayapi::backendTlsPolicySpec());
    const Node *backendTlsPolicyV1alpha2 = specRequired(gatewayapi::backendTlsPolicySpecV1alpha2());
};

bool isV1alpha2(const QString &apiVersion) {
    return apiVersion.endsWith(QLatin1String("/v1alpha2"));
}

} // namespace

const Node *resourceSchema(Kind kind, const QString &apiVersion) {
    // Built once, by whichever thread asks first; read-only afterwards.
    static const Registry registry;
    switch (kind) {
    case Kind::Gateway:
        return registry.gateway;
    case Kind::ServiceEntry:
        return registry.serviceEntry;
    case Kind::VirtualService:
        return registry.virtualService;
    case Kind::DestinationRule:
        return registry.destinationRule;
    case Kind::Sidecar:
        return registry.sidecar;
    // Gateway and HTTPRoute v1beta1, GRPCRoute and ReferenceGrant v1alpha2 are served with the
    // schema of the version beside them; TLSRoute and BackendTLSPolicy changed shape.
    case Kind::KubernetesGateway:
        return registry.kubernetesGateway;
    case Kind::HttpRoute:
        return registry.httpRoute;
    case Kind::GrpcRoute:
        return registry.grpcRoute;
    case Kind::TlsRoute:
        return isV1alpha2(apiVersion) ? registry.tlsRouteV1alpha2 : registry.tlsRoute;
    case Kind::TcpRoute:
        return registry.tcpRoute;
    case Kind::ReferenceGrant:
        return registry.referenceGrant;
    case Kind::BackendTlsPolicy:
        return isV1alpha2(apiVersion) ? registry.backendTlsPolicyV1alpha2
                                      : registry.backendTlsPolicy;
    default:
        return nullptr;
    }
}

QString schemaName(Kind kind) {
    if (isIstioNetworkingKind(kind))
        return QStringLiteral("Istio's schema");
    if (isGatewayApiKind(kind))
        return QStringLiteral("the Gateway API's schema");
    return {};
}

} // namespace egret::schema

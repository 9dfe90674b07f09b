#pragma once

#include "model/resources/Resource.h"

namespace YAML {
class Node;
}

namespace egret::decode {

// One decoder per kind, from the document's root mapping (not only `spec`: some kinds read
// metadata or status too). They never fail; wrong types read as absent.
Gateway gateway(const YAML::Node &root);
ServiceEntry serviceEntry(const YAML::Node &root);
VirtualService virtualService(const YAML::Node &root);
DestinationRule destinationRule(const YAML::Node &root);
Sidecar sidecar(const YAML::Node &root);
Workload workload(Kind kind, const YAML::Node &root);
Service service(const YAML::Node &root);
Secret secret(const YAML::Node &root);
RequestAuthentication requestAuthentication(const YAML::Node &root);
KubernetesGateway kubernetesGateway(const YAML::Node &root);
GatewayRoute gatewayRoute(const YAML::Node &root);
ReferenceGrant referenceGrant(const YAML::Node &root);
BackendTlsPolicy backendTlsPolicy(const YAML::Node &root);
InstallationSpec istioOperator(const YAML::Node &root);
InstallationSpec serviceMeshControlPlane(const YAML::Node &root);
InstallationSpec serviceMeshMemberRoll(const YAML::Node &root);
InstallationSpec sailIstio(const YAML::Node &root);
// The values of Istio's istio/gateway Helm chart, for release `name` in namespace `ns`.
InstallationSpec gatewayChartValues(const YAML::Node &values, const QString &ns,
                                    const QString &name);
AuthorizationPolicy authorizationPolicy(const YAML::Node &root);

ObjectMeta objectMeta(const YAML::Node &root);

// The typed spec for the kind, or monostate for kinds kept opaque.
Spec spec(Kind kind, const YAML::Node &root);

} // namespace egret::decode

#pragma once

#include "model/mesh/MeshConfig.h"
#include "model/resources/Resource.h"

#include <QVector>

namespace egret {

class Workspace;

// Egress and ingress gateways come with the Istio installation, not with application manifests.
// Like istioctl's own harness, Egret assumes the standard ones in the root namespace:
// `istio-ingressgateway` (label istio=ingressgateway; not when the mesh's ingressControllerMode is
// OFF) and `istio-egressgateway` (istio=egressgateway), each a Pod and a Service with ports 80 and
// 443, whenever the workspace has no workload carrying those labels.
//
// The resources returned are marked `assumed` and have no document; findings that rely on them
// say so.
QVector<Resource> assumedGatewayResources(const Workspace &ws, const MeshConfig &mesh);

// The labels of the assumed gateways, for messages and for the flow graph.
inline const char *kIngressGatewayLabel = "ingressgateway";
inline const char *kEgressGatewayLabel = "egressgateway";

} // namespace egret

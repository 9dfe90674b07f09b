#pragma once

namespace egret::flow {

class DeriveContext;

// Finds the gateway deployments: workloads a Gateway selector names (or labelled as Istio's
// standard gateways), grouped under the Service that fronts them; the assumed
// istio-egressgateway when the workspace has none. Adds a node for every gateway a Gateway
// resource selects, and indexes the Gateway servers by gateway, port and host.
void buildGatewayProxies(DeriveContext &cx);

} // namespace egret::flow

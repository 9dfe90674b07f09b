#include "model/flow/FlowDeriver.h"

#include "model/flow/AmbientHops.h"
#include "model/flow/BrokenHops.h"
#include "model/flow/DeriveContext.h"
#include "model/flow/DirectHops.h"
#include "model/flow/GatewayProxies.h"
#include "model/flow/RouteHops.h"
#include "model/flow/SourceProxies.h"

namespace egret {

FlowGraph deriveFlows(const Workspace &ws, const MeshConfig &mesh, const Diagnostics &findings) {
    flow::DeriveContext cx(ws, mesh);
    // Gateways first: their workloads are not senders.
    flow::buildGatewayProxies(cx);
    flow::buildSourceProxies(cx);
    // Routes before ServiceEntries: a host port a route takes gets no direct hop.
    flow::addRouteHops(cx);
    flow::addDirectHops(cx);
    flow::addAmbientHops(cx);
    flow::markBrokenHops(cx.graph, findings);
    cx.graph.finish();
    return std::move(cx.graph);
}

} // namespace egret

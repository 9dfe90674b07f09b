#pragma once

namespace egret::flow {

class DeriveContext;

// Hops from VirtualService rules. Rules bound to the mesh give each sidecar that sees the
// VirtualService a hop to the next hop (a gateway or the host); rules bound to a Gateway give the
// gateways it configures a hop to the host. Ports: the route destination's, else the matched
// port, else the declared ports of the rule's protocol; a ServiceEntry targetPort applies toward
// the host. TLS on the wire comes from the DestinationRule that applies to the sender. Marks on
// each sidecar the host ports its routes take, so that no direct hop is drawn for them.
void addRouteHops(DeriveContext &cx);

} // namespace egret::flow

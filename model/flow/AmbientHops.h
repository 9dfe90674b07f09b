#pragma once

namespace egret::flow {

class DeriveContext;

// Ambient mode: ambient pods (or "pods in <ns>") -> the waypoint a ServiceEntry is bound to,
// over HBONE on 15008 -> the external host, with what the waypoint does (DestinationRule TLS
// origination, AuthorizationPolicies); straight to the host, as TCP, where no waypoint is bound.
void addAmbientHops(DeriveContext &cx);

} // namespace egret::flow

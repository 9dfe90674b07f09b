#pragma once

namespace egret::flow {

class DeriveContext;

// Hops that ServiceEntries make on their own: every sidecar that sees a MESH_EXTERNAL
// ServiceEntry sends to each of its host ports directly, unless a route takes that host port
// elsewhere. Kubernetes Services that point outside (ExternalName, or no selector) count too.
void addDirectHops(DeriveContext &cx);

} // namespace egret::flow

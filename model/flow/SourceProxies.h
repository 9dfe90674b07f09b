#pragma once

namespace egret::flow {

class DeriveContext;

// The senders: client workloads grouped by namespace and app label, each with its Sidecar scope
// and outbound policy; "sidecars in <ns>" for a namespace with configuration but no workload;
// "any sidecar" when no workload is known at all. Gateway workloads are not senders here.
void buildSourceProxies(DeriveContext &cx);

} // namespace egret::flow

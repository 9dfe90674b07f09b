#pragma once

#include "model/core/Diagnostic.h"
#include "model/flow/FlowGraph.h"
#include "model/mesh/MeshConfig.h"

namespace egret {

class Workspace;

// Derives the egress flow graph of a workspace: for every sidecar, where its outbound traffic to
// each external host goes, hop by hop, with the resources and fields that make each hop.
// `findings` (validator diagnostics with a resource id and a field path) mark the hops they
// break. A pure function of its inputs: node and hop ids stay the same while the configuration
// that makes them does, so a view can follow a re-derivation by id.
FlowGraph deriveFlows(const Workspace &ws, const MeshConfig &mesh = {},
                      const Diagnostics &findings = {});

} // namespace egret

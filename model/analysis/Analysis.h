#pragma once

#include "model/core/Diagnostic.h"
#include "model/flow/FlowGraph.h"
#include "model/validation/Validator.h"

namespace egret {

class Workspace;

// What the window and `egret graph` show besides the files themselves: every problem (load
// problems, then the validator's findings) and the flow graph they mark, for one revision of
// one workspace.
struct AnalysisResult {
    quint64 generation = 0; // which workspace: the editor counts the workspaces it opens
    quint64 revision = 0;   // Workspace::revision() of the state analyzed
    Diagnostics problems;
    FlowGraph flows;
    validation::UpdateStats stats;
    qint64 validateNs = 0;
    qint64 deriveNs = 0;
};

// Brings `validator` up to date with `ws` (incrementally, after the first time) and derives the
// flows with the validator's mesh config, the findings marking the hops they break. The one
// path from configuration to picture, for the editor and the command line alike.
AnalysisResult analyzeWorkspace(validation::Validator &validator, const Workspace &ws);

// The steps, for callers that report progress between them.
Diagnostics problemsOf(validation::Validator &validator, const Workspace &ws,
                       validation::UpdateStats *stats = nullptr);
FlowGraph flowsOf(const Workspace &ws, const MeshConfig &mesh, const Diagnostics &problems);

} // namespace egret

#include "model/analysis/Analysis.h"

#include "model/flow/FlowDeriver.h"
#include "model/workspace/Workspace.h"

#include <QElapsedTimer>

namespace egret {

Diagnostics problemsOf(validation::Validator &validator, const Workspace &ws,
                       validation::UpdateStats *stats) {
    const validation::UpdateStats s = validator.update(ws);
    if (stats)
        *stats = s;
    Diagnostics problems = ws.diagnostics();
    const QVector<validation::Finding> findings = validator.findings(ws);
    problems.reserve(problems.size() + findings.size());
    for (const validation::Finding &f : findings)
        problems.append(f.toDiagnostic());
    return problems;
}

FlowGraph flowsOf(const Workspace &ws, const MeshConfig &mesh, const Diagnostics &problems) {
    return deriveFlows(ws, mesh, problems);
}

AnalysisResult analyzeWorkspace(validation::Validator &validator, const Workspace &ws) {
    AnalysisResult result;
    result.revision = ws.revision();
    QElapsedTimer t;
    t.start();
    result.problems = problemsOf(validator, ws, &result.stats);
    result.validateNs = t.nsecsElapsed();
    t.restart();
    result.flows = flowsOf(ws, validator.options().mesh, result.problems);
    result.deriveNs = t.nsecsElapsed();
    return result;
}

} // namespace egret

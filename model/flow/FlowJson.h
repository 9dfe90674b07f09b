#pragma once

#include "model/flow/FlowGraph.h"

#include <QByteArray>
#include <QJsonObject>

namespace egret {

// The flow graph as `egret graph -o x.json` writes it:
// {"nodes":[{"id","kind":"workload|gateway|external","label","namespace","hosts":[...],
//   "ports":[...]}],
//  "edges":[{"from","to","protocol","port","tls","broken":bool,
//   "resources":[{"kind","namespace","name"}]}]}
// "broken" is true when traffic on the hop fails: a finding breaks it or the mesh blocks it.
QJsonObject flowGraphToJson(const FlowGraph &graph);
QByteArray flowGraphJson(const FlowGraph &graph);

} // namespace egret

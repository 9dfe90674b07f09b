#pragma once

#include "model/core/Diagnostic.h"

namespace egret {
class FlowGraph;
}

namespace egret::flow {

// Marks the hops a finding breaks: an error about a resource that makes the hop, at a field
// path that contains, or lies inside, one of the paths the hop comes from (or about the whole
// resource). Warnings and infos do not break traffic.
void markBrokenHops(FlowGraph &graph, const Diagnostics &findings);

// True when `a` is `b` or a field inside it, or the other way round ("spec.http[0]" and
// "spec.http[0].route[1]"; not "spec.host" and "spec.hosts").
bool pathsOverlap(const QString &a, const QString &b);

} // namespace egret::flow

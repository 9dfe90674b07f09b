#pragma once

#include "views/graph/LayoutResult.h"

#include <QByteArray>
#include <QFuture>

namespace egret::views {

// Lays out DOT source with Graphviz's dot engine, in this process. Safe to call from any thread:
// Graphviz keeps global state, so calls run one at a time.
LayoutResult layoutDot(const QByteArray &dot);

// The same on the layout thread, the way the canvas does it: off the GUI thread, and away from
// the main thread's heap (Graphviz allocates a lot; on a worker it runs about twice as fast
// next to a large loaded workspace).
QFuture<LayoutResult> layoutDotAsync(const QByteArray &dot);

} // namespace egret::views

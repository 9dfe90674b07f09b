#pragma once

#include "views/graph/LayoutResult.h"

#include <QByteArray>

namespace egret::views {

// Lays out DOT source with Graphviz's dot engine, in this process. Safe to call from any thread:
// Graphviz keeps global state, so calls run one at a time.
LayoutResult layoutDot(const QByteArray &dot);

} // namespace egret::views

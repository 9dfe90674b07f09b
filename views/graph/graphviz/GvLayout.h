#pragma once

#include "views/graph/LayoutResult.h"

namespace egret::views::gv {

class Context;
class Graph;

// A layout computed by a Graphviz engine on a graph (gvLayout); freed with the object
// (gvFreeLayout). Neither the context nor the graph is owned: both must outlive it.
class Layout {
public:
    Layout(Context &context, Graph &graph, const char *engine = "dot");
    ~Layout();
    Layout(const Layout &) = delete;
    Layout &operator=(const Layout &) = delete;
    Layout(Layout &&other) noexcept;
    Layout &operator=(Layout &&other) = delete;

    bool isValid() const { return m_context != nullptr; }
    // The geometry in Qt terms: points, y axis flipped to point down, origin at the top left
    // of the drawing. Nodes and edges are keyed by their "id" attribute (else their name),
    // clusters by their "id" attribute.
    LayoutResult geometry() const;

private:
    Context *m_context = nullptr;
    Graph *m_graph = nullptr;
};

} // namespace egret::views::gv

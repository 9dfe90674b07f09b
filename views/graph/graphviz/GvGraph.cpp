#include "views/graph/graphviz/GvGraph.h"

#include <cstdlib>

#include <graphviz/cgraph.h>

namespace egret::views::gv {

Graph Graph::fromDot(const QByteArray &dot, QString *error) {
    // cgraph reports syntax errors through its error channel; keep them off stderr and read
    // the last one back.
    agseterr(AGMAX);
    agreseterrors();
    Agraph_t *g = agmemread(dot.constData());
    if (!g && error) {
        char *last = aglasterr(); // a copy the caller owns
        *error = last ? QString::fromUtf8(last).trimmed() : QStringLiteral("invalid DOT source");
        free(last);
    }
    return Graph(g);
}

Graph::~Graph() {
    if (m_graph)
        agclose(m_graph);
}

Graph &Graph::operator=(Graph &&other) noexcept {
    if (this != &other) {
        if (m_graph)
            agclose(m_graph);
        m_graph = std::exchange(other.m_graph, nullptr);
    }
    return *this;
}

int Graph::nodeCount() const {
    return m_graph ? agnnodes(m_graph) : 0;
}

int Graph::edgeCount() const {
    return m_graph ? agnedges(m_graph) : 0;
}

} // namespace egret::views::gv

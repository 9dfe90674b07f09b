#pragma once

#include <QByteArray>
#include <QString>

#include <utility>

struct Agraph_s;

namespace egret::views::gv {

// Owns a cgraph graph read from DOT source (agmemread / agclose). Not copyable; movable.
class Graph {
public:
    Graph() = default;
    // Parses DOT; an invalid graph (null) and a message when the source does not parse.
    static Graph fromDot(const QByteArray &dot, QString *error);

    ~Graph();
    Graph(const Graph &) = delete;
    Graph &operator=(const Graph &) = delete;
    Graph(Graph &&other) noexcept
        : m_graph(std::exchange(other.m_graph, nullptr)) {}
    Graph &operator=(Graph &&other) noexcept;

    bool isValid() const { return m_graph != nullptr; }
    int nodeCount() const;
    int edgeCount() const;
    // The underlying Agraph_t, still owned by this object: for Graphviz calls the wrapper lacks.
    Agraph_s *c_struct() const { return m_graph; }

private:
    explicit Graph(Agraph_s *g)
        : m_graph(g) {}

    Agraph_s *m_graph = nullptr;
};

} // namespace egret::views::gv

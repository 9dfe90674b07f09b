#include "views/graph/graphviz/GvLayout.h"

#include "views/graph/graphviz/GvContext.h"
#include "views/graph/graphviz/GvGraph.h"

#include <graphviz/gvc.h>

#include <utility>

namespace egret::views::gv {

namespace {

QString attribute(void *object, const char *name) {
    const char *v = agget(object, const_cast<char *>(name));
    return v ? QString::fromUtf8(v) : QString();
}

// Graphviz draws with y up from the bottom-left corner of the bounding box.
struct Flip {
    boxf bb;
    QPointF operator()(pointf p) const { return {p.x - bb.LL.x, bb.UR.y - p.y}; }
};

void addClusters(Agraph_t *g, const Flip &flip, LayoutResult &out) {
    for (Agraph_t *sub = agfstsubg(g); sub; sub = agnxtsubg(sub)) {
        const QString id = attribute(sub, "id");
        if (!id.isEmpty()) {
            const boxf b = GD_bb(sub);
            out.clusters.insert(id,
                                QRectF(flip(pointf{b.LL.x, b.UR.y}), flip(pointf{b.UR.x, b.LL.y})));
        }
        addClusters(sub, flip, out);
    }
}

} // namespace

Layout::Layout(Context &context, Graph &graph, const char *engine) {
    if (context.isValid() && graph.isValid() &&
        gvLayout(context.c_struct(), graph.c_struct(), engine) == 0) {
        m_context = &context;
        m_graph = &graph;
    }
}

Layout::~Layout() {
    if (m_context)
        gvFreeLayout(m_context->c_struct(), m_graph->c_struct());
}

Layout::Layout(Layout &&other) noexcept
    : m_context(std::exchange(other.m_context, nullptr))
    , m_graph(std::exchange(other.m_graph, nullptr)) {
}

LayoutResult Layout::geometry() const {
    LayoutResult out;
    if (!m_context)
        return out;
    Agraph_t *g = m_graph->c_struct();
    const Flip flip{GD_bb(g)};
    out.ok = true;
    out.bounds = QRectF(0, 0, GD_bb(g).UR.x - GD_bb(g).LL.x, GD_bb(g).UR.y - GD_bb(g).LL.y);
    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
        QString id = attribute(n, "id");
        if (id.isEmpty())
            id = QString::fromUtf8(agnameof(n));
        out.nodes.insert(id, flip(ND_coord(n)));
        for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e)) {
            const splines *spl = ED_spl(e);
            const QString edgeId = attribute(e, "id");
            if (!spl || spl->size == 0 || edgeId.isEmpty())
                continue;
            LayoutResult::Edge edge;
            const bezier &bz = spl->list[0];
            if (bz.size > 0) {
                edge.path.moveTo(flip(bz.list[0]));
                for (int i = 1; i + 2 < bz.size; i += 3)
                    edge.path.cubicTo(flip(bz.list[i]), flip(bz.list[i + 1]), flip(bz.list[i + 2]));
            }
            edge.tip = bz.eflag ? flip(bz.ep) : edge.path.currentPosition();
            if (const textlabel_t *label = ED_label(e); label && label->set)
                edge.label = flip(label->pos);
            out.edges.insert(edgeId, edge);
        }
    }
    addClusters(g, flip, out);
    return out;
}

} // namespace egret::views::gv

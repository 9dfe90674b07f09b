#include "views/graph/graphviz/DotLayout.h"

#include "views/graph/graphviz/GvContext.h"
#include "views/graph/graphviz/GvGraph.h"
#include "views/graph/graphviz/GvLayout.h"

#include <QMutex>
#include <QMutexLocker>

namespace egret::views {

LayoutResult layoutDot(const QByteArray &dot) {
    static QMutex graphviz;
    QMutexLocker lock(&graphviz);
    LayoutResult failed;
    gv::Context context;
    if (!context.isValid()) {
        failed.error = QStringLiteral("Graphviz could not start (no layout plugins?)");
        return failed;
    }
    gv::Graph graph = gv::Graph::fromDot(dot, &failed.error);
    if (!graph.isValid())
        return failed;
    const gv::Layout layout(context, graph, "dot");
    if (!layout.isValid()) {
        failed.error = QStringLiteral("Graphviz could not lay out the graph");
        return failed;
    }
    return layout.geometry();
}

} // namespace egret::views

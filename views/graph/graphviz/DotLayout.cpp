#include "views/graph/graphviz/DotLayout.h"

#include "views/graph/graphviz/GvContext.h"
#include "views/graph/graphviz/GvGraph.h"
#include "views/graph/graphviz/GvLayout.h"

#include <QMutex>
#include <QMutexLocker>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

namespace egret::views {

LayoutResult layoutDot(const QByteArray &dot) {
    static QMutex graphviz;
    QMutexLocker lock(&graphviz);
    LayoutResult failed;
    // One context for the process: its plugins (the dot engine, text layout) load once.
    static gv::Context context;
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

QFuture<LayoutResult> layoutDotAsync(const QByteArray &dot) {
    // One thread: Graphviz runs one layout at a time anyway, and this keeps it off the pool
    // that other work uses.
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(1);
        p->setExpiryTimeout(-1);
        return p;
    }();
    return QtConcurrent::run(pool, [dot] { return layoutDot(dot); });
}

} // namespace egret::views

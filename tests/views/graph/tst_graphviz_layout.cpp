// The Graphviz wrapper: DOT in, Qt geometry out (y pointing down), errors reported.
#include "TestSupport.h"

#include "views/graph/graphviz/DotLayout.h"
#include "views/graph/graphviz/GvContext.h"
#include "views/graph/graphviz/GvGraph.h"

#include <QtConcurrent/QtConcurrentRun>

using namespace egret::views;

class TestGraphvizLayout : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void laysOutLeftToRightWithYDown() {
        const LayoutResult r = layoutDot("digraph { rankdir=LR; newrank=true; node [shape=box, "
                                         "fixedsize=true, width=1, height=0.5];\n"
                                         "  a -> b [id=ab]; a -> c [id=ac]; { rank=same; b; c; }\n"
                                         "  subgraph cluster_x { id=\"group:x\"; c; } }");
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(r.nodes.value("a").x() < r.nodes.value("b").x());
        QCOMPARE(r.nodes.value("b").x(), r.nodes.value("c").x());
        QVERIFY(r.bounds.contains(r.nodes.value("a")));
        // Paths start at the tail's border and the tip touches the head's.
        const LayoutResult::Edge ab = r.edges.value("ab");
        QVERIFY(!ab.path.isEmpty());
        QVERIFY(qAbs(ab.path.elementAt(0).x - (r.nodes.value("a").x() + 36)) < 2);
        QVERIFY(qAbs(ab.tip.x() - (r.nodes.value("b").x() - 36)) < 2);
        QVERIFY(r.clusters.value("group:x").contains(r.nodes.value("c")));
        QCOMPARE(r.bounds.topLeft(), QPointF(0, 0));

        // Top to bottom, Graphviz puts the head below the tail with a smaller y; Qt's is larger.
        const LayoutResult tb = layoutDot("digraph { a -> b [id=ab]; }");
        QVERIFY(tb.nodes.value("a").y() < tb.nodes.value("b").y());
        QVERIFY(tb.edges.value("ab").tip.y() > tb.nodes.value("a").y());
    }

    void reportsBadSource() {
        const LayoutResult r = layoutDot("digraph { a -> ; }");
        QVERIFY(!r.ok);
        QVERIFY(!r.error.isEmpty());
        QString error;
        QVERIFY(!gv::Graph::fromDot("not dot at all {", &error).isValid());
    }

    void wrappersOwnAndMove() {
        gv::Context a;
        QVERIFY(a.isValid());
        gv::Context b(std::move(a));
        QVERIFY(!a.isValid());
        QVERIFY(b.isValid());
        QString error;
        gv::Graph g = gv::Graph::fromDot("digraph { x -> y; y -> z; }", &error);
        QCOMPARE(g.nodeCount(), 3);
        QCOMPARE(g.edgeCount(), 2);
        gv::Graph h = std::move(g);
        QVERIFY(!g.isValid());
        QCOMPARE(h.nodeCount(), 3);
    }

    void layoutsFromSeveralThreadsTakeTurns() {
        QList<QFuture<LayoutResult>> runs;
        for (int i = 0; i < 4; ++i)
            runs << QtConcurrent::run([] { return layoutDot("digraph { a -> b [id=e]; }"); });
        for (QFuture<LayoutResult> &f : runs)
            QVERIFY(f.result().ok);
    }
};

QTEST_GUILESS_MAIN(TestGraphvizLayout)
#include "tst_graphviz_layout.moc"

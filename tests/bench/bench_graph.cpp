// The egress graph at scale: flow derivation, Graphviz layout in process against the `dot`
// command on the same DOT source, and time to first paint.
//
//   bench_graph [HOSTS] [REPEAT]
//
// The mesh is the generated one of bench_load (HOSTS external hosts through the egress gateway,
// 20 client namespaces). Layouts are measured on what the canvas shows: the default view (host
// groups folded to fit) and the view with every folded group of it opened one level.
// Time to first paint runs in a fresh process, from a loaded workspace to the view painted
// (validation and derivation in the background, as the main window has them done): first with
// the placeholder columns, then with the Graphviz layout.
#include "support/BenchSupport.h"
#include "support/MeshGenerator.h"

#include "model/analysis/LiveAnalysis.h"
#include "model/flow/FlowDeriver.h"
#include "model/io/Loader.h"
#include "views/graph/FlowScene.h"
#include "views/graph/FlowView.h"
#include "views/graph/graphviz/DotLayout.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace egret;

namespace {

void writeAll(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(bytes);
}

// Child: from a loaded workspace to the canvas painted. Prints "<placeholder ms> <laid out ms>".
int paintChild(const QString &meshPath) {
    const Workspace ws = loadFiles({meshPath});
    views::FlowScene scene;
    views::FlowView view(&scene);
    view.resize(1280, 800);
    view.show();
    QCoreApplication::processEvents();

    // As the main window does it: analysis and layout on worker threads.
    LiveAnalysis analysis;
    QObject::connect(&analysis, &LiveAnalysis::finished, &scene,
                     [&](const AnalysisResult &r) { scene.setFlows(r.flows); });
    QSignalSpy shown(&scene, &views::FlowScene::flowsChanged);
    QSignalSpy laidOut(&scene, &views::FlowScene::layoutFinished);
    QElapsedTimer t;
    t.start();
    analysis.request(ws, 1);
    if (!shown.wait(600000))
        return 1;
    view.viewport()->repaint();
    const double placeholder = double(t.nsecsElapsed()) / 1e6;
    if (laidOut.isEmpty() && !laidOut.wait(600000))
        return 1;
    view.viewport()->repaint();
    const double laidOutMs = double(t.nsecsElapsed()) / 1e6;
    std::printf("%.1f %.1f\n", placeholder, laidOutMs);
    return 0;
}

struct LayoutFigures {
    int nodes = 0;
    int edges = 0;
    double inProcess = 0; // in this process, which holds the 2000-host workspace and its scene
    double fresh = 0;     // in a fresh process that only lays out
    double command = 0;
};

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

double msSince(const QElapsedTimer &t) {
    return double(t.nsecsElapsed()) / 1e6;
}

// Child: the median time to lay out a .dot file on the layout thread. Prints "<ms>".
int layoutChild(const QString &dotPath, int repeat) {
    QFile f(dotPath);
    if (!f.open(QIODevice::ReadOnly))
        return 1;
    const QByteArray dot = f.readAll();
    std::vector<double> times;
    for (int i = 0; i < repeat; ++i) {
        QElapsedTimer t;
        t.start();
        if (!views::layoutDotAsync(dot).result().ok)
            return 1;
        times.push_back(msSince(t));
    }
    std::printf("%.1f\n", median(times));
    return 0;
}

// In process (on the layout thread, as the canvas runs it) and the `dot` command, taking turns
// so that a busy machine slows both alike.
LayoutFigures measureLayout(const QByteArray &dot, const QString &dir, const char *name,
                            int repeat) {
    LayoutFigures f;
    const views::LayoutResult probe = views::layoutDot(dot);
    f.nodes = int(probe.nodes.size());
    f.edges = int(probe.edges.size());
    const QString path = dir + QLatin1Char('/') + QLatin1String(name) + QStringLiteral(".dot");
    writeAll(path, dot);
    const QString dotTool = QStandardPaths::findExecutable(QStringLiteral("dot"));
    std::vector<double> inProcess, command;
    for (int i = 0; i < repeat; ++i) {
        QElapsedTimer t;
        t.start();
        if (!views::layoutDotAsync(dot).result().ok)
            std::abort();
        inProcess.push_back(msSince(t));
        if (dotTool.isEmpty())
            continue;
        t.restart();
        QProcess p;
        p.start(dotTool, {QStringLiteral("-Tdot"), path, QStringLiteral("-o"),
                          path + QStringLiteral(".out")});
        p.waitForFinished(-1);
        if (p.exitCode() != 0)
            std::abort();
        command.push_back(msSince(t));
    }
    f.inProcess = median(inProcess);
    f.command = median(command);
    f.fresh = bench::runChild({QStringLiteral("--child"), QStringLiteral("layout"), path,
                               QString::number(repeat)})
                  .toDouble();
    return f;
}

} // namespace

int main(int argc, char *argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() >= 5 && args[1] == QLatin1String("--child") &&
        args[2] == QLatin1String("layout"))
        return layoutChild(args[3], args[4].toInt());
    if (args.size() >= 4 && args[1] == QLatin1String("--child"))
        return paintChild(args[3]);

    const int hosts = args.size() > 1 ? args[1].toInt() : 2000;
    const int repeat = args.size() > 2 ? args[2].toInt() : 3;
    QTemporaryDir dir;
    dir.setAutoRemove(qEnvironmentVariableIsEmpty("EGRET_BENCH_KEEP")); // to rerun `dot` by hand
    const QString path = dir.filePath(QStringLiteral("mesh.yaml"));
    writeAll(path, bench::generateMesh({hosts, 20, 0}));
    const Workspace ws = loadFiles({path});

    FlowGraph flows;
    const double derive = bench::medianMs(repeat, [&] { flows = deriveFlows(ws); });

    views::FlowScene scene;
    scene.setFlows(flows);
    scene.waitForLayout();
    const QByteArray folded = scene.dotSource();
    // One level deeper: open every group the default view shows folded.
    QStringList shownFolded;
    for (const views::VisibleNode &n : scene.visibleGraph().nodes)
        if (n.kind == views::VisibleNode::Group)
            shownFolded << n.id;
    for (const QString &g : std::as_const(shownFolded))
        scene.setGroupCollapsed(g, false);
    scene.waitForLayout();
    const QByteArray opened = scene.dotSource();

    const LayoutFigures a = measureLayout(folded, dir.path(), "folded", repeat);
    const LayoutFigures b = measureLayout(opened, dir.path(), "opened", repeat);
    const QStringList paint =
        bench::runChild({QStringLiteral("--child"), QStringLiteral("paint"), path})
            .split(QLatin1Char(' '));

    QTextStream out(stdout);
    out << "Egret graph benchmark: " << hosts << " hosts, " << flows.nodes().size() << " nodes, "
        << flows.hops().size() << " hops derived\n";
    out << "machine: " << bench::machineDescription() << "\n";
    out << QStringLiteral("flow derivation:                 %1 ms\n").arg(derive, 0, 'f', 0);
    // The figure that counts is the editor's (its process holds the workspace); a fresh process
    // shows what the layout costs by itself.
    auto row = [&](const char *name, const LayoutFigures &f) {
        const auto ratio = [&](double ms) { return f.command > 0 ? ms / f.command : 0; };
        out << QStringLiteral("layout, %1 (%2 nodes, %3 edges): dot command %4 ms; in the "
                              "editor's process %5 ms, ratio %6x (goal <= 1.0x); in a fresh "
                              "process %7 ms, ratio %8x\n")
                   .arg(QLatin1String(name))
                   .arg(f.nodes)
                   .arg(f.edges)
                   .arg(f.command, 0, 'f', 0)
                   .arg(f.inProcess, 0, 'f', 0)
                   .arg(ratio(f.inProcess), 0, 'f', 2)
                   .arg(f.fresh, 0, 'f', 0)
                   .arg(ratio(f.fresh), 0, 'f', 2);
    };
    row("default view", a);
    row("one level opened", b);
    out << QStringLiteral("time to first paint:             %1 ms with placeholder columns, "
                          "%2 ms laid out (goal < 1000 ms)\n")
               .arg(paint.value(0), paint.value(1));
    return 0;
}

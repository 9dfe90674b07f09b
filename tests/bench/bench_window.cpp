// The user's path at scale: the real main window (offscreen) on generated meshes of several
// shapes, timed as a person waits for it, against `egret validate` on the same file.
//
//   bench_window [--hosts 500,2000,10000] [--shapes one-gateway,gateway-per-host,...] [--runs N]
//   bench_window --write SHAPE HOSTS FILE      (writes the mesh, to open it by hand)
//
// Shapes: one-gateway (what route recipes build: one Gateway gathering every host),
// gateway-per-host, many-namespaces, many-findings (gateway-per-host with a mistake per host),
// gateway-api (what `route add --api gateway-api` builds: a deployed Gateway per host).
// Each (shape, hosts) runs in a fresh process. Steps, each until every view shows the result:
// open; one keystroke in the YAML dock; one Properties edit; one route added (Edit > Add Route);
// undo; selecting a host group on the canvas. For each: when the docks that show the files
// (Resources, Properties, YAML) agree, when Problems does, when the canvas is painted, and the
// longest event-loop stall meanwhile (a 5 ms watchdog timer: what typing would wait for).
#include "support/BenchSupport.h"
#include "support/MeshGenerator.h"

#include "app/gui/EditorSession.h"
#include "app/gui/MainWindow.h"
#include "model/flow/FlowGraph.h"
#include "views/dialogs/RouteDialog.h"
#include "views/graph/FlowScene.h"
#include "views/graph/FlowView.h"
#include "views/panels/ProblemsModel.h"
#include "views/panels/ResourceTreeModel.h"
#include "views/panels/ResourcesPanel.h"
#include "views/panels/YamlEditor.h"
#include "views/properties/PropertiesPanel.h"
#include "views/properties/PropertyTreeModel.h"

#include <yaml-cpp/yaml.h>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextStream>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace egret;

namespace {

double msSince(const QElapsedTimer &t) {
    return double(t.nsecsElapsed()) / 1e6;
}

// The longest time the event loop did not come round, while running: a timer due every 5 ms
// that fires late by the length of whatever blocked the loop.
class StallWatch : public QObject {
public:
    StallWatch() {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(5);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            m_worst = std::max(m_worst, msSince(m_last) - 5.0);
            m_last.restart();
        });
    }
    void start() {
        m_worst = 0;
        m_last.start();
        m_timer.start();
    }
    double stop() {
        m_worst = std::max(m_worst, msSince(m_last) - 5.0);
        m_timer.stop();
        return std::max(0.0, m_worst);
    }

private:
    QTimer m_timer;
    QElapsedTimer m_last;
    double m_worst = 0;
};

// When the canvas last painted.
class PaintProbe : public QObject {
public:
    explicit PaintProbe(QWidget *viewport, const QElapsedTimer &clock)
        : m_clock(clock) {
        viewport->installEventFilter(this);
    }
    double lastPaint() const { return m_last; }

protected:
    bool eventFilter(QObject *, QEvent *event) override {
        if (event->type() == QEvent::Paint)
            m_last = msSince(m_clock);
        return false;
    }

private:
    const QElapsedTimer &m_clock;
    double m_last = -1;
};

// One step's figures, in ms from its start.
struct Step {
    QString name;
    double views = -1;    // Resources, Properties and YAML show it
    double problems = -1; // Problems (and the Resources markers) show it
    double canvas = -1;   // the canvas is laid out and painted
    double stall = 0;     // the longest event-loop stall meanwhile
    bool checked = false; // the outcome was seen in the views, not just timed
    double validate = 0;  // the analysis behind it, on its thread: validation, derivation
    double derive = 0;
    QJsonObject json() const {
        return {{"name", name},   {"views", views},     {"problems", problems}, {"canvas", canvas},
                {"stall", stall}, {"checked", checked}, {"validate", validate}, {"derive", derive}};
    }
};

class WindowRun {
public:
    explicit WindowRun(const QString &path)
        : m_path(path) {
        m_clock.start();
        m_window.resize(1400, 900);
        m_window.show();
        if (!QTest::qWaitForWindowExposed(&m_window))
            std::fputs("bench_window: the window was not shown\n", stderr);
        m_probe = new PaintProbe(m_window.canvas()->viewport(), m_clock);
        QObject::connect(m_window.session(), &gui::EditorSession::workspaceChanged, &m_window,
                         [this] { m_viewsAt = now(); });
        QObject::connect(m_window.session(), &gui::EditorSession::workspaceReplaced, &m_window,
                         [this] { m_viewsAt = now(); });
        QObject::connect(m_window.session(), &gui::EditorSession::problemsChanged, &m_window,
                         [this] { m_problemsAt = now(); });
    }
    ~WindowRun() {
        // Quit without asking about the edits.
        while (m_window.session()->undoStack()->canUndo())
            m_window.session()->undoStack()->undo();
        m_window.session()->waitForAnalysis();
    }

    double now() const { return msSince(m_clock); }

    // Runs `act` and waits until the window has caught up and painted since; returns the step.
    Step measure(const QString &name, const std::function<void()> &act,
                 const std::function<bool()> &check) {
        Step s;
        s.name = name;
        m_viewsAt = m_problemsAt = -1;
        QSignalSpy caughtUp(&m_window, &gui::MainWindow::caughtUp);
        m_watch.start();
        const double start = now();
        act();
        if (m_window.isCatchingUp())
            caughtUp.wait(600000);
        const double settled = now();
        // The paint that shows it comes when the loop next runs.
        while (m_probe->lastPaint() < settled && now() - settled < 5000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        s.stall = m_watch.stop();
        s.canvas = m_probe->lastPaint() - start;
        s.views = m_viewsAt < 0 ? now() - start : m_viewsAt - start;
        s.problems = m_problemsAt < 0 ? s.views : m_problemsAt - start;
        s.checked = check();
        s.validate = double(m_window.session()->analysis().validateNs) / 1e6;
        s.derive = double(m_window.session()->analysis().deriveNs) / 1e6;
        return s;
    }

    gui::MainWindow &window() { return m_window; }
    const Workspace &ws() { return m_window.session()->workspace(); }

    const Resource *middle(Kind kind) {
        QVector<const Resource *> all;
        ws().forEachResource([&](const Resource &r) {
            if (r.kind == kind)
                all << &r;
        });
        return all.isEmpty() ? nullptr : all[all.size() / 2];
    }

private:
    QString m_path;
    QElapsedTimer m_clock;
    gui::MainWindow m_window;
    PaintProbe *m_probe = nullptr;
    StallWatch m_watch;
    double m_viewsAt = -1;
    double m_problemsAt = -1;
};

bool problemsMention(gui::MainWindow &w, const QString &text) {
    for (const Diagnostic &d : w.problemsModel()->diagnostics())
        if (d.message.contains(text) || d.resource.toString().contains(text))
            return true;
    return false;
}

// Child: one window on one file; prints the steps as one JSON line.
int windowChild(const QString &path) {
    QStandardPaths::setTestModeEnabled(true); // no recovery snapshots in the user's folders
    WindowRun run(path);
    gui::MainWindow &w = run.window();
    QJsonArray steps;

    // Open: until every dock is filled and the canvas painted.
    Step open = run.measure(
        "open", [&] { w.openPaths({path}); },
        [&] {
            return w.resourcesPanel()->model()->resourceCount() > 0 &&
                   !w.flowScene()->flows().isEmpty();
        });
    steps.append(open.json());

    // One keystroke in the YAML dock: a port of a route (a VirtualService's, or in the Gateway
    // API an HTTPRoute's backend) gains a digit.
    const Resource *vs = run.middle(Kind::VirtualService);
    if (!vs)
        vs = run.middle(Kind::HttpRoute);
    if (vs) {
        const QString vsName = vs->meta.name;
        const Kind vsKind = vs->kind;
        w.selectResource(vs->id);
        QCoreApplication::processEvents();
        views::YamlEditor *editor = w.yamlEditor();
        editor->setFocus();
        QTextBlock target;
        for (QTextBlock b = editor->document()->begin(); b.isValid(); b = b.next())
            if (b.text().trimmed().startsWith("number: ") ||
                b.text().trimmed().startsWith("port: "))
                target = b; // the last port: the route toward the host
        QTextCursor c(target);
        c.movePosition(QTextCursor::EndOfBlock);
        editor->setTextCursor(c);
        const QString typed = target.text().section(QLatin1Char(':'), 1).trimmed() + '7';
        Step key = run.measure(
            "keystroke in YAML",
            [&] {
                QTest::keyClick(editor, Qt::Key_7);
                editor->commitNow(); // instead of the editor's pause after typing
            },
            [&] {
                const Resource *now = nullptr;
                run.ws().forEachResource([&](const Resource &r) {
                    if (r.meta.name == vsName && r.kind == vsKind)
                        now = &r;
                });
                return now && run.ws().document(now->id.document)->text.contains(typed.toUtf8()) &&
                       problemsMention(w, vsName);
            });
        steps.append(key.json());
    }

    // One Properties edit: a ServiceEntry's first port number.
    const Resource *se = run.middle(Kind::ServiceEntry);
    if (se) {
        const ResourceId id = se->id;
        w.selectResource(id);
        QCoreApplication::processEvents();
        views::PropertyTreeModel *form = w.propertiesPanel()->model();
        Step edit = run.measure(
            "Properties edit",
            [&] {
                form->setData(form->indexOfPath("spec.ports[0].number").siblingAtColumn(1), "4443");
            },
            [&] {
                const Resource *r = run.ws().resource(id);
                const auto &ports = r ? r->as<ServiceEntry>()->ports : QVector<ServicePort>();
                return !ports.isEmpty() && ports.first().number == 4443;
            });
        steps.append(edit.json());
    }

    // One route added from the Edit menu (as a drag on the canvas would, without the drag).
    const QString newHost = QStringLiteral("bench-route.example.org");
    // Answers the dialog as soon as it shows (a person takes longer), and the notes that may
    // follow it (in the Gateway API: TLSRoute's channel).
    QTimer answer;
    QObject::connect(&answer, &QTimer::timeout, [&] {
        QWidget *modal = QApplication::activeModalWidget();
        if (auto *d = qobject_cast<views::RouteDialog *>(modal)) {
            d->findChildren<QLineEdit *>().first()->setText(newHost); // the Host field
            d->patternBox()->setCurrentText("tls-passthrough");
            d->accept();
        } else if (auto *box = qobject_cast<QMessageBox *>(modal)) {
            box->accept();
        }
    });
    Step route = run.measure(
        "route added",
        [&] {
            answer.start(1);
            w.action("addRoute")->trigger();
        },
        [&] { return w.flowScene()->flows().node("host:" + newHost) != nullptr; });
    answer.stop();
    steps.append(route.json());

    Step undo = run.measure(
        "undo", [&] { w.action("undo")->trigger(); },
        [&] { return w.flowScene()->flows().node("host:" + newHost) == nullptr; });
    steps.append(undo.json());

    // Selecting a host group on the canvas: every dock shows what it stands for.
    QString group;
    for (const views::VisibleNode &n : w.flowScene()->visibleGraph().nodes)
        if (n.kind == views::VisibleNode::Group && (group.isEmpty() || n.members.size() > 1))
            group = n.id;
    if (!group.isEmpty()) {
        Step select = run.measure(
            "select a host group", [&] { w.flowScene()->selectIds({group}); },
            [&] { return !w.selectedResources().isEmpty(); });
        steps.append(select.json());
    }

    QJsonObject out{{"steps", steps},
                    {"resources", w.resourcesPanel()->model()->resourceCount()},
                    {"problems", int(w.problemsModel()->rowCount())},
                    {"peakRssKb", bench::peakRssKb()}};
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}

// With EGRET_BENCH_TRACE set, every event the window takes longer than 30 ms to handle is
// printed (receiver and event type): where a stall comes from.
class TracingApplication : public QApplication {
public:
    using QApplication::QApplication;
    bool notify(QObject *receiver, QEvent *event) override {
        if (!m_trace)
            return QApplication::notify(receiver, event);
        QElapsedTimer t;
        t.start();
        const QEvent::Type type = event->type();
        const bool result = QApplication::notify(receiver, event);
        const double ms = msSince(t);
        if (ms > 30)
            std::fprintf(stderr, "slow event: %.0f ms, %s '%s', event type %d\n", ms,
                         receiver->metaObject()->className(), qPrintable(receiver->objectName()),
                         int(type));
        return result;
    }

private:
    bool m_trace = !qEnvironmentVariableIsEmpty("EGRET_BENCH_TRACE");
};

// A command's wall time, median of `runs`.
double commandMs(const QString &program, const QStringList &args, int runs) {
    return bench::medianMs(runs, [&] {
        QProcess p;
        p.setStandardOutputFile(QProcess::nullDevice());
        p.setStandardErrorFile(QProcess::nullDevice());
        p.start(program, args);
        p.waitForFinished(-1);
    });
}

struct Config {
    bench::MeshShape shape;
    int faultEvery;
    QString name;
};

// The offscreen platform's notes on what it cannot do (size hints, a runtime folder) come by the
// dozen per window and say nothing about Egret: the figures stay readable without them.
QtMessageHandler g_defaultHandler = nullptr;
void quietPlatform(QtMsgType type, const QMessageLogContext &context, const QString &message) {
    if (message.startsWith(QLatin1String("This plugin does not support")) ||
        message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set")))
        return;
    g_defaultHandler(type, context, message);
}

} // namespace

int main(int argc, char *argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    g_defaultHandler = qInstallMessageHandler(quietPlatform);
    TracingApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() >= 3 && args[1] == QLatin1String("--child"))
        return windowChild(args[2]);
    if (args.size() >= 5 && args[1] == QLatin1String("--write")) {
        // bench_window --write SHAPE HOSTS FILE: the mesh, to open it by hand.
        bench::MeshOptions o;
        o.hosts = args[3].toInt();
        if (args[2] == QLatin1String("many-findings"))
            o.faultEvery = 1;
        else if (!bench::shapeFromName(args[2].toUtf8(), &o.shape))
            return 2;
        QFile f(args[4]);
        return f.open(QIODevice::WriteOnly) && f.write(bench::generateMesh(o)) > 0 ? 0 : 1;
    }

    QList<int> hostCounts{500, 2000, 10000};
    QStringList shapes{"one-gateway", "gateway-per-host", "many-namespaces", "many-findings",
                       "gateway-api"};
    int runs = 3;
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--hosts")) {
            hostCounts.clear();
            for (const QString &h : args[i + 1].split(QLatin1Char(',')))
                hostCounts << h.toInt();
        } else if (args[i] == QLatin1String("--shapes")) {
            shapes = args[i + 1].split(QLatin1Char(','));
        } else if (args[i] == QLatin1String("--runs")) {
            runs = args[i + 1].toInt();
        }
    }
    const QString egret = QStringLiteral(EGRET_BINARY);
    QTemporaryDir dir;
    dir.setAutoRemove(qEnvironmentVariableIsEmpty("EGRET_BENCH_KEEP"));
    QTextStream out(stdout);
    out << "Egret window benchmark (the user's path), " << bench::machineDescription() << "\n";
    out << "goals: open <= 1.5x `egret validate`; during an edit no stall > 50 ms; the docks "
           "within 100 ms, the canvas within 300 ms; 10,000 hosts <= 5x 2000\n\n";

    QMap<QString, QJsonObject> byKey; // "shape/hosts" -> child output
    bool allMet = true;
    for (const QString &shapeName : std::as_const(shapes)) {
        bench::MeshOptions o;
        if (shapeName == QLatin1String("many-findings")) {
            o.shape = bench::MeshShape::GatewayPerHost;
            o.faultEvery = 1;
        } else if (!bench::shapeFromName(shapeName.toUtf8(), &o.shape)) {
            out << "unknown shape " << shapeName << "\n";
            return 2;
        }
        for (int hosts : std::as_const(hostCounts)) {
            o.hosts = hosts;
            const QByteArray mesh = bench::generateMesh(o);
            const QString path =
                dir.filePath(QStringLiteral("%1-%2.yaml").arg(shapeName).arg(hosts));
            QFile f(path);
            f.open(QIODevice::WriteOnly);
            f.write(mesh);
            f.close();
            const double validate = commandMs(
                egret, {"validate", path, "-o", "json", "--failure-threshold", "Error"}, runs);
            const double graph =
                commandMs(egret, {"graph", path, "-o", dir.filePath("graph.svg")}, 1);
            const QJsonObject r =
                QJsonDocument::fromJson(bench::runChild({"--child", path}).toUtf8()).object();
            byKey.insert(QStringLiteral("%1/%2").arg(shapeName).arg(hosts), r);
            out << QStringLiteral("%1, %2 hosts (%3 documents, %4 MB, %5 problems, peak %6 MB):\n")
                       .arg(shapeName)
                       .arg(hosts)
                       .arg(r.value("resources").toInt())
                       .arg(double(mesh.size()) / 1e6, 0, 'f', 1)
                       .arg(r.value("problems").toInt())
                       .arg(r.value("peakRssKb").toInt() / 1024);
            out << QStringLiteral("  egret validate %1 ms; egret graph %2 ms = %3x validate "
                                  "(goal <= 1.5x)\n")
                       .arg(validate, 0, 'f', 0)
                       .arg(graph, 0, 'f', 0)
                       .arg(graph / validate, 0, 'f', 2);
            for (const QJsonValue &v : r.value("steps").toArray()) {
                const QJsonObject s = v.toObject();
                const bool isOpen = s.value("name").toString() == QLatin1String("open");
                const double canvas = s.value("canvas").toDouble();
                const double views =
                    std::max(s.value("views").toDouble(), s.value("problems").toDouble());
                const double stall = s.value("stall").toDouble();
                const bool met = s.value("checked").toBool() &&
                                 (isOpen ? canvas <= 1.5 * validate
                                         : stall <= 50 && views <= 100 && canvas <= 300);
                allMet = allMet && met;
                out << QStringLiteral("  %1 docks %2 ms, problems %3 ms, canvas painted %4 ms, "
                                      "longest stall %5 ms%6%7%8 (validation %9 ms, flows %10 "
                                      "ms)\n")
                           .arg(s.value("name").toString(), -20)
                           .arg(s.value("views").toDouble(), 6, 'f', 0)
                           .arg(s.value("problems").toDouble(), 6, 'f', 0)
                           .arg(canvas, 6, 'f', 0)
                           .arg(stall, 5, 'f', 0)
                           .arg(isOpen ? QStringLiteral(" = %1x validate")
                                             .arg(canvas / validate, 0, 'f', 2)
                                       : QString())
                           .arg(s.value("checked").toBool() ? "" : "  [OUTCOME NOT SEEN]")
                           .arg(met ? "" : "  [goal missed]")
                           .arg(s.value("validate").toDouble(), 0, 'f', 0)
                           .arg(s.value("derive").toDouble(), 0, 'f', 0);
            }
            out.flush();
        }
        // Linear: every figure at 10,000 hosts <= 5x its 2000-host figure.
        const QJsonObject small = byKey.value(shapeName + "/2000");
        const QJsonObject large = byKey.value(shapeName + "/10000");
        if (!small.isEmpty() && !large.isEmpty()) {
            const QJsonArray a = small.value("steps").toArray(), b = large.value("steps").toArray();
            QStringList ratios;
            for (int i = 0; i < a.size() && i < b.size(); ++i) {
                const double x = a[i].toObject().value("canvas").toDouble();
                const double y = b[i].toObject().value("canvas").toDouble();
                const double ratio = x > 0 ? y / x : 0;
                ratios << QStringLiteral("%1 %2x")
                              .arg(a[i].toObject().value("name").toString())
                              .arg(ratio, 0, 'f', 1);
            }
            out << "  10,000 vs 2000 hosts (canvas painted): " << ratios.join(", ") << "\n";
        }
        out << "\n";
    }
    out << (allMet ? "every goal met\n" : "some goals missed\n");
    return 0;
}

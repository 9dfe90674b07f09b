// The window with many hosts, as a person uses it: an edit shows at once where the files are
// shown while Problems and the canvas say they are catching up; Find goes to a host folded away
// in a group; filters narrow the docks; routes are designed from the keyboard; a long open shows
// its progress and can be cancelled. (How fast is for tests/bench/bench_window.)
#include "GuiTestSupport.h"
#include "TestSupport.h"

#include "views/dialogs/RouteDialog.h"
#include "views/graph/FlowScene.h"
#include "views/graph/FlowView.h"
#include "views/graph/items/NodeItem.h"
#include "views/panels/FindBar.h"
#include "views/panels/ProblemsModel.h"
#include "views/panels/ProblemsPanel.h"
#include "views/panels/ResourcesPanel.h"
#include "views/panels/YamlEditor.h"
#include "views/properties/PropertiesPanel.h"
#include "views/properties/PropertyTreeModel.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

using namespace egret;
using namespace egret::gui;

namespace {

QString hostName(int i) {
    return QStringLiteral("api-%1.example.com").arg(i, 3, 10, QLatin1Char('0'));
}

// What route recipes build as hosts join one gateway: one Gateway listing every host, per host
// a ServiceEntry and a VirtualService, every second host TLS origination without a CA (a
// warning each).
QByteArray mesh(int hosts) {
    QString out = QStringLiteral(
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n"
        "    istio-injection: enabled\n---\napiVersion: networking.istio.io/v1\nkind: Gateway\n"
        "metadata:\n  name: istio-egressgateway\n  namespace: istio-system\nspec:\n  selector:\n"
        "    istio: egressgateway\n  servers:\n  - port:\n      number: 80\n      name: http\n"
        "      protocol: HTTP\n    hosts:\n");
    for (int i = 0; i < hosts; ++i)
        out += QStringLiteral("    - shop/%1\n").arg(hostName(i));
    for (int i = 0; i < hosts; ++i) {
        const QString h = hostName(i);
        out += QStringLiteral(
                   "---\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n"
                   "  name: se-%1\n  namespace: shop\nspec:\n  hosts:\n  - %2\n  ports:\n"
                   "  - number: 80\n    name: http\n    protocol: HTTP\n  resolution: DNS\n"
                   "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n"
                   "  name: vs-%1\n  namespace: shop\nspec:\n  hosts:\n  - %2\n  gateways:\n"
                   "  - istio-system/istio-egressgateway\n  - mesh\n  http:\n  - match:\n"
                   "    - gateways:\n      - mesh\n      port: 80\n    route:\n    - destination:\n"
                   "        host: istio-egressgateway.istio-system.svc.cluster.local\n"
                   "        port:\n          number: 80\n  - match:\n    - gateways:\n"
                   "      - istio-system/istio-egressgateway\n      port: 80\n    route:\n"
                   "    - destination:\n        host: %2\n        port:\n          number: 80\n")
                   .arg(i, 3, 10, QLatin1Char('0'))
                   .arg(h);
        if (i % 2)
            out += QStringLiteral("---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\n"
                                  "metadata:\n  name: dr-%1\n  namespace: shop\nspec:\n  host: %2\n"
                                  "  trafficPolicy:\n    tls:\n      mode: SIMPLE\n")
                       .arg(i, 3, 10, QLatin1Char('0'))
                       .arg(h);
    }
    return out.toUtf8();
}

const Resource *findResource(const MainWindow &w, Kind kind, const QString &name) {
    const Resource *found = nullptr;
    w.session()->workspace().forEachResource([&](const Resource &r) {
        if (r.kind == kind && r.meta.name == name)
            found = &r;
    });
    return found;
}

// Runs `answer` on the next modal dialog of type T as soon as it shows.
template <class T> class DialogAnswer : public QObject {
public:
    explicit DialogAnswer(std::function<void(T *)> answer)
        : m_answer(std::move(answer)) {
        connect(&m_timer, &QTimer::timeout, this, [this] {
            if (auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget())) {
                m_timer.stop();
                m_seen = true;
                m_answer(dialog);
            }
        });
        m_timer.start(10);
    }
    bool seen() const { return m_seen; }

private:
    QTimer m_timer;
    std::function<void(T *)> m_answer;
    bool m_seen = false;
};

} // namespace

class TestWindowAtScale : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_mesh;

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        m_mesh = m_dir.filePath(QStringLiteral("mesh.yaml"));
        QVERIFY(test::writeFile(m_mesh, mesh(60)));
    }

    void anEditShowsAtOnceWhileProblemsAndTheCanvasCatchUp() {
        MainWindow w;
        w.show();
        QVERIFY(test::openAndWait(w, {m_mesh}));
        QCOMPARE(w.problemsModel()->count(Severity::Warning), 30); // IST0129, one per DR
        QVERIFY(!w.problemsPanel()->summaryText().contains("Checking"));
        QVERIFY(w.canvas()->statusText().isEmpty());

        const Resource *se = findResource(w, Kind::ServiceEntry, "se-007");
        QVERIFY(se);
        const ResourceId id = se->id;
        w.selectResource(id);
        const QPersistentModelIndex row =
            w.resourceView()->selectionModel()->selectedRows().value(0);
        QVERIFY(row.isValid());
        views::PropertyTreeModel *form = w.propertiesPanel()->model();
        QVERIFY(
            form->setData(form->indexOfPath("spec.ports[0].number").siblingAtColumn(1), "8080"));

        // At once: the files' views agree with the edit, the selection stays on its row.
        QCOMPARE(findResource(w, Kind::ServiceEntry, "se-007")->as<ServiceEntry>()->ports[0].number,
                 8080);
        QVERIFY(w.yamlEditor()->toPlainText().contains("number: 8080"));
        QCOMPARE(form->indexOfPath("spec.ports[0].number").siblingAtColumn(1).data().toString(),
                 QStringLiteral("8080"));
        QVERIFY(row.isValid());
        QCOMPARE(w.resourceView()->selectionModel()->selectedRows().value(0), QModelIndex(row));
        // Problems and the canvas have not seen it yet, and say so.
        QVERIFY(w.isCatchingUp());
        QVERIFY2(w.problemsPanel()->summaryText().contains("Checking"),
                 qPrintable(w.problemsPanel()->summaryText()));
        QVERIFY(!w.canvas()->statusText().isEmpty());

        QVERIFY(test::waitUntilCaughtUp(w));
        // The VirtualService still routes to port 80, which the host no longer declares.
        bool portNotFound = false;
        for (const Diagnostic &d : w.problemsModel()->diagnostics())
            portNotFound = portNotFound || (d.code == "IST0101" && d.resource.name == "vs-007");
        QVERIFY(portNotFound);
        QVERIFY(!w.problemsPanel()->summaryText().contains("Checking"));
        QVERIFY(w.canvas()->statusText().isEmpty());
        // Undo: the same, back.
        w.action("undo")->trigger();
        QVERIFY(test::waitUntilCaughtUp(w));
        QCOMPARE(w.problemsModel()->count(Severity::Error), 0);
    }

    void typingKeepsTheSelectionAndTheDocumentShown() {
        MainWindow w;
        w.show();
        QVERIFY(test::openAndWait(w, {m_mesh}));
        const ResourceId vs = findResource(w, Kind::VirtualService, "vs-021")->id;
        w.selectResource(vs);
        QVERIFY(!w.flowScene()->selectedItems().isEmpty()); // its hops, on the canvas
        views::YamlEditor *editor = w.yamlEditor();
        editor->setFocus();
        QTextCursor c = editor->textCursor();
        c.movePosition(QTextCursor::End);
        editor->setTextCursor(c);
        QTest::keyClick(editor, Qt::Key_Return);
        QTest::keyClicks(editor, "# reviewed");
        editor->commitNow();
        QVERIFY(test::waitUntilCaughtUp(w));
        QCoreApplication::processEvents(); // anything the canvas had queued
        // The canvas, redrawn, must not take its own selection for the user's.
        QCOMPARE(w.selectedResources(), QVector<ResourceId>{vs});
        QCOMPARE(editor->documentId(), vs.document);
        QVERIFY(editor->toPlainText().contains("# reviewed"));
    }

    void findGoesToAHostFoldedAwayInAGroup() {
        MainWindow w;
        w.resize(1200, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(test::openAndWait(w, {m_mesh}));
        const QString node = QStringLiteral("host:") + hostName(42);
        QVERIFY2(!w.flowScene()->nodeItem(node), "the host should start folded in a group");

        QTest::keySequence(&w, QKeySequence::Find);
        QVERIFY(w.findBar()->isVisible());
        QVERIFY(w.findBar()->field()->hasFocus());
        QTest::keyClicks(w.findBar()->field(), hostName(42));
        QTest::keyClick(w.findBar()->field(), Qt::Key_Return);
        QVERIFY(test::waitUntilCaughtUp(w));
        QCoreApplication::processEvents();

        // Its group opened, the host selected and in view, its resources selected in the dock.
        views::NodeItem *item = w.flowScene()->nodeItem(node);
        QVERIFY(item);
        QVERIFY(item->isSelected());
        const QRectF visible =
            w.canvas()->mapToScene(w.canvas()->viewport()->rect()).boundingRect();
        QVERIFY(visible.contains(item->sceneBoundingRect().center()));
        QVERIFY(w.selectedResources().contains(findResource(w, Kind::ServiceEntry, "se-042")->id));

        // A namespace and a resource by name.
        QVERIFY(w.findBar()->find("namespace shop"));
        QVERIFY(w.selectedResources().size() > 100);
        QVERIFY(w.findBar()->find("VirtualService shop/vs-013"));
        QCOMPARE(w.selectedResources(),
                 QVector<ResourceId>{findResource(w, Kind::VirtualService, "vs-013")->id});
        QVERIFY(!w.findBar()->find("no-such-thing.example.org"));

        // With Find still open, typing in the YAML dock keeps the keyboard there once the
        // analysis of the edit is done (Find learns the new names without taking the focus).
        views::YamlEditor *editor = w.yamlEditor();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        editor->setFocus();
        QVERIFY(editor->hasFocus());
        QTextCursor c = editor->textCursor();
        c.movePosition(QTextCursor::End);
        editor->setTextCursor(c);
        QTest::keyClick(editor, Qt::Key_Return);
        QTest::keyClicks(editor, "# seen");
        editor->commitNow();
        QVERIFY(test::waitUntilCaughtUp(w));
        QCoreApplication::processEvents();
        QVERIFY(w.findBar()->isVisible());
        QVERIFY(editor->hasFocus());
        // A comment changes nothing on the canvas: once that is known it says nothing more.
        QVERIFY2(w.canvas()->statusText().isEmpty(), qPrintable(w.canvas()->statusText()));
        QTest::keyClicks(editor, " twice");
        QVERIFY(editor->toPlainText().contains("# seen twice"));

        w.findBar()->field()->setFocus();
        QTest::keyClick(w.findBar()->field(), Qt::Key_Escape);
        QVERIFY(!w.findBar()->isVisible());
    }

    void filtersNarrowResourcesAndProblems() {
        MainWindow w;
        w.show();
        QVERIFY(test::openAndWait(w, {m_mesh}));
        QTreeView *tree = w.resourceView();
        w.resourcesPanel()->setFilterText("-013");
        QStringList leaves;
        for (int ns = 0; ns < tree->model()->rowCount(); ++ns) {
            const QModelIndex n = tree->model()->index(ns, 0);
            for (int k = 0; k < tree->model()->rowCount(n); ++k) {
                const QModelIndex kind = tree->model()->index(k, 0, n);
                for (int r = 0; r < tree->model()->rowCount(kind); ++r)
                    leaves << tree->model()->index(r, 0, kind).data().toString();
            }
        }
        leaves.sort();
        QCOMPARE(leaves, QStringList({"dr-013", "se-013", "vs-013"}));
        w.resourcesPanel()->setFilterText(QString());
        QVERIFY(tree->model()->rowCount() >= 2);

        auto *problems = w.findChild<QTableView *>("problems");
        QCOMPARE(problems->model()->rowCount(), 30);
        w.problemsPanel()->setFilterText("dr-013");
        QCOMPARE(problems->model()->rowCount(), 1);
        QVERIFY(w.problemsPanel()->summaryText().contains("1 shown"));
        // Activating the one row shown goes to its resource.
        Q_EMIT problems->activated(problems->model()->index(0, 0));
        QCOMPARE(w.selectedResources(),
                 QVector<ResourceId>{findResource(w, Kind::DestinationRule, "dr-013")->id});
    }

    void routesAreDesignedFromTheKeyboard() {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(test::openAndWait(w, {m_mesh}));
        const Resource *se = findResource(w, Kind::ServiceEntry, "se-005");
        QVERIFY(se);
        w.selectResource(se->id);
        QString prefilled;
        DialogAnswer<views::RouteDialog> answer([&](views::RouteDialog *d) {
            prefilled = d->request().host;
            d->patternBox()->setCurrentText("tls-passthrough"); // it goes through on 80 already
            QTest::keyClick(d, Qt::Key_Return);                 // OK is the default button
        });
        QAction *addRoute = w.action("addRoute");
        QCOMPARE(addRoute->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
        QTest::keySequence(&w, addRoute->shortcut());
        QVERIFY(answer.seen());
        QCOMPARE(prefilled, hostName(5));
        QVERIFY2(w.session()->undoStack()->undoText().contains(hostName(5)),
                 qPrintable(w.session()->undoStack()->undoText()));
    }

    void aLongOpenShowsItsStagesAndCanBeCancelled() {
        MainWindow w;
        w.show();
        const QByteArray before = w.session()->workspace().fileBytes(0);
        QSignalSpy cancelled(w.session(), &EditorSession::openCancelled);
        w.openPaths({m_mesh});
        auto *stage = w.findChild<QLabel *>("stage");
        auto *cancel = w.findChild<QToolButton *>("cancelOpen");
        QVERIFY(stage->isVisibleTo(&w));
        QVERIFY(stage->text().startsWith("Reading"));
        QVERIFY(cancel->isVisibleTo(&w));
        cancel->click();
        QVERIFY(cancelled.wait(30000));
        QVERIFY(!cancel->isVisibleTo(&w));
        QCOMPARE(w.session()->workspace().files().size(), 1); // what was open before stays
        QCOMPARE(w.session()->workspace().fileBytes(0), before);
        QVERIFY(w.session()->openedPaths().isEmpty());
        // And opening again goes all the way, stage by stage, to a window that is up to date.
        QVERIFY(test::openAndWait(w, {m_mesh}));
        QVERIFY(!stage->isVisibleTo(&w));
        QVERIFY(w.session()->workspace().resources().size() > 100);
    }
};

QTEST_MAIN(TestWindowAtScale)
#include "tst_window_at_scale.moc"

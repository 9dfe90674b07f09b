// The Installation dock as a person uses it: it lists the gateways and where each comes from,
// adds a port to one (one undo step; the findings follow), and writes the edit as an
// IstioOperator overlay that Egret reads back.
#include "GuiTestSupport.h"
#include "TestSupport.h"

#include "model/mesh/MeshConfig.h"
#include "views/panels/InstallationPanel.h"

#include <QDockWidget>
#include <QFileDialog>
#include <QInputDialog>
#include <QPushButton>
#include <QTreeWidget>
#include <QUndoStack>

using namespace egret;

namespace {

// Answers the next modal dialog of type D with `answer` as soon as it shows.
template <class D> class DialogAnswer : public QObject {
public:
    explicit DialogAnswer(std::function<void(D *)> answer)
        : m_answer(std::move(answer)) {
        connect(&m_timer, &QTimer::timeout, this, [this] {
            if (auto *d = qobject_cast<D *>(QApplication::activeModalWidget())) {
                m_timer.stop();
                m_asked = true;
                m_answer(d);
            }
        });
        m_timer.start(10);
    }
    bool asked() const { return m_asked; }

private:
    QTimer m_timer;
    std::function<void(D *)> m_answer;
    bool m_asked = false;
};

QTreeWidgetItem *row(views::InstallationPanel *panel, const QString &gateway) {
    QTreeWidget *view = panel->view();
    for (int i = 0; i < view->topLevelItemCount(); ++i)
        if (view->topLevelItem(i)->text(0) == gateway)
            return view->topLevelItem(i);
    return nullptr;
}

} // namespace

class TestInstallationDock : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void listsAddsAPortAndSaves() {
        gui::MainWindow w;
        w.resize(1400, 900);
        w.show();
        QVERIFY(test::openAndWait(
            w, {test::dataFile(QStringLiteral("installation/helm-egress-repo.yaml"))}));
        auto *dock = w.findChild<QDockWidget *>(QStringLiteral("installationDock"));
        QVERIFY(dock);
        dock->raise();
        QCoreApplication::processEvents();
        views::InstallationPanel *panel = w.installationPanel();

        // The gateway the routes send to, inferred, with why.
        QTreeWidgetItem *egress = row(panel, QStringLiteral("istio-egress/istio-egressgateway"));
        QVERIFY(egress);
        QCOMPARE(egress->text(1), QStringLiteral("egress"));
        QCOMPARE(egress->text(2), QStringLiteral("15021, 80, 443"));
        QVERIFY(egress->text(3).startsWith("inferred: assumed installed there: VirtualService "
                                           "shop/httpbin-via-egress"));
        QVERIFY(panel->summaryText().contains("Outbound traffic: ALLOW_ANY"));
        QVERIFY(panel->summaryText().contains("no installation document read"));

        // Add Port with the keyboard-reachable button: one undo step.
        egress->setSelected(true);
        auto *addPort = panel->findChild<QPushButton *>();
        for (QPushButton *b : panel->findChildren<QPushButton *>())
            if (b->text().contains("Port"))
                addPort = b;
        QVERIFY(addPort->isEnabled());
        const int steps = w.session()->undoStack()->count();
        DialogAnswer<QInputDialog> port([](QInputDialog *d) {
            d->setIntValue(7777);
            d->accept();
        });
        addPort->click();
        QVERIFY(port.asked());
        QVERIFY(test::waitUntilCaughtUp(w));
        egress = row(panel, QStringLiteral("istio-egress/istio-egressgateway"));
        QCOMPARE(egress->text(2), QStringLiteral("15021, 80, 443, 7777"));
        QCOMPARE(egress->text(3), QStringLiteral("as edited in the Installation panel"));
        QCOMPARE(w.session()->undoStack()->count(), steps + 1);
        QCOMPARE(w.session()->undoStack()->undoText(),
                 QStringLiteral("Add port 7777 to gateway istio-egress/istio-egressgateway"));

        // Saved as an IstioOperator overlay that reads back with the port.
        QTemporaryDir dir;
        const QString path = dir.filePath("overlay.yaml");
        DialogAnswer<QFileDialog> save([&](QFileDialog *d) {
            d->selectFile(path);
            QMetaObject::invokeMethod(d, "accept"); // QFileDialog::accept is protected
        });
        for (QPushButton *b : panel->findChildren<QPushButton *>())
            if (b->text().contains("Edits"))
                b->click();
        QVERIFY(save.asked());
        MeshConfig read;
        Diagnostics problems;
        QVERIFY2(loadMeshConfig(path, &read, &problems), qPrintable(test::readFile(path)));
        QCOMPARE(read.installation.size(), 1);
        const InstalledGateway &g = read.installation[0].spec.gateways.value(0);
        QCOMPARE(g.name, QStringLiteral("istio-egressgateway"));
        QCOMPARE(g.ns, QStringLiteral("istio-egress"));
        QCOMPARE(g.ports.last().port, std::optional<qint64>(7777));

        // Undo gives the installation back.
        w.session()->undoStack()->undo();
        QVERIFY(test::waitUntilCaughtUp(w));
        egress = row(panel, QStringLiteral("istio-egress/istio-egressgateway"));
        QCOMPARE(egress->text(2), QStringLiteral("15021, 80, 443"));
    }
};

QTEST_MAIN(TestInstallationDock)
#include "tst_installation_dock.moc"

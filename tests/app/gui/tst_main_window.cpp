// The main window as a platform engineer uses it: open, select, edit in Properties and in the
// YAML dock, undo, save, close.
#include "GuiTestSupport.h"
#include "TestSupport.h"
#include "app/gui/ChangeReview.h"

#include "views/panels/ProblemsModel.h"
#include "views/panels/ResourceTreeModel.h"
#include "views/panels/YamlEditor.h"
#include "views/properties/PropertiesPanel.h"
#include "views/properties/PropertyTreeModel.h"

#include <QAction>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTextBlock>
#include <QTreeView>
#include <QUndoStack>

using namespace egret;
using namespace egret::gui;
using egret::views::PropertyTreeModel;

class TestMainWindow : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString copy(const QString &dataName) {
        const QString target = m_dir.filePath(QFileInfo(dataName).fileName());
        QFile::remove(target);
        QFile::copy(test::dataFile(dataName), target);
        QFile(target).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        return target;
    }

    static const Resource *find(const MainWindow &w, const QString &kind, const QString &name) {
        for (const Resource *r : w.session()->workspace().resources())
            if (r->kindName == kind && r->meta.name == name)
                return r;
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true); // settings and recovery go to a test location
    }

    void opensManifestsWithProgressAndShowsThem() {
        MainWindow w;
        w.show();
        QVERIFY(test::openAndWait(w, {copy("foundation/mixed.yaml")}));
        QCOMPARE(w.session()->workspace().resources().size(), 6);
        QVERIFY(w.windowTitle().startsWith("mixed.yaml"));
        QVERIFY(!w.isWindowModified());
        // The resource tree lists them by namespace and kind.
        auto *tree = w.resourceView();
        QCOMPARE(tree->model()->rowCount(), 3);
        test::screenshot(w, "main-window-mixed");
    }

    void selectionIsTheSameEverywhere() {
        MainWindow w;
        QVERIFY(test::openAndWait(w, {copy("foundation/mixed.yaml")}));
        const Resource *dr = find(w, "DestinationRule", "stripe");
        w.selectResource(dr->id, "spec.trafficPolicy.tls.mode");
        QCOMPARE(w.propertiesPanel()->resourceId(), dr->id);
        QCOMPARE(w.yamlEditor()->documentId(), dr->id.document);
        QCOMPARE(w.yamlEditor()->textCursor().block().text(), QStringLiteral("      mode: SIMPLE"));
        const QModelIndex current = w.propertiesPanel()->view()->currentIndex();
        QCOMPARE(w.propertiesPanel()->model()->pathAt(current),
                 QStringLiteral("spec.trafficPolicy.tls.mode"));
        const QModelIndexList rows = w.resourceView()->selectionModel()->selectedRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().data().toString(), QStringLiteral("stripe"));
    }

    void editInPropertiesThenUndoGivesBackTheBytes() {
        MainWindow w;
        const QString path = copy("foundation/mixed.yaml");
        QVERIFY(test::openAndWait(w, {path}));
        const QByteArray before = w.session()->workspace().fileBytes(0);
        const Resource *se = find(w, "ServiceEntry", "stripe");
        w.selectResource(se->id);
        PropertyTreeModel *form = w.propertiesPanel()->model();
        QVERIFY(form->setData(form->indexOfPath("spec.resolution").siblingAtColumn(1), "STATIC"));
        QCOMPARE(find(w, "ServiceEntry", "stripe")->as<ServiceEntry>()->resolution,
                 QStringLiteral("STATIC"));
        QVERIFY(w.isWindowModified());
        QCOMPARE(w.session()->undoStack()->undoText(),
                 QStringLiteral("Set spec.resolution to STATIC of ServiceEntry stripe"));
        // The comment on the same document survives the edit.
        QVERIFY(w.session()->workspace().fileBytes(0).contains(
            "version: \"1.2\"        # a string, not a number"));
        w.action("undo")->trigger();
        QCOMPARE(w.session()->workspace().fileBytes(0), before);
        QVERIFY(!w.isWindowModified());
        w.action("redo")->trigger();
        QCOMPARE(find(w, "ServiceEntry", "stripe")->as<ServiceEntry>()->resolution,
                 QStringLiteral("STATIC"));
    }

    void editInTheYamlDockIsOneUndoStep() {
        MainWindow w;
        QVERIFY(test::openAndWait(w, {copy("foundation/mixed.yaml")}));
        const QByteArray before = w.session()->workspace().fileBytes(0);
        const Resource *vs = find(w, "VirtualService", "stripe-timeouts");
        w.selectResource(vs->id);
        views::YamlEditor *editor = w.yamlEditor();
        QString text = editor->toPlainText();
        text.replace("number: 443\n", "number: 8443\n");
        editor->setPlainText(text); // as typed
        editor->commitNow();
        QCOMPARE(find(w, "VirtualService", "stripe-timeouts")
                     ->as<VirtualService>()
                     ->tls[0]
                     .route[0]
                     .destination.port,
                 8443);
        // The broken YAML a user types half-way is reported, not lost.
        editor->setPlainText(text + "spec: [\n");
        editor->commitNow();
        QVERIFY(w.isCatchingUp()); // the window did not wait for the validator
        QVERIFY(test::waitUntilCaughtUp(w));
        QVERIFY(w.problemsModel()->count(Severity::Error) > 0);
        QCOMPARE(w.session()->undoStack()->count(), 1); // typing in one document merges
        w.action("undo")->trigger();
        QCOMPARE(w.session()->workspace().fileBytes(0), before);
    }

    void savingAfterOneEditKeepsEveryOtherDocumentByteForByte() {
        MainWindow w;
        const QString path = copy("foundation/mixed.yaml");
        const QByteArray before = test::readFile(path);
        QVERIFY(test::openAndWait(w, {path}));
        const Resource *dr = find(w, "DestinationRule", "stripe");
        w.selectResource(dr->id);
        PropertyTreeModel *form = w.propertiesPanel()->model();
        QVERIFY(
            form->setData(form->indexOfPath("spec.trafficPolicy.connectionPool.tcp.maxConnections")
                              .siblingAtColumn(1),
                          "250"));
        {
            // Save shows the change first: one line, in the DestinationRule, no finding changed.
            test::ReviewAnswer review(true);
            w.action("save")->trigger();
            QVERIFY(review.asked());
            QCOMPARE(review.diffs().size(), 1);
            QVERIFY2(review.diffs()[0].contains("DestinationRule payments/stripe\n") &&
                         review.diffs()[0].contains("\n-        maxConnections: 100\n"
                                                    "+        maxConnections: 250\n"),
                     qPrintable(review.diffs()[0]));
            QVERIFY(review.findings().contains("neither adds nor removes"));
        }
        QVERIFY(!w.isWindowModified());
        const QByteArray after = test::readFile(path);
        QByteArray expected = before;
        expected.replace("maxConnections: 100", "maxConnections: 250");
        QCOMPARE(after, expected);
    }

    // Cancelling the review writes nothing; an edit that breaks a reference shows the finding
    // it adds; the review can be turned off for Save.
    void theReviewBeforeSavingCanBeCancelledOrTurnedOff() {
        MainWindow w;
        const QString path = copy("foundation/mixed.yaml");
        const QByteArray before = test::readFile(path);
        QVERIFY(test::openAndWait(w, {path}));
        w.selectResource(find(w, "ServiceEntry", "stripe")->id);
        PropertyTreeModel *form = w.propertiesPanel()->model();
        QVERIFY(form->setData(form->indexOfPath("spec.resolution").siblingAtColumn(1), "STATIC"));
        {
            test::ReviewAnswer cancel(false);
            w.action("save")->trigger();
            QVERIFY(cancel.asked());
            QVERIFY(cancel.diffs().value(0).contains("+  resolution: STATIC"));
        }
        QCOMPARE(test::readFile(path), before);
        QVERIFY(w.isWindowModified());
        setReviewBeforeSave(false);
        w.action("save")->trigger();
        setReviewBeforeSave(true);
        QVERIFY(test::readFile(path).contains("resolution: STATIC"));
        QVERIFY(!w.isWindowModified());
    }

    void problemsLeadToTheResourceAndField() {
        MainWindow w;
        QTemporaryDir dir;
        const QString path = dir.filePath("bad.yaml");
        test::writeFile(
            path, "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: bad}\n"
                  "spec:\n  hosts: [a.com]\n  resolution: dns\n");
        QVERIFY(test::openAndWait(w, {path}));
        QCOMPARE(w.problemsModel()->rowCount(), 1);
        auto *problems = w.findChild<QTableView *>("problems");
        Q_EMIT problems->activated(problems->model()->index(0, 0));
        QCOMPARE(w.selectedResources().size(), 1);
        QCOMPARE(w.propertiesPanel()->model()->pathAt(w.propertiesPanel()->view()->currentIndex()),
                 QStringLiteral("spec.resolution"));
        QCOMPARE(w.yamlEditor()->textCursor().block().text(), QStringLiteral("  resolution: dns"));
    }

    void deleteRemovesTheSelectedResourceAndUndoBringsItBack() {
        MainWindow w;
        QVERIFY(test::openAndWait(w, {copy("foundation/mixed.yaml")}));
        const QByteArray before = w.session()->workspace().fileBytes(0);
        w.selectResource(find(w, "ConfigMap", "settings")->id);
        w.resourceView()->setFocus();
        w.action("delete")->trigger();
        QVERIFY(!find(w, "ConfigMap", "settings"));
        QVERIFY(find(w, "Namespace", "payments")); // the other List item stays
        w.action("undo")->trigger();
        QCOMPARE(w.session()->workspace().fileBytes(0), before);
    }

    void closingWithUnsavedChangesAsks() {
        MainWindow w;
        w.show();
        QVERIFY(test::openAndWait(w, {copy("foundation/mixed.yaml")}));
        w.selectResource(find(w, "ServiceEntry", "stripe")->id);
        PropertyTreeModel *form = w.propertiesPanel()->model();
        form->setData(form->indexOfPath("spec.resolution").siblingAtColumn(1), "STATIC");
        {
            test::MessageBoxAnswer cancel(QMessageBox::Cancel);
            QVERIFY(!w.close());
            QVERIFY(cancel.asked());
            QVERIFY(cancel.text().contains("unsaved changes"));
        }
        QVERIFY(w.isVisible());
        test::MessageBoxAnswer discard(QMessageBox::Discard);
        QVERIFY(w.close());
        QVERIFY(discard.asked());
    }

    void savingOverAFileChangedOnDiskAsksFirst() {
        MainWindow w;
        w.show();
        const QString path = copy("foundation/mixed.yaml");
        QVERIFY(test::openAndWait(w, {path}));
        w.selectResource(find(w, "ServiceEntry", "stripe")->id);
        PropertyTreeModel *form = w.propertiesPanel()->model();
        QVERIFY(form->setData(form->indexOfPath("spec.resolution").siblingAtColumn(1), "STATIC"));
        const QByteArray theirs = test::readFile(path) + "# added by a colleague\n";
        QVERIFY(test::writeFile(path, theirs));
        {
            // The review says so and shows the file as it is now: their line would go.
            test::ReviewAnswer cancel(false);
            w.action("save")->trigger();
            QVERIFY(cancel.asked());
            QVERIFY(cancel.diffs().value(0).contains("changed by another program"));
            QVERIFY(cancel.diffs().value(0).contains("\n-# added by a colleague\n"));
        }
        QCOMPARE(test::readFile(path), theirs); // not overwritten
        QVERIFY(w.isWindowModified());
        {
            // Without the review, Save asks before overwriting.
            setReviewBeforeSave(false);
            test::MessageBoxAnswer cancel(QMessageBox::Cancel);
            w.action("save")->trigger();
            QVERIFY(cancel.asked());
            QVERIFY(cancel.text().contains("changed by another program"));
            setReviewBeforeSave(true);
        }
        QCOMPARE(test::readFile(path), theirs);
        test::ReviewAnswer overwrite(true);
        w.action("save")->trigger();
        QVERIFY(overwrite.asked());
        QVERIFY(test::readFile(path).contains("resolution: STATIC"));
        QVERIFY(!w.isWindowModified());
    }

    void aFileChangedByAnotherProgramOffersReload() {
        MainWindow w;
        const QString path = copy("foundation/workloads.yaml");
        QVERIFY(test::openAndWait(w, {path}));
        QVERIFY(!w.infoBar()->isVisible());
        test::writeFile(path,
                        test::readFile(path) +
                            "---\napiVersion: v1\nkind: Namespace\nmetadata: {name: added}\n");
        QTRY_VERIFY_WITH_TIMEOUT(w.infoBar()->isVisibleTo(&w), 10000);
        QVERIFY(w.infoBar()->key().startsWith("changed:"));
        auto *reload = w.infoBar()->findChild<QPushButton *>();
        QSignalSpy finished(w.session(), &EditorSession::openFinished);
        reload->click();
        QVERIFY(finished.wait(30000));
        QVERIFY(find(w, "Namespace", "added"));
    }

    void exportsAFolderPerNamespace() {
        MainWindow w;
        QVERIFY(test::openAndWait(w, {copy("foundation/mixed.yaml")}));
        QCOMPARE(w.action("exportFolder")->text(),
                 QStringLiteral("Export to Folder (one file per namespace)..."));
        QCOMPARE(w.action("save")->shortcut(), QKeySequence(QKeySequence::Save));
        QCOMPARE(w.action("undo")->shortcut(), QKeySequence(QKeySequence::Undo));
        QCOMPARE(w.action("open")->shortcut(), QKeySequence(QKeySequence::Open));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"

// Open Folder on a kustomization: the window asks how to read it, and rendered output stays
// read-only (edits and saving refused with a message; Export still works).
#include "GuiTestSupport.h"
#include "TestSupport.h"

#include "views/panels/YamlEditor.h"

#include <QAction>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QUndoStack>

using namespace egret;
using namespace egret::gui;

namespace {

// Answers the next message box through `answer` as soon as it shows, and keeps its text.
class FolderQuestion : public QObject {
public:
    explicit FolderQuestion(std::function<void(QMessageBox *)> answer)
        : m_answer(std::move(answer)) {
        connect(&m_timer, &QTimer::timeout, this, [this] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                m_timer.stop();
                m_text = box->text() + QLatin1Char('\n') + box->informativeText();
                m_asked = true;
                m_answer(box);
            }
        });
        m_timer.start(10);
    }
    bool asked() const { return m_asked; }
    QString text() const { return m_text; }

private:
    QTimer m_timer;
    std::function<void(QMessageBox *)> m_answer;
    bool m_asked = false;
    QString m_text;
};

QString renderData(const QString &name) {
    return test::dataFile(QStringLiteral("render/") + name);
}

bool openFolderAndWait(MainWindow &w, const QString &folder) {
    QSignalSpy finished(w.session(), &EditorSession::openFinished);
    w.openFolder(folder);
    if (finished.count() == 0 && !finished.wait(60000))
        return false;
    return test::waitUntilCaughtUp(w);
}

} // namespace

class TestOpenRendered : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // Enter takes the default: the files as they are, with a note that the folder is a
    // kustomization.
    void enterOpensTheFilesAsTheyAre() {
        MainWindow w;
        w.show();
        FolderQuestion question([](QMessageBox *box) { QTest::keyClick(box, Qt::Key_Return); });
        QVERIFY(openFolderAndWait(w, renderData("kustomize/base")));
        QVERIFY(question.asked());
        QVERIFY2(question.text().contains("holds a kustomization") &&
                     question.text().contains("kubectl kustomize"),
                 qPrintable(question.text()));
        const Workspace &ws = w.session()->workspace();
        QCOMPARE(ws.resources().size(), 2);
        for (const SourceFile &f : ws.files())
            QVERIFY(f.renderedBy.isEmpty());
        bool noted = false;
        for (const Diagnostic &d : w.session()->problems())
            noted |= d.severity == Severity::Info && d.message.contains("is a kustomization");
        QVERIFY(noted);
    }

    void cancelOpensNothing() {
        MainWindow w;
        FolderQuestion question([](QMessageBox *box) { QTest::keyClick(box, Qt::Key_Escape); });
        w.openFolder(renderData("kustomize/base"));
        QVERIFY(question.asked());
        QVERIFY(!w.session()->isOpening());
        QVERIFY(w.session()->workspace().resources().isEmpty());
    }

    void renderedIsReadOnly() {
        if (QStandardPaths::findExecutable(QStringLiteral("kubectl")).isEmpty())
            QSKIP("kubectl is not installed (Debian: kubernetes-client): opening a folder "
                  "rendered cannot be tested here");
        MainWindow w;
        w.show();
        FolderQuestion question([](QMessageBox *box) {
            auto *rendered = box->findChild<QPushButton *>(QStringLiteral("rendered"));
            QVERIFY(rendered && rendered->isEnabled());
            rendered->click();
        });
        const QString overlay = renderData("kustomize/overlays/prod");
        QVERIFY(openFolderAndWait(w, overlay));
        QVERIFY(question.asked());
        const Workspace &ws = w.session()->workspace();
        QCOMPARE(ws.files().size(), 1);
        QCOMPARE(ws.files()[0].path, overlay + " (kubectl kustomize)");
        QCOMPARE(ws.resources().size(), 2);
        QCOMPARE(ws.resources().first()->ns, QStringLiteral("shop-prod"));
        QVERIFY(w.statusBar()->currentMessage().contains("read-only"));

        // The YAML dock shows it read-only; an edit made anyway is refused with the reason.
        w.selectResource(ws.resources().first()->id);
        QVERIFY(w.yamlEditor()->isReadOnly());
        const QByteArray before = ws.fileBytes(0);
        QSignalSpy refused(w.session(), &EditorSession::errorOccurred);
        const DocumentId doc = ws.files()[0].documents.first();
        QVERIFY(!w.session()->replaceDocumentText(doc, "kind: Namespace\n", false));
        QCOMPARE(refused.count(), 1);
        QVERIFY(refused.first().first().toString().contains("never writes into rendered output"));
        QVERIFY(w.statusBar()->currentMessage().contains("never writes into rendered output"));
        QCOMPARE(ws.fileBytes(0), before);
        QVERIFY(!w.isWindowModified());
        QVERIFY(!w.session()->isModified());
        QVERIFY(!w.session()->undoStack()->canUndo());

        // Save says why it writes nothing; Save As is refused too; nothing is written.
        QAction *save = w.findChild<QAction *>(QStringLiteral("save"));
        QVERIFY(save);
        save->trigger();
        QVERIFY2(w.statusBar()->currentMessage().contains("never writes into rendered output"),
                 qPrintable(w.statusBar()->currentMessage()));
        QTemporaryDir dir;
        QString error;
        QVERIFY(!w.session()->saveAs(0, dir.filePath("prod.yaml"), &error));
        QVERIFY(error.contains("export it to a new file or folder"));
        QVERIFY(!QFile::exists(dir.filePath("prod.yaml")));
    }
};

QTEST_MAIN(TestOpenRendered)
#include "tst_open_rendered.moc"

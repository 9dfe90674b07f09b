// Never lose an edit: an editor killed mid-edit (SIGKILL) leaves its unsaved work behind, and the
// next start offers it back.
#include "GuiTestSupport.h"
#include "TestSupport.h"

#include <QProcess>
#include <QPushButton>

using namespace egret;

class TestRecoveryGui : public QObject {
    Q_OBJECT

    QTemporaryDir m_data; // XDG_DATA_HOME: where both editors keep recovery snapshots
    QTemporaryDir m_files;

    // Runs a child editor on `path`, waits for its autosave, and kills it.
    bool killChildAfterAutosave(const QString &path) {
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("XDG_DATA_HOME", m_data.path());
        env.insert("EGRET_AUTOSAVE_MS", "50");
        env.insert("QT_QPA_PLATFORM", "offscreen");
        child.setProcessEnvironment(env);
        child.start(QStringLiteral(RECOVERY_CHILD), {path});
        if (!child.waitForStarted(10000))
            return false;
        QByteArray out;
        while (!out.contains("autosaved") && child.waitForReadyRead(30000))
            out += child.readAllStandardOutput();
        if (!out.contains("autosaved"))
            return false;
        child.kill(); // SIGKILL: no chance to clean up
        child.waitForFinished(10000);
        return child.exitStatus() == QProcess::CrashExit;
    }

private Q_SLOTS:
    void initTestCase() {
        qputenv("XDG_DATA_HOME", m_data.path().toLocal8Bit());
        QApplication::setOrganizationName(QStringLiteral("egret"));
        QApplication::setApplicationName(QStringLiteral("egret"));
    }

    void restoreGivesBackTheUnsavedEdit() {
        const QString path = m_files.filePath("egress.yaml");
        const QByteArray original = test::readFile(test::dataFile("foundation/mixed.yaml"));
        QVERIFY(test::writeFile(path, original));
        QVERIFY(killChildAfterAutosave(path));
        QCOMPARE(test::readFile(path), original); // the user's file was never touched

        gui::MainWindow w;
        w.checkForRecovery();
        QVERIFY(w.infoBar()->isVisibleTo(&w));
        QCOMPARE(w.infoBar()->key(), QStringLiteral("recover"));
        QPushButton *restore = nullptr;
        for (QPushButton *b : w.infoBar()->findChildren<QPushButton *>())
            if (b->text() == QStringLiteral("Restore"))
                restore = b;
        QVERIFY(restore);
        restore->click();
        const Workspace &ws = w.session()->workspace();
        QCOMPARE(ws.files().size(), 1);
        QCOMPARE(ws.files()[0].path, path);
        QByteArray edited = original; // the child appended a comment to the first document
        edited.insert(original.indexOf("\n---\n") + 1, "# edited, not saved\n");
        QCOMPARE(ws.fileBytes(0), edited);
        QVERIFY(ws.isModified());
        QVERIFY(w.isWindowModified());
        // Restored work is this editor's now: a third start offers nothing more.
        gui::MainWindow third;
        third.checkForRecovery();
        QVERIFY(!third.infoBar()->isVisibleTo(&third));
    }

    void discardForgetsIt() {
        const QString path = m_files.filePath("other.yaml");
        QVERIFY(test::writeFile(path, "apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n"));
        QVERIFY(killChildAfterAutosave(path));
        gui::MainWindow w;
        w.checkForRecovery();
        QVERIFY(w.infoBar()->isVisibleTo(&w));
        for (QPushButton *b : w.infoBar()->findChildren<QPushButton *>())
            if (b->text() == QStringLiteral("Discard"))
                b->click();
        gui::MainWindow again;
        again.checkForRecovery();
        QVERIFY(!again.infoBar()->isVisibleTo(&again));
    }
};

QTEST_MAIN(TestRecoveryGui)
#include "tst_recovery_gui.moc"

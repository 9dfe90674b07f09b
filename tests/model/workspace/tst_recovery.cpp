// Unsaved work survives a crash: what the editor autosaves, and what restoring gives back.
#include "TestSupport.h"

#include "model/io/Loader.h"
#include "model/io/Recovery.h"

#include <QProcess>

using namespace egret;

namespace {

// The pid of a process that has certainly ended.
qint64 deadPid() {
    QProcess p;
    p.start(QStringLiteral("true"), QStringList());
    p.waitForFinished();
    return p.processId() > 0 ? p.processId() : 999999;
}

} // namespace

class TestRecovery : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void restoringGivesBackExactlyTheUnsavedState() {
        const QString a = m_dir.filePath("a.yaml");
        const QString b = m_dir.filePath("b.yaml");
        QVERIFY(test::writeFile(a, "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n"));
        QVERIFY(test::writeFile(
            b, "# untouched\napiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n"));
        Workspace ws = loadFiles({a, b});
        ws.appendDocument(0, "apiVersion: v1\nkind: Namespace\nmetadata: {name: unsaved}\n");
        const QByteArray unsaved = ws.fileBytes(0);

        const qint64 pid = deadPid(); // as if the editor had been killed
        RecoveryStore crashed(m_dir.filePath("recovery"), pid);
        QVERIFY(crashed.save(ws));
        QVERIFY(QFile::exists(crashed.ownDirectory() + "/snapshot.json"));
        // The user's files are not touched by autosave.
        QCOMPARE(test::readFile(a),
                 QByteArray("apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n"));

        RecoveryStore next(m_dir.filePath("recovery"));
        const QVector<RecoverySnapshot> orphans = next.orphans();
        QCOMPARE(orphans.size(), 1);
        QCOMPARE(orphans[0].modifiedFiles(), 1);
        const Workspace restored = RecoveryStore::restore(orphans[0]);
        QCOMPARE(restored.files().size(), 2);
        QCOMPARE(restored.files()[0].path, a);
        QCOMPARE(restored.fileBytes(0), unsaved);
        QVERIFY(restored.files()[0].modified);
        QVERIFY(!restored.files()[1].modified);
        QCOMPARE(restored.fileBytes(1), test::readFile(b));
        QCOMPARE(restored.resources().size(), 3);
        QVERIFY(!restored.changedOnDisk(0));

        QVERIFY(RecoveryStore::discard(orphans[0]));
        QVERIFY(next.orphans().isEmpty());
    }

    void aRunningEditorsSnapshotIsNotAnOrphan() {
        Workspace ws = loadBytes(m_dir.filePath("c.yaml"), "a: 1\n");
        ws.appendDocument(0, "b: 2\n");
        RecoveryStore mine(m_dir.filePath("recovery2"));
        QVERIFY(mine.save(ws));
        QVERIFY(RecoveryStore(m_dir.filePath("recovery2"))
                    .orphans()
                    .isEmpty()); // this process is alive
        mine.discardOwn();
        QVERIFY(!QDir(mine.ownDirectory()).exists());
    }

    void nothingUnsavedLeavesNoSnapshot() {
        Workspace ws = loadBytes(m_dir.filePath("d.yaml"), "a: 1\n");
        RecoveryStore store(m_dir.filePath("recovery3"));
        QVERIFY(store.save(ws));
        QVERIFY(!QDir(store.ownDirectory()).exists());
    }

    // File > New gives an untitled file that is not on disk: nothing to offer back until the
    // user writes something in it.
    void aNewEmptyFileIsNotWorkToKeep() {
        Workspace ws;
        const int file = ws.createFile(QStringLiteral("untitled:1.yaml"));
        RecoveryStore store(m_dir.filePath("recovery4"));
        QVERIFY(!RecoveryStore::hasUnsavedWork(ws));
        QVERIFY(store.save(ws));
        QVERIFY(!QDir(store.ownDirectory()).exists());

        ws.appendDocument(file, "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n");
        QVERIFY(RecoveryStore::hasUnsavedWork(ws));
        QVERIFY(store.save(ws));
        QVERIFY(QDir(store.ownDirectory()).exists());
        store.discardOwn();
    }
};

QTEST_GUILESS_MAIN(TestRecovery)
#include "tst_recovery.moc"

// The diff engine: hunks with context, line ends and the final newline shown, never normalized;
// every diff, applied with patch(1), gives back exactly the text after.
#include "TestSupport.h"

#include "model/diff/UnifiedDiff.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace egret;

namespace {

// `before` patched with the diff, as patch -p1 writes it.
QByteArray patched(const QByteArray &before, bool beforeExists, const QByteArray &patch) {
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("f.yaml"));
    if (beforeExists && !test::writeFile(file, before))
        return "(cannot write)";
    QProcess p;
    p.setWorkingDirectory(dir.path());
    p.start(QStringLiteral("patch"),
            {QStringLiteral("-p1"), QStringLiteral("--quiet"), QStringLiteral("--binary")});
    p.write(patch);
    p.closeWriteChannel();
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return "(patch failed: " + p.readAllStandardOutput() + p.readAllStandardError() + ")";
    return test::readFile(file);
}

} // namespace

class TestUnifiedDiff : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sameTextsGiveNothing() {
        QVERIFY(diff::unifiedDiff(QStringLiteral("f.yaml"), "a\nb\n", "a\nb\n").isEmpty());
        QVERIFY(diff::hunks("a\n", "a\n").isEmpty());
    }

    void aChangeComesWithThreeLinesOfContext() {
        const QByteArray before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        const QByteArray after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
        QCOMPARE(diff::unifiedDiff(QStringLiteral("f.yaml"), before, after),
                 QByteArray("--- a/f.yaml\n+++ b/f.yaml\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n"
                            " 6\n 7\n 8\n"));
    }

    void distantChangesAreSeparateHunks() {
        QByteArray before, after;
        for (int i = 1; i <= 20; ++i) {
            before += QByteArray::number(i) + '\n';
            after += (i == 2 || i == 18 ? QByteArray("x") : QByteArray::number(i)) + '\n';
        }
        const QVector<diff::Hunk> hunks = diff::hunks(before, after);
        QCOMPARE(hunks.size(), 2);
        QCOMPARE(hunks[0].beforeStart, 1);
        QCOMPARE(hunks[0].beforeCount, 5);
        QCOMPARE(hunks[1].beforeStart, 15);
    }

    // After the second "@@", where git names a function: the objects a hunk changes.
    void hunksNameTheObjectsTheyChange() {
        const QByteArray before = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\n"
                                  "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n"
                                  "  namespace: a\n";
        QByteArray after = before;
        after.replace("name: s\n", "name: t\n");
        const QByteArray d = diff::unifiedDiff(QStringLiteral("f.yaml"), before, after);
        QVERIFY2(d.contains("@@ Service a/s, Service a/t\n"), d.constData());
    }

    void aLineEndingChangeIsAChange() {
        const QByteArray d = diff::unifiedDiff(QStringLiteral("f.yaml"), "a\nb\n", "a\r\nb\n");
        QVERIFY(d.contains("-a\n+a\r\n"));
    }

    void aMissingFinalNewlineIsShown() {
        const QByteArray d = diff::unifiedDiff(QStringLiteral("f.yaml"), "a\nb", "a\nb\n");
        QVERIFY2(d.contains("-b\n\\ No newline at end of file\n+b\n"), d.constData());
    }

    void aNewFileIsFromDevNull() {
        const QByteArray d =
            diff::unifiedDiff(QStringLiteral("f.yaml"), {}, "a\nb\n", /*beforeExists=*/false);
        QCOMPARE(d, QByteArray("--- /dev/null\n+++ b/f.yaml\n@@ -0,0 +1,2 @@\n+a\n+b\n"));
    }

    // The property the command line promises: patch gives exactly the bytes after.
    void patchGivesExactlyTheTextAfter_data() {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QByteArray>("after");
        QTest::addColumn<bool>("beforeExists");
        QTest::newRow("created") << QByteArray() << QByteArray("a: 1\n") << false;
        QTest::newRow("emptied") << QByteArray("a: 1\nb: 2\n") << QByteArray() << true;
        QTest::newRow("appended") << QByteArray("a: 1\n") << QByteArray("a: 1\n---\nb: 2\n")
                                  << true;
        QTest::newRow("crlf kept") << QByteArray("a: 1\r\nb: 2\r\nc: 3\r\n")
                                   << QByteArray("a: 1\r\nb: 20\r\nc: 3\r\n") << true;
        QTest::newRow("final newline added")
            << QByteArray("a: 1\nb: 2") << QByteArray("a: 1\nb: 2\nc: 3\n") << true;
        QTest::newRow("final newline dropped")
            << QByteArray("a: 1\nb: 2\n") << QByteArray("a: 1\nb: 3") << true;
        QTest::newRow("mixed ends")
            << QByteArray("a\r\nb\nc\r\nd\n") << QByteArray("a\nb\r\nc\r\nX\nd\n") << true;
        QByteArray big, bigAfter;
        for (int i = 0; i < 500; ++i) {
            big += "line " + QByteArray::number(i) + '\n';
            bigAfter += (i % 37 == 0 ? "changed " : "line ") + QByteArray::number(i) + '\n';
            if (i % 91 == 0)
                bigAfter += "inserted\n";
        }
        QTest::newRow("many hunks") << big << bigAfter << true;
    }
    void patchGivesExactlyTheTextAfter() {
        QFETCH(QByteArray, before);
        QFETCH(QByteArray, after);
        QFETCH(bool, beforeExists);
        if (QStandardPaths::findExecutable(QStringLiteral("patch")).isEmpty())
            QSKIP("patch is not installed (apt install patch)");
        const QByteArray d =
            diff::unifiedDiff(QStringLiteral("f.yaml"), before, after, beforeExists, true);
        QCOMPARE(patched(before, beforeExists, d), after);
    }
};

QTEST_GUILESS_MAIN(TestUnifiedDiff)
#include "tst_unified_diff.moc"

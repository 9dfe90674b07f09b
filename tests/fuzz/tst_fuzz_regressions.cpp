// Every input that once crashed a fuzz target, or broke one of its properties, minimized and
// kept under tests/data/fuzz-regressions/<target>/, replayed through the same checks.
#include "TestSupport.h"

#include "checks/FuzzChecks.h"

using namespace egret;

class TestFuzzRegressions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void inputsOnceFoundByTheFuzzers_data() {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("path");
        for (const fuzz::Target &t : fuzz::targets()) {
            const QDir dir(
                test::dataFile(QStringLiteral("fuzz-regressions/") + QLatin1String(t.name)));
            for (const QString &name : dir.entryList(QDir::Files, QDir::Name))
                QTest::newRow(qPrintable(QLatin1String(t.name) + QLatin1Char('/') + name))
                    << QString::fromLatin1(t.name) << dir.filePath(name);
        }
    }
    void inputsOnceFoundByTheFuzzers() {
        QFETCH(QString, target);
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        for (const fuzz::Target &t : fuzz::targets()) {
            if (target == QLatin1String(t.name)) {
                const QString failure = t.check(file.readAll());
                QVERIFY2(failure.isEmpty(), qPrintable(failure));
            }
        }
    }

    // The seeds the fuzzers start from pass too: the properties hold on ordinary files.
    void theProjectsOwnTestData() { checkEveryFileUnder(QStringLiteral(EGRET_TEST_DATA)); }

    // The fuzzers' other seeds, Istio's own manifests: a property they break is found here, in
    // the ordinary suite, before a fuzzing run stumbles on it.
    void theIstioCorpus() {
        EGRET_REQUIRE_CORPUS();
        checkEveryFileUnder(test::corpusDir());
    }

private:
    // Every YAML file under `dir` through every fuzz target's checks.
    void checkEveryFileUnder(const QString &dir) {
        QDirIterator it(dir, {QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files,
                        QDirIterator::Subdirectories);
        int n = 0;
        while (it.hasNext()) {
            const QString path = it.next();
            const QByteArray bytes = test::readFile(path);
            for (const fuzz::Target &t : fuzz::targets()) {
                const QString failure = t.check(bytes);
                QVERIFY2(failure.isEmpty(),
                         qPrintable(path + QStringLiteral(" (") + QLatin1String(t.name) +
                                    QStringLiteral("): ") + failure));
            }
            ++n;
        }
        QVERIFY(n > 0);
    }
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzz_regressions.moc"

// Istio parity: every networking case of istioctl's analyzer tests (the corpus' expected.tsv),
// run as Istio's harness runs it: one analyzer, only its input kinds, no default namespace, the
// default ingress gateway injected, the case's mesh config.
#include "TestSupport.h"

#include "model/io/Loader.h"
#include "model/validation/Rule.h"
#include "model/validation/Validator.h"

#include <QMap>

using namespace egret;
using namespace egret::validation;

namespace {

struct Case {
    QString analyzer;
    QStringList inputs;
    QString meshConfig;
    QStringList expected; // "CODE Kind ns/name", one per expected message
};

QString analyzersDir() {
    return test::corpusDir() + QStringLiteral("/istio-analyzers");
}

QMap<QString, Case> readCases(QStringList *order) {
    QMap<QString, Case> cases;
    const QList<QByteArray> lines =
        test::readFile(analyzersDir() + QStringLiteral("/expected.tsv")).split('\n');
    for (int i = 1; i < lines.size(); ++i) {
        const QStringList cols = QString::fromUtf8(lines[i]).split(QLatin1Char('\t'));
        if (cols.size() < 7)
            continue;
        if (!cases.contains(cols[0]))
            *order << cols[0];
        Case &c = cases[cols[0]];
        c.analyzer = cols[1];
        c.inputs = cols[2].split(QLatin1Char(','));
        c.meshConfig = cols[6] == QLatin1String("-") ? QString() : cols[6];
        if (cols[3] != QLatin1String("-"))
            c.expected << cols[3] + QLatin1Char(' ') + cols[5];
    }
    return cases;
}

} // namespace

class TestValidationParity : public QObject {
    Q_OBJECT

    int m_expected = 0;
    int m_found = 0;
    int m_unexpected = 0;
    int m_cases = 0;

private Q_SLOTS:
    void parity_data() {
        EGRET_REQUIRE_CORPUS();
        QTest::addColumn<QString>("analyzer");
        QTest::addColumn<QStringList>("inputs");
        QTest::addColumn<QString>("meshConfig");
        QTest::addColumn<QStringList>("expected");
        QStringList order;
        const QMap<QString, Case> cases = readCases(&order);
        QVERIFY(cases.size() >= 40);
        for (const QString &name : order) {
            const Case &c = cases[name];
            QTest::newRow(qPrintable(name)) << c.analyzer << c.inputs << c.meshConfig << c.expected;
        }
    }

    void parity() {
        QFETCH(QString, analyzer);
        QFETCH(QStringList, inputs);
        QFETCH(QString, meshConfig);
        QFETCH(QStringList, expected);
        QVERIFY2(ruleByName(analyzer), qPrintable(QStringLiteral("no rule %1").arg(analyzer)));

        QStringList files;
        for (const QString &f : inputs)
            files << analyzersDir() + QLatin1Char('/') + f;
        LoadOptions load;
        load.parse.defaultNamespace = QString(); // Istio's harness sets none
        const Workspace ws = loadFiles(files, load);

        ValidatorOptions options;
        options.rules = {analyzer};
        if (!meshConfig.isEmpty()) {
            Diagnostics problems;
            QVERIFY(loadMeshConfig(analyzersDir() + QLatin1Char('/') + meshConfig, &options.mesh,
                                   &problems));
        }
        QStringList found;
        for (const Finding &f : validate(ws, options))
            found << QLatin1String(f.type->code) + QLatin1Char(' ') + f.resource.toString();

        // Multisets: what was expected and found, what is missing, what is extra.
        QStringList missing = expected, extra;
        for (const QString &f : found) {
            if (missing.removeOne(f))
                ++m_found;
            else
                extra << f;
        }
        m_expected += int(expected.size());
        m_unexpected += int(extra.size());
        ++m_cases;
        QVERIFY2(missing.isEmpty() && extra.isEmpty(),
                 qPrintable(QStringLiteral("missing: [%1]; unexpected: [%2]")
                                .arg(missing.join(QStringLiteral("; ")),
                                     extra.join(QStringLiteral("; ")))));
    }

    void cleanupTestCase() {
        if (m_cases > 0)
            qInfo("Istio parity: %d cases, %d/%d expected messages found, %d unexpected", m_cases,
                  m_found, m_expected, m_unexpected);
    }
};

QTEST_GUILESS_MAIN(TestValidationParity)
#include "tst_validation_parity.moc"

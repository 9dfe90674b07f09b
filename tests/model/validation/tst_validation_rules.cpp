// Rules on Egret's own test data. Per EGR code a file with the mistake and the findings written
// beside it (.expected), and a corrected file on which no rule says anything; and cases for the
// Istio rules the corpus' parity table does not cover (istio/*.expected names its rule).
#include "ValidationTestSupport.h"

#include "model/validation/Rule.h"

#include <QDir>

using namespace egret;
using namespace egret::validation;

namespace {

// The rule that emits an EGR message.
const Rule *ruleFor(const MessageType *m) {
    for (const Rule *r : allRules())
        if (r->messages.contains(m))
            return r;
    return nullptr;
}

QVector<const MessageType *> egressMessages() {
    QVector<const MessageType *> out;
    for (const MessageType *m : allMessages())
        if (QByteArray(m->code).startsWith("EGR"))
            out << m;
    return out;
}

} // namespace

class TestValidationRules : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void mistakes_data() {
        QTest::addColumn<QString>("code");
        for (const MessageType *m : egressMessages())
            QTest::newRow(m->code) << QString::fromLatin1(m->code);
    }

    // The mistake, checked by its rule alone: exactly the findings written beside it, with their
    // field paths and positions.
    void mistakes() {
        QFETCH(QString, code);
        const Rule *rule = ruleFor(messageByCode(code));
        QVERIFY(rule);
        const QString file = test::validationData(QStringLiteral("egress/%1.yaml").arg(code));
        QVERIFY2(QFile::exists(file), qPrintable(file));
        ValidatorOptions options;
        options.rules = {QLatin1String(rule->name)};
        QStringList found = test::findingLines(test::validateFiles({file}, options));
        QStringList expected = test::expectedLines(
            test::validationData(QStringLiteral("egress/%1.expected").arg(code)));
        QVERIFY(!expected.isEmpty());
        found.sort();
        expected.sort();
        QCOMPARE(found, expected);
    }

    void istioCases_data() {
        QTest::addColumn<QString>("name");
        QDir dir(test::validationData(QStringLiteral("istio")));
        const QStringList cases = dir.entryList({QStringLiteral("*.expected")}, QDir::Files);
        QVERIFY(!cases.isEmpty());
        for (const QString &c : cases)
            QTest::newRow(qPrintable(c)) << c.chopped(int(qstrlen(".expected")));
    }

    // The first line of the .expected file names the rule: "# rule NAME: ...".
    void istioCases() {
        QFETCH(QString, name);
        const QString expectedFile =
            test::validationData(QStringLiteral("istio/%1.expected").arg(name));
        const QString header = QString::fromUtf8(test::readFile(expectedFile).split('\n').first());
        const QString rule = header.section(QLatin1Char(' '), 2, 2).remove(QLatin1Char(':'));
        QVERIFY2(ruleByName(rule), qPrintable(header));
        ValidatorOptions options;
        options.rules = {rule};
        QStringList found = test::findingLines(test::validateFiles(
            {test::validationData(QStringLiteral("istio/%1.yaml").arg(name))}, options));
        QStringList expected = test::expectedLines(expectedFile);
        found.sort();
        expected.sort();
        QCOMPARE(found, expected);
    }

    void cleanFiles_data() { mistakes_data(); }

    // The corrected configuration, checked by every rule: nothing to say.
    void cleanFiles() {
        QFETCH(QString, code);
        const QString file = test::validationData(QStringLiteral("egress/%1-clean.yaml").arg(code));
        QVERIFY2(QFile::exists(file), qPrintable(file));
        const QStringList found = test::findingLines(test::validateFiles({file}));
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }

    // Findings that need the installed egress gateway say so, and go once it is not assumed.
    void assumedGatewayIsNamed() {
        const QString file = test::validationData(QStringLiteral("egress/EGR0001.yaml"));
        const QVector<Finding> assumed = test::validateFiles({file});
        QCOMPARE(assumed.size(), 1);
        QCOMPARE(assumed[0].assumedGateways(),
                 QStringList{QStringLiteral("istio-system/istio-egressgateway")});
        QVERIFY(assumed[0].toDiagnostic().message.contains(
            QStringLiteral("assumed installed gateway istio-system/istio-egressgateway")));

        ValidatorOptions none;
        none.assumeGateways = false;
        QStringList codes;
        for (const Finding &f : test::validateFiles({file}, none))
            codes << QLatin1String(f.type->code);
        // Without the gateway's pods the Gateway selects nothing, and the mesh route's host is
        // no gateway at all.
        QVERIFY2(!codes.contains(QStringLiteral("EGR0001")), qPrintable(codes.join(' ')));
        QVERIFY2(codes.contains(QStringLiteral("IST0101")), qPrintable(codes.join(' ')));
    }

    // A gateway Deployment in the manifests replaces the assumed one.
    void realGatewayReplacesAssumedOne() {
        QTemporaryDir dir;
        const QString gateway = dir.filePath(QStringLiteral("gateway.yaml"));
        test::writeFile(gateway,
                        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n"
                        "  name: my-egress\n  namespace: istio-system\nspec:\n"
                        "  selector:\n    matchLabels: {istio: egressgateway}\n"
                        "  template:\n    metadata:\n"
                        "      labels: {istio: egressgateway, app: my-egress}\n"
                        "    spec:\n      containers: [{name: istio-proxy, image: auto}]\n");
        const QString file = test::validationData(QStringLiteral("egress/EGR0001-clean.yaml"));
        QStringList codes;
        for (const Finding &f : test::validateFiles({file, gateway})) {
            codes << QLatin1String(f.type->code);
            QVERIFY(f.assumedGateways().isEmpty());
        }
        // The chain now leads to a gateway Service that is not in the manifests.
        QVERIFY2(codes.contains(QStringLiteral("IST0101")), qPrintable(codes.join(' ')));
    }
};

QTEST_GUILESS_MAIN(TestValidationRules)
#include "tst_validation_rules.moc"

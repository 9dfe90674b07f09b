// `egret validate` and `egret export --strict`, run as a user runs them.
#include "ValidationTestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace egret;

class TestCliValidate : public QObject {
    Q_OBJECT

    using Run = egret::test::EgretRun;
    static Run egret(const QStringList &args) { return egret::test::runEgret(args); }

    static QString data(const char *name) { return test::validationData(QLatin1String(name)); }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(QFile::exists(test::egretBinary()), "EGRET_BINARY not set"); }

    void help() {
        QVERIFY(egret({"--help"}).out.contains("validate"));
        const Run r = egret({"validate", "--help"});
        QCOMPARE(r.exitCode, 0);
        for (const char *option :
             {"--mesh-config", "--output", "--failure-threshold", "--namespace", "--rules",
              "--list-rules", "--no-default-gateways"})
            QVERIFY2(r.out.contains(option), option);
    }

    void textLineInIstioctlStyle() {
        const Run r = egret({"validate", data("egress/EGR0001.yaml")});
        QCOMPARE(r.exitCode, 1);
        const QStringList lines = QString::fromUtf8(r.out).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1);
        const QRegularExpression style(
            QStringLiteral(R"(^Error \[EGR0001\] \(VirtualService shop/httpbin-to-egress )"
                           R"(\S+/EGR0001\.yaml:77:9\) Mesh traffic for "httpbin\.org" .* )"
                           R"(\(relies on the assumed installed gateway )"
                           R"(istio-system/istio-egressgateway\)$)"));
        QVERIFY2(style.match(lines[0]).hasMatch(), qPrintable(lines[0]));
    }

    void exitStatusFollowsTheThreshold() {
        const Run clean = egret({"validate", data("egress/EGR0001-clean.yaml")});
        QCOMPARE(clean.exitCode, 0);
        QVERIFY(clean.out.isEmpty());
        QVERIFY(clean.err.contains("No validation issues found in 1 file(s).\n"));
        // EGR0006 is a warning: below the default threshold, at the Warning one.
        QCOMPARE(egret({"validate", data("egress/EGR0006.yaml")}).exitCode, 0);
        QCOMPARE(egret({"validate", data("egress/EGR0006.yaml"), "--failure-threshold", "Warning"})
                     .exitCode,
                 1);
        QCOMPARE(egret({"validate", data("egress/EGR0009.yaml"), "--failure-threshold", "warning"})
                     .exitCode,
                 0);
        QCOMPARE(egret({"validate", data("egress/EGR0009.yaml"), "--failure-threshold", "Info"})
                     .exitCode,
                 1);
    }

    void unreadableInputIsExitTwo() {
        QCOMPARE(egret({"validate", "/nonexistent.yaml"}).exitCode, 2);
        QCOMPARE(egret({"validate", data("egress/EGR0001.yaml"), "--rules", "no.Such"}).exitCode,
                 2);
        QCOMPARE(egret({"validate", data("egress/EGR0001.yaml"), "-o", "xml"}).exitCode, 2);
        QCOMPARE(egret({"validate", data("egress/EGR0001.yaml"), "--failure-threshold", "Fatal"})
                     .exitCode,
                 2);
        QCOMPARE(egret({"validate", data("egress/EGR0001.yaml"), "--mesh-config", "/nonexistent"})
                     .exitCode,
                 2);
        QCOMPARE(egret({"validate"}).exitCode, 2);
    }

    void json() {
        const Run r = egret({"validate", "-o", "json", data("egress/EGR0004.yaml")});
        QCOMPARE(r.exitCode, 1);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
        QVERIFY2(doc.isArray(), qPrintable(error.errorString()));
        const QJsonArray items = doc.array();
        QCOMPARE(items.size(), 3);
        const QJsonObject first = items[0].toObject();
        QCOMPARE(first[QStringLiteral("code")].toString(), QStringLiteral("EGR0004"));
        QCOMPARE(first[QStringLiteral("level")].toString(), QStringLiteral("Error"));
        QVERIFY(first[QStringLiteral("message")].toString().startsWith("Ports disagree"));
        const QJsonObject resource = first[QStringLiteral("resource")].toObject();
        QCOMPARE(resource[QStringLiteral("kind")].toString(), QStringLiteral("VirtualService"));
        QCOMPARE(resource[QStringLiteral("namespace")].toString(), QStringLiteral("shop"));
        QCOMPARE(resource[QStringLiteral("name")].toString(),
                 QStringLiteral("httpbin-through-egress"));
        QVERIFY(first[QStringLiteral("file")].toString().endsWith("EGR0004.yaml"));
        QCOMPARE(first[QStringLiteral("line")].toInt(), 99);
        QCOMPARE(first[QStringLiteral("column")].toInt(), 11);
        QCOMPARE(first[QStringLiteral("path")].toString(),
                 QStringLiteral("spec.http[0].route[0].destination.port.number"));
        QCOMPARE(first[QStringLiteral("rule")].toString(),
                 QStringLiteral("egress.PortChainAnalyzer"));
    }

    // Istio's harness has no default namespace; `-n ''` reproduces it.
    void noDefaultNamespace() {
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("vs.yaml"));
        test::writeFile(copy, "apiVersion: networking.istio.io/v1\nkind: VirtualService\n"
                              "metadata:\n  name: orphan\nspec:\n  hosts: [a.example.com]\n"
                              "  gateways: [nowhere]\n");
        const Run none =
            egret({"validate", "-n", "", "--rules", "virtualservice.GatewayAnalyzer", copy});
        QVERIFY2(none.out.contains("(VirtualService orphan "), none.out.constData());
        const Run dflt = egret({"validate", "--rules", "virtualservice.GatewayAnalyzer", copy});
        QVERIFY2(dflt.out.contains("(VirtualService default/orphan "), dflt.out.constData());
        const Run json = egret({"validate", "-n", "", "-o", "json", copy});
        for (const QJsonValue v : QJsonDocument::fromJson(json.out).array())
            QCOMPARE(v[QStringLiteral("resource")][QStringLiteral("namespace")].toString(),
                     QString());
    }

    void sarif() {
        const Run r = egret({"validate", "-o", "sarif", data("egress/EGR0003.yaml")});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject log = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(log[QStringLiteral("version")].toString(), QStringLiteral("2.1.0"));
        QVERIFY(log[QStringLiteral("$schema")].toString().contains("sarif-2.1.0"));
        const QJsonArray runs = log[QStringLiteral("runs")].toArray();
        QCOMPARE(runs.size(), 1);
        const QJsonObject driver =
            runs[0][QStringLiteral("tool")][QStringLiteral("driver")].toObject();
        QCOMPARE(driver[QStringLiteral("name")].toString(), QStringLiteral("egret"));
        const QJsonArray rules = driver[QStringLiteral("rules")].toArray();
        QStringList ids;
        for (const QJsonValue rule : rules) {
            ids << rule[QStringLiteral("id")].toString();
            QVERIFY(!rule[QStringLiteral("name")].toString().isEmpty());
            QVERIFY(!rule[QStringLiteral("shortDescription")][QStringLiteral("text")]
                         .toString()
                         .isEmpty());
            QVERIFY(!rule[QStringLiteral("help")][QStringLiteral("text")].toString().isEmpty());
        }
        QVERIFY(ids.contains(QStringLiteral("IST0101")) && ids.contains(QStringLiteral("EGR0003")));
        const QJsonArray results = runs[0][QStringLiteral("results")].toArray();
        QCOMPARE(results.size(), 4);
        for (const QJsonValue result : results) {
            const QString id = result[QStringLiteral("ruleId")].toString();
            QCOMPARE(ids.indexOf(id), result[QStringLiteral("ruleIndex")].toInt());
            QVERIFY(QStringList({"error", "warning", "note"})
                        .contains(result[QStringLiteral("level")].toString()));
            QVERIFY(
                !result[QStringLiteral("message")][QStringLiteral("text")].toString().isEmpty());
            const QJsonObject physical =
                result[QStringLiteral("locations")][0][QStringLiteral("physicalLocation")]
                    .toObject();
            QVERIFY(physical[QStringLiteral("artifactLocation")][QStringLiteral("uri")]
                        .toString()
                        .endsWith("EGR0003.yaml"));
            QVERIFY(physical[QStringLiteral("region")][QStringLiteral("startLine")].toInt() > 1);
            QVERIFY(physical[QStringLiteral("region")][QStringLiteral("startColumn")].toInt() >= 1);
        }
    }

    void rulesListAndSelection() {
        const Run list = egret({"validate", "--list-rules"});
        QCOMPARE(list.exitCode, 0);
        QVERIFY(list.out.contains("virtualservice.GatewayAnalyzer"));
        QVERIFY(list.out.contains("egress.DeadEndAnalyzer"));
        const Run only = egret({"validate", "--rules", "egress.GatewaySubsetAnalyzer", "-o", "json",
                                data("egress/EGR0003.yaml")});
        const QJsonArray items = QJsonDocument::fromJson(only.out).array();
        QCOMPARE(items.size(), 2);
        for (const QJsonValue v : items)
            QCOMPARE(v[QStringLiteral("code")].toString(), QStringLiteral("EGR0003"));
    }

    void foldersAndOptions() {
        // A folder is read recursively: every clean file together still validates.
        QTemporaryDir dir;
        test::writeFile(dir.filePath(QStringLiteral("a/b/clean.yml")),
                        test::readFile(data("egress/EGR0007-clean.yaml")));
        QCOMPARE(egret({"validate", dir.path()}).exitCode, 0);
        // Without the assumed gateways, the Gateway of the egress example selects nothing.
        const Run r =
            egret({"validate", "--no-default-gateways", data("egress/EGR0001-clean.yaml")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.contains("Referenced selector not found: \"istio=egressgateway\""));
    }

    void meshConfig() {
        EGRET_REQUIRE_CORPUS();
        const QString dir = test::corpusDir() + QStringLiteral("/istio-analyzers/testdata/");
        const QString file = dir + QStringLiteral("serviceentry-missing-addresses-protocol.yaml");
        const QStringList args = {
            "validate", "-n", "", "--rules", "serviceentry.Analyzer", "--failure-threshold",
            "Warning",  file};
        QCOMPARE(egret(args).exitCode, 1);
        QCOMPARE(
            egret(args + QStringList{"--mesh-config",
                                     dir + "serviceentry-missing-addresses-protocol-mesh-cfg.yaml"})
                .exitCode,
            0);
    }

    void exportStrict() {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("out.yaml"));
        // Schema-valid, so a plain export writes it; --strict refuses the dead end.
        QCOMPARE(egret({"export", data("egress/EGR0001.yaml"), "-o", out}).exitCode, 0);
        QVERIFY(QFile::exists(out));
        QFile::remove(out);
        const Run strict = egret({"export", "--strict", data("egress/EGR0001.yaml"), "-o", out});
        QCOMPARE(strict.exitCode, 1);
        QVERIFY(!QFile::exists(out));
        QVERIFY2(strict.err.contains("EGR0001.yaml:77:9: error: [EGR0001] Mesh traffic"),
                 strict.err.constData());
        QCOMPARE(egret({"export", "--strict", "--force", data("egress/EGR0001.yaml"), "-o", out})
                     .exitCode,
                 1);
        QVERIFY(QFile::exists(out));
        QCOMPARE(egret({"export", "--strict", data("egress/EGR0001-clean.yaml")}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestCliValidate)
#include "tst_cli_validate.moc"

// Repositories as people have them, from the command line: a Helm template named as such, a
// kustomization read through kubectl kustomize with --render, rendered output never written.
#include "TestSupport.h"

#include <QStandardPaths>

using namespace egret;

namespace {

using Run = test::EgretRun;

Run runEgret(const QStringList &args, const QString &cwd = {}) {
    return test::runEgret(args, 60000, cwd);
}

QString renderData() {
    return test::dataFile(QStringLiteral("render"));
}

#define REQUIRE_KUBECTL()                                                                          \
    do {                                                                                           \
        if (QStandardPaths::findExecutable(QStringLiteral("kubectl")).isEmpty())                   \
            QSKIP("kubectl is not installed (Debian: kubernetes-client): --render of a "           \
                  "kustomization cannot be tested here");                                          \
    } while (false)

} // namespace

class TestCliRender : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(QFile::exists(test::egretBinary()), "EGRET_BINARY not set"); }

    void helpNamesTheOption() {
        for (const char *command : {"validate", "graph", "export"}) {
            const Run r = runEgret({command, "--help"});
            QVERIFY2(r.out.contains("--render") && r.out.contains("--release"), command);
        }
    }

    // One line per template, at its first action; never "No validation issues".
    void helmTemplateIsNamedAndFails() {
        const Run r =
            runEgret({"validate", "chart/egress-db/templates/serviceentry.yaml"}, renderData());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.startsWith("Error [template] (chart/egress-db/templates/serviceentry.yaml"
                                  ":5:9) a Helm template (Go template actions such as "
                                  "\"{{ .Release.Name }}\"): render it with helm template and "
                                  "open the output"),
                 r.out.constData());
        QCOMPARE(r.out.count('\n'), 1);
        QVERIFY(!r.err.contains("No validation issues"));
        // export refuses it like any document it cannot read.
        const Run e =
            runEgret({"export", "chart/egress-db/templates/serviceentry.yaml"}, renderData());
        QCOMPARE(e.exitCode, 1);
        QVERIFY2(e.err.contains("serviceentry.yaml:5:9: error: a Helm template"),
                 e.err.constData());
        QVERIFY(e.out.isEmpty());
    }

    void quotedTemplateTextValidatesClean() {
        const Run r = runEgret({"validate", "yaml/prometheus-annotations.yaml"}, renderData());
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(!r.out.contains("template"), r.out.constData());
    }

    void validateRendersAKustomization() {
        REQUIRE_KUBECTL();
        const Run r = runEgret({"validate", "--render", "kustomize/overlays/prod"}, renderData());
        QCOMPARE(r.exitCode, 1);
        // The patch's bad mode, found in what kubectl kustomize built, named after the folder.
        QVERIFY2(r.out.contains("Error [schema] (DestinationRule shop-prod/payments "
                                "kustomize/overlays/prod (kubectl kustomize):10:13)"),
                 r.out.constData());
        QVERIFY2(r.out.contains("PASSTHROUGH"), r.out.constData());
    }

    void exportWritesRenderedOutputToANewFile() {
        REQUIRE_KUBECTL();
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("base.yaml"));
        const Run r = runEgret({"export", "--render", "kustomize/base", "-o", out}, renderData());
        QCOMPARE(r.exitCode, 0);
        const QByteArray written = test::readFile(out);
        QVERIFY(written.contains("kind: DestinationRule") &&
                written.contains("kind: ServiceEntry"));
        QVERIFY(!written.contains("Kustomization"));
    }

    void rendererFailureIsShownVerbatim() {
        REQUIRE_KUBECTL();
        const Run r = runEgret({"validate", "--render", "kustomize/broken"}, renderData());
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith("kustomize/broken (kubectl kustomize): error: `kubectl kustomize "
                                  "kustomize/broken` failed (exit status 1):\n"),
                 r.err.constData());
        QVERIFY2(r.err.contains("missing.yaml"), r.err.constData());
    }

    void missingHelmIsAClearError() {
        if (!QStandardPaths::findExecutable(QStringLiteral("helm")).isEmpty())
            QSKIP("helm is installed: the missing-helm error cannot be shown here");
        const Run r = runEgret({"validate", "--render", "chart/egress-db", "-n", "istio-egress"},
                               renderData());
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err, QByteArray("chart/egress-db (helm template): error: cannot run `helm "
                                   "template egress-db chart/egress-db --namespace istio-egress`: "
                                   "helm is not installed (not found on PATH)\n"));
    }

    void helmRendersAChart() {
        if (QStandardPaths::findExecutable(QStringLiteral("helm")).isEmpty())
            QSKIP("helm is not installed: helm template cannot be tested here");
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("chart.yaml"));
        const Run r = runEgret(
            {"export", "--render", "chart/egress-db", "--release", "db", "-o", out}, renderData());
        QCOMPARE(r.exitCode, 0);
        QVERIFY(test::readFile(out).contains("name: db-db"));
    }

    void kustomizationAsFilesGetsANote() {
        const Run r = runEgret({"validate", "kustomize/base"}, renderData());
        QCOMPARE(r.exitCode, 0); // an Info note, below the threshold
        QVERIFY2(r.out.contains("Info [render] (kustomize/base/kustomization.yaml:1:1) "
                                "kustomize/base is a kustomization"),
                 r.out.constData());
        QCOMPARE(r.out.count("is a kustomization"), 1);
    }

    // route writes its FILE: it never takes rendered input, nor a template it cannot read.
    void routeRefusesToWriteRenderedOutput() {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("egress.yaml"));
        const Run r = runEgret({"route", "add", file, "--host", "api.example.com", "--pattern",
                                "tls-passthrough", "--render"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith("egret route add: --render: route edits FILE in place, and "
                                  "Egret never writes into rendered output"),
                 r.err.constData());
        QVERIFY(!QFile::exists(file));
        const Run remove = runEgret({"route", "remove", file, "--host", "a.com", "--render"});
        QCOMPARE(remove.exitCode, 2);

        const QString chartTemplate = dir.filePath(QStringLiteral("template.yaml"));
        const QByteArray text =
            test::readFile(renderData() + "/chart/egress-db/templates/serviceentry.yaml");
        QVERIFY(test::writeFile(chartTemplate, text));
        const Run t = runEgret({"route", "add", chartTemplate, "--host", "api.example.com",
                                "--pattern", "direct-tls"});
        QCOMPARE(t.exitCode, 2);
        QVERIFY2(t.err.contains("template.yaml:5:9: error: a Helm template"), t.err.constData());
        QCOMPARE(test::readFile(chartTemplate), text);
    }
};

QTEST_GUILESS_MAIN(TestCliRender)
#include "tst_cli_render.moc"

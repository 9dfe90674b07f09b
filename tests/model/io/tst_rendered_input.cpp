// Repositories as people have them: Helm templates named as such, folders read through their
// renderer (kubectl kustomize, helm template) as read-only input.
#include "TestSupport.h"

#include "model/edit/WorkspaceChange.h"
#include "model/io/Loader.h"
#include "model/io/RenderedInputs.h"
#include "model/io/Saver.h"
#include "model/recipes/Route.h"

#include <QStandardPaths>

using namespace egret;

namespace {

QString renderData(const QString &name) {
    return test::dataFile(QStringLiteral("render/") + name);
}

Diagnostics withCode(const Diagnostics &all, const QString &code) {
    Diagnostics out;
    for (const Diagnostic &d : all)
        if (d.code == code)
            out << d;
    return out;
}

bool haveKubectl() {
    return !QStandardPaths::findExecutable(QStringLiteral("kubectl")).isEmpty();
}

#define REQUIRE_KUBECTL()                                                                          \
    do {                                                                                           \
        if (!haveKubectl())                                                                        \
            QSKIP("kubectl is not installed (Debian: kubernetes-client): kubectl kustomize "       \
                  "cannot be tested here");                                                        \
    } while (false)

} // namespace

class TestRenderedInput : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // A chart's template gets one message at its first action, not schema errors.
    void helmTemplateIsOneMessage() {
        const QString file = renderData("chart/egress-db/templates/serviceentry.yaml");
        const Workspace ws = loadFiles({file});
        const Diagnostics diags = ws.diagnostics();
        QCOMPARE(diags.size(), 1);
        const Diagnostic &d = diags.first();
        QCOMPARE(d.severity, Severity::Error);
        QCOMPARE(d.code, codes::Template);
        QCOMPARE(d.location.toString(), file + QStringLiteral(":5:9"));
        QVERIFY2(d.message.startsWith(QStringLiteral(
                     "a Helm template (Go template actions such as \"{{ .Release.Name }}\"): "
                     "render it with helm template and open the output")),
                 qPrintable(d.message));
        QVERIFY(ws.resources().isEmpty());
        // Kept whole and byte for byte.
        QCOMPARE(ws.fileBytes(0), test::readFile(file));
    }

    void templateOutsideAChartIsRecognisedByItsActions() {
        const QByteArray text = "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\n"
                                "metadata:\n  name: db\nspec:\n  hosts:\n"
                                "  - {{ .Values.dbhostname }}\n";
        const Workspace ws = loadBytes(QStringLiteral("db.yaml"), text);
        const Diagnostics diags = ws.diagnostics();
        QCOMPARE(diags.size(), 1);
        QCOMPARE(diags.first().toString(),
                 QStringLiteral("db.yaml:7:5: error: a Helm template (Go template actions such as "
                                "\"{{ .Values.dbhostname }}\"): render it with helm template and "
                                "open the output; Egret does not read its documents"));
        // A template whose actions are all quoted still names .Values: Helm's, not YAML's.
        const Workspace quoted = loadFiles({renderData("yaml/quoted-template.yaml")});
        QCOMPARE(withCode(quoted.diagnostics(), codes::Template).size(), 1);
        QCOMPARE(quoted.diagnostics().first().location.line, 8);
    }

    void everyFileOfAChartsTemplatesIsATemplate() {
        Diagnostics problems;
        const QStringList files =
            expandInputs({renderData("chart/egress-db")}, &problems); // _helpers.tpl is not YAML
        QVERIFY(problems.isEmpty());
        const Workspace ws = loadFiles(files);
        const Diagnostics templates = withCode(ws.diagnostics(), codes::Template);
        QCOMPARE(templates.size(), 3);
        QStringList where;
        for (const Diagnostic &d : templates)
            where << QFileInfo(d.location.file).fileName() + QLatin1Char(':') +
                         QString::number(d.location.line);
        QCOMPARE(where,
                 QStringList({"destinationrule.yaml:1", "serviceentry.yaml:5", "sidecar.yaml:1"}));
        // The one without actions is named as the chart's.
        QVERIFY2(templates[2].message.contains(QStringLiteral("chart in ")) &&
                     templates[2].message.contains(QStringLiteral("egress-db (its templates/ "
                                                                  "folder)")),
                 qPrintable(templates[2].message));
        for (const Resource *r : ws.resources())
            QVERIFY2(r->kindName != QLatin1String("Sidecar"), "a chart template was read");
        // Chart.yaml describes the chart: a note, not a manifest missing its kind.
        const Diagnostics notes = withCode(ws.diagnostics(), codes::Render);
        QCOMPARE(notes.size(), 1);
        QCOMPARE(notes.first().severity, Severity::Info);
        QVERIFY(notes.first().location.file.endsWith(QStringLiteral("egress-db/Chart.yaml")));
        QVERIFY(notes.first().message.contains(QStringLiteral("is a Helm chart")));
    }

    // YAML holding Go template text as strings loads as it is, with no message about it.
    void quotedTemplateTextLoadsNormally() {
        const Workspace ws = loadFiles({renderData("yaml/prometheus-annotations.yaml")});
        QVERIFY(withCode(ws.diagnostics(), codes::Template).isEmpty());
        QCOMPARE(ws.resources().size(), 2);
        const Resource *se = ws.resources().first();
        QCOMPARE(se->meta.annotations.value(QStringLiteral("summary")),
                 QStringLiteral("{{ $labels.instance }} is down"));
    }

    // An edit that puts actions into a document is named the same way.
    void editingInAnActionIsNamed() {
        Workspace ws = loadBytes(QStringLiteral("a.yaml"), "apiVersion: v1\nkind: Namespace\n"
                                                           "metadata:\n  name: a\n");
        QVERIFY(ws.diagnostics().isEmpty());
        const DocumentId id = ws.files()[0].documents[0];
        ws.setDocumentText(id, "apiVersion: v1\nkind: Namespace\nmetadata:\n"
                               "  name: {{ .Release.Namespace }}\n");
        QCOMPARE(withCode(ws.diagnostics(), codes::Template).size(), 1);
    }

    void commandLines() {
        const RenderCommand kustomize =
            renderCommand(QStringLiteral("overlays/prod/"), RendererKind::Kustomize);
        QCOMPARE(kustomize.commandLine(), QStringLiteral("kubectl kustomize overlays/prod"));
        QCOMPARE(kustomize.sourceName(), QStringLiteral("overlays/prod (kubectl kustomize)"));

        RenderOptions options;
        options.ns = QStringLiteral("istio-egress");
        const RenderCommand helm =
            renderCommand(QStringLiteral("charts/Egress DB"), RendererKind::Helm, options);
        QCOMPARE(helm.program, QStringLiteral("helm"));
        QCOMPARE(helm.arguments, QStringList({"template", "egress db", "charts/Egress DB",
                                              "--namespace", "istio-egress"}));
        QCOMPARE(helm.commandLine(), QStringLiteral("helm template 'egress db' 'charts/Egress DB' "
                                                    "--namespace istio-egress"));
        QCOMPARE(helm.sourceName(), QStringLiteral("charts/Egress DB (helm template)"));
        options.release = QStringLiteral("db");
        QCOMPARE(
            renderCommand(QStringLiteral("c"), RendererKind::Helm, options).arguments.mid(0, 3),
            QStringList({"template", "db", "c"}));
    }

    void renderersAreFoundByTheirFiles() {
        QCOMPARE(rendererFor(renderData("kustomize/overlays/prod")), RendererKind::Kustomize);
        QCOMPARE(rendererFor(renderData("chart/egress-db")), RendererKind::Helm);
        QCOMPARE(rendererFor(renderData("yaml")), RendererKind::None);
        QCOMPARE(rendererFor(renderData("yaml/quoted-template.yaml")), RendererKind::None);
        QTemporaryDir dir;
        QVERIFY(test::writeFile(dir.filePath("Kustomization"), "resources: []\n"));
        QCOMPARE(rendererFor(dir.path()), RendererKind::Kustomize);
    }

    // A renderer that is not installed is an error naming the command, never a crash.
    void missingRendererIsAnError() {
        RenderCommand command = renderCommand(QStringLiteral("c"), RendererKind::Helm);
        command.program = QStringLiteral("egret-no-such-renderer");
        const LoadInput in = renderedInput(command, 10'000);
        QCOMPARE(in.notes.size(), 1);
        QCOMPARE(in.notes.first().severity, Severity::Error);
        QCOMPARE(in.notes.first().message,
                 QStringLiteral("cannot run `egret-no-such-renderer template c c`: "
                                "egret-no-such-renderer is not installed (not found on PATH)"));
        const Workspace ws = loadSources({in});
        QCOMPARE(ws.files().size(), 1);
        QCOMPARE(ws.files()[0].path, QStringLiteral("c (helm template)"));
        QVERIFY(ws.files()[0].documents.isEmpty());
        QCOMPARE(ws.diagnostics().size(), 1); // no "empty file" besides
    }

    void helmTemplateRendersAChart() {
        if (QStandardPaths::findExecutable(QStringLiteral("helm")).isEmpty())
            QSKIP("helm is not installed: helm template cannot be tested here (the command line "
                  "and the missing-helm error are tested above)");
        InputOptions options;
        options.render = true;
        Diagnostics problems;
        const QVector<LoadInput> inputs =
            planInputs({renderData("chart/egress-db")}, options, &problems);
        QCOMPARE(inputs.size(), 1);
        QVERIFY2(inputs[0].notes.isEmpty(), qPrintable(inputs[0].notes.value(0).message));
        const Workspace ws = loadSources(inputs);
        QStringList kinds;
        for (const Resource *r : ws.resources())
            kinds << r->kindName + QLatin1Char(' ') + r->meta.name;
        QVERIFY2(kinds.contains(QStringLiteral("ServiceEntry egress-db-db")),
                 qPrintable(kinds.join(", ")));
    }

    void kustomizeRendersAnOverlay() {
        REQUIRE_KUBECTL();
        InputOptions options;
        options.render = true;
        Diagnostics problems;
        const QString overlay = renderData("kustomize/overlays/prod");
        const QVector<LoadInput> inputs = planInputs({overlay}, options, &problems);
        QVERIFY(problems.isEmpty());
        QCOMPARE(inputs.size(), 1);
        QVERIFY2(inputs[0].notes.isEmpty(), qPrintable(inputs[0].notes.value(0).message));
        const Workspace ws = loadSources(inputs);
        QCOMPARE(ws.files().size(), 1);
        const SourceFile &f = ws.files()[0];
        QCOMPARE(f.path, overlay + QStringLiteral(" (kubectl kustomize)"));
        QCOMPARE(f.renderedBy, QStringLiteral("kubectl kustomize ") + overlay);
        // The overlay's namespace and patch are applied: what kubectl would apply.
        QCOMPARE(ws.resources().size(), 2);
        for (const Resource *r : ws.resources())
            QCOMPARE(r->ns, QStringLiteral("shop-prod"));
        // The patched mode is wrong, and the finding names the rendered source.
        const Diagnostics schema = withCode(ws.diagnostics(), codes::Schema);
        QCOMPARE(schema.size(), 1);
        QCOMPARE(schema.first().location.file, f.path);
        QVERIFY2(schema.first().message.contains(QStringLiteral("PASSTHROUGH")),
                 qPrintable(schema.first().message));
    }

    void kustomizeFailureSaysWhatKubectlSaid() {
        REQUIRE_KUBECTL();
        InputOptions options;
        options.render = true;
        Diagnostics problems;
        const QString broken = renderData("kustomize/broken");
        const Workspace ws = loadSources(planInputs({broken}, options, &problems));
        QCOMPARE(ws.files().size(), 1);
        const Diagnostics diags = ws.diagnostics();
        QCOMPARE(diags.size(), 1);
        QCOMPARE(diags.first().severity, Severity::Error);
        QVERIFY2(
            diags.first().message.startsWith(
                QStringLiteral("`kubectl kustomize %1` failed (exit status 1):\n").arg(broken)),
            qPrintable(diags.first().message));
        QVERIFY2(diags.first().message.contains(QStringLiteral("missing.yaml")),
                 qPrintable(diags.first().message));
    }

    // Opened as files, a kustomization says what it is, once, and is not read as a manifest.
    void kustomizationAsFilesGetsANote() {
        Diagnostics problems;
        const Workspace ws =
            loadSources(planInputs({renderData("kustomize")}, InputOptions(), &problems));
        const Diagnostics notes = withCode(ws.diagnostics(), codes::Render);
        QCOMPARE(notes.size(), 3); // base, broken, overlays/prod
        for (const Diagnostic &d : notes) {
            QCOMPARE(d.severity, Severity::Info);
            QVERIFY2(d.message.contains(QStringLiteral("is a kustomization")) &&
                         d.message.contains(QStringLiteral("--render")),
                     qPrintable(d.message));
        }
        QVERIFY(!hasErrors(ws.diagnostics()));
        QCOMPARE(ws.resources().size(), 2); // base's ServiceEntry and DestinationRule
    }

    // Nothing is ever written back into rendered output: saving and edits are refused.
    void renderedInputIsNeverWritten() {
        LoadInput in;
        in.path = QStringLiteral("overlays/prod (kubectl kustomize)");
        in.fromDisk = false;
        in.renderedBy = QStringLiteral("kubectl kustomize overlays/prod");
        in.bytes = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n";
        Workspace ws = loadSources({in});
        QString error;
        QTemporaryDir dir;
        const QString elsewhere = dir.filePath(QStringLiteral("out.yaml"));
        QVERIFY(!saveFile(ws, 0, &error));
        QVERIFY(!saveFile(ws, 0, &error, elsewhere));
        QVERIFY(!QFile::exists(elsewhere));
        QCOMPARE(error,
                 QStringLiteral("overlays/prod (kubectl kustomize) is the output of `kubectl "
                                "kustomize overlays/prod`: Egret never writes into rendered "
                                "output (export it to a new file or folder, or edit the "
                                "sources it is rendered from)"));

        edit::WorkspaceChange change(QStringLiteral("Rename"));
        change.append({edit::WorkspaceChange::Operation::Type::ReplaceText, in.path, 0, in.bytes,
                       "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: b\n", 1});
        QCOMPARE(change.writeRefusal(ws), error);
        QString applyError;
        QVERIFY(!change.apply(ws, &applyError));
        QCOMPARE(applyError, error);
        QCOMPARE(ws.fileBytes(0), in.bytes);
        QVERIFY(!ws.isModified());

        // A route is not designed into it (the canvas and `egret route` run this code).
        recipes::RouteRequest route;
        route.pattern = recipes::Pattern::DirectTls;
        route.host = QStringLiteral("api.example.com");
        route.targetFile = in.path;
        const recipes::RouteResult refused = recipes::addRoute(ws, route);
        QVERIFY(!refused.ok);
        QCOMPARE(recipes::describe(refused.problems), QStringLiteral("file: ") + error);
    }

    // Nor into a Helm template, whose text Egret does not read.
    void noRouteIntoATemplate() {
        const QString file = renderData("chart/egress-db/templates/serviceentry.yaml");
        const Workspace ws = loadFiles({file});
        recipes::RouteRequest route;
        route.pattern = recipes::Pattern::DirectTls;
        route.host = QStringLiteral("api.example.com");
        route.targetFile = file;
        const recipes::RouteResult refused = recipes::addRoute(ws, route);
        QVERIFY(!refused.ok);
        QVERIFY2(recipes::describe(refused.problems).contains(QStringLiteral("is a Helm template")),
                 qPrintable(recipes::describe(refused.problems)));
    }
};

QTEST_GUILESS_MAIN(TestRenderedInput)
#include "tst_rendered_input.moc"

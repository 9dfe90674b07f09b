#include "app/cli/Command.h"
#include "app/cli/Inputs.h"
#include "app/cli/InstallationOptions.h"
#include "app/cli/Output.h"
#include "model/analysis/Analysis.h"
#include "model/flow/FlowJson.h"
#include "model/io/AtomicWrite.h"
#include "model/validation/Validator.h"
#include "views/graph/FlowExport.h"
#include "views/graph/FlowScene.h"

#include <QCommandLineParser>
#include <QFileInfo>

namespace egret::cli {

namespace {

bool writeOut(const QString &path, const QByteArray &bytes) {
    if (path == QLatin1String("-")) {
        outBytes(bytes);
        return true;
    }
    QString error;
    if (!writeFileAtomically(path, bytes, &error)) {
        err(QStringLiteral("egret graph: %1\n").arg(error));
        return false;
    }
    return true;
}

} // namespace

int runGraph(const QStringList &args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Derives where each workload's outbound traffic goes, hop by hop, and "
                       "writes it as JSON, as Graphviz DOT, or drawn as SVG or PNG (laid out "
                       "left to right: workloads, gateways, hosts). Hops that a finding points "
                       "at (a load error, or what `egret validate` reports) or that the mesh "
                       "blocks are marked broken."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("Manifest files or folders; - reads standard "
                                                "input."),
                                 QStringLiteral("FILE..."));
    const QCommandLineOption output(
        {QStringLiteral("o"), QStringLiteral("output")},
        QStringLiteral("Write to OUT; its extension (.svg, .png, .dot, .json) picks the format. "
                       "- writes JSON to standard output."),
        QStringLiteral("OUT"));
    const InstallationOptions installation;
    const QCommandLineOption ns(
        {QStringLiteral("n"), QStringLiteral("namespace")},
        QStringLiteral("Namespace of documents that name none (default: default)."),
        QStringLiteral("NS"), QStringLiteral("default"));
    const QCommandLineOption expand(QStringLiteral("expand"),
                                    QStringLiteral("Draw every host: open all host groups."));
    installation.addTo(parser);
    parser.addOptions({output, ns, expand});
    const RenderFlags render;
    render.addTo(parser);
    if (!parser.parse(QStringList{QStringLiteral("egret graph")} + args)) {
        err(QStringLiteral("egret graph: %1\n").arg(parser.errorText()));
        return BadInput;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out(helpText(parser, QStringLiteral("egret graph")));
        return Ok;
    }
    if (parser.positionalArguments().isEmpty() || !parser.isSet(output)) {
        err(QStringLiteral("egret graph: name at least one FILE and -o OUT\n"));
        return BadInput;
    }
    const QString outPath = parser.value(output);
    const QString format = outPath == QLatin1String("-") ? QStringLiteral("json")
                                                         : QFileInfo(outPath).suffix().toLower();
    if (!QStringList{"svg", "png", "dot", "json"}.contains(format)) {
        err(QStringLiteral("egret graph: cannot tell the format of \"%1\": use .svg, .png, .dot "
                           "or .json\n")
                .arg(outPath));
        return BadInput;
    }

    MeshConfig mesh;
    if (!installation.read(parser, QStringLiteral("egret graph"), &mesh))
        return BadInput;
    Workspace ws;
    if (!loadInputs(parser.positionalArguments(), parser.value(ns), &ws,
                    render.read(parser, parser.value(ns))))
        return BadInput;
    printDiagnostics(ws.diagnostics());
    // Hops that a finding breaks are drawn broken: load errors and the validator's findings, as
    // the editor derives them.
    validation::ValidatorOptions options;
    options.mesh = mesh;
    validation::Validator validator(options);
    const FlowGraph flows = analyzeWorkspace(validator, ws).flows;
    int broken = 0;
    for (const FlowHop &hop : flows.hops())
        broken += hop.broken ? 1 : 0;
    if (broken > 0)
        err(QStringLiteral(
                "egret graph: %1 hop(s) broken by findings; `egret validate` explains them\n")
                .arg(broken));
    if (format == QLatin1String("json"))
        return writeOut(outPath, flowGraphJson(flows)) ? Ok : BadInput;

    views::FlowScene scene;
    scene.setFlows(flows);
    if (parser.isSet(expand))
        scene.setAllGroupsCollapsed(false);
    scene.waitForLayout();
    if (format == QLatin1String("dot"))
        return writeOut(outPath, scene.dotSource()) ? Ok : BadInput;
    QString error;
    const bool written = format == QLatin1String("svg")
                             ? views::exportSvg(scene, outPath, &error)
                             : views::exportPng(scene, outPath, 2.0, &error);
    if (!written) {
        err(QStringLiteral("egret graph: %1: %2\n").arg(outPath, error));
        return BadInput;
    }
    return Ok;
}

} // namespace egret::cli

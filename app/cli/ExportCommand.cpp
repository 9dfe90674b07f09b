#include "app/cli/Command.h"
#include "app/cli/Inputs.h"
#include "app/cli/Output.h"
#include "model/io/AtomicWrite.h"
#include "model/io/Exporter.h"
#include "model/validation/Validator.h"

#include <QCommandLineParser>

namespace egret::cli {

int runExport(const QStringList &args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Reads manifests and writes one normalized multi-document YAML stream that "
                       "kubectl apply accepts: documents in input order, each with its own "
                       "apiVersion, comments dropped, strings kept strings. Nothing is written "
                       "when a document fails its schema (Istio's, or the Gateway API's)."));
    parser.addHelpOption();
    parser.addPositionalArgument(
        QStringLiteral("FILE"),
        QStringLiteral("Manifest files or folders; - reads standard input."),
        QStringLiteral("FILE..."));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Write to OUT instead of standard output."),
                                    QStringLiteral("OUT"));
    const QCommandLineOption force(QStringLiteral("force"),
                                   QStringLiteral("Write even when documents fail the schema."));
    const QCommandLineOption strict(
        QStringLiteral("strict"),
        QStringLiteral("Also refuse when `egret validate` reports an Error (a reference to a "
                       "Gateway kept elsewhere is one, so this is not the default)."));
    const QCommandLineOption ns(
        {QStringLiteral("n"), QStringLiteral("namespace")},
        QStringLiteral("Namespace of documents that name none (default: default)."),
        QStringLiteral("NS"), QStringLiteral("default"));
    parser.addOptions({output, force, strict, ns});
    if (!parser.parse(QStringList{QStringLiteral("egret export")} + args)) {
        err(QStringLiteral("egret export: %1\n").arg(parser.errorText()));
        return BadInput;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out(helpText(parser, QStringLiteral("egret export")));
        return Ok;
    }
    if (parser.positionalArguments().isEmpty()) {
        err(QStringLiteral("egret export: name at least one FILE\n"));
        return BadInput;
    }

    Workspace ws;
    if (!loadInputs(parser.positionalArguments(), parser.value(ns), &ws))
        return BadInput;

    ExportOptions options;
    options.force = parser.isSet(force);
    ExportResult result = exportWorkspace(ws, options);
    if (parser.isSet(strict)) {
        for (const validation::Finding &f : validation::validate(ws)) {
            if (f.type->level == Severity::Error) {
                Diagnostic d = f.toDiagnostic();
                d.message = QStringLiteral("[%1] %2").arg(d.code, d.message);
                result.problems.append(d);
                result.ok = false;
            }
        }
        if (!result.ok && !options.force)
            result.yaml.clear();
    }
    printDiagnostics(result.problems);
    if (!result.ok && !options.force) {
        err(QStringLiteral("egret export: %1 problem(s); nothing written (--force writes anyway)\n")
                .arg(result.problems.size()));
        return Findings;
    }
    if (parser.isSet(output)) {
        QString error;
        if (!writeFileAtomically(parser.value(output), result.yaml, &error)) {
            err(QStringLiteral("egret export: %1\n").arg(error));
            return BadInput;
        }
    } else {
        outBytes(result.yaml);
    }
    return result.ok ? Ok : Findings;
}

} // namespace egret::cli

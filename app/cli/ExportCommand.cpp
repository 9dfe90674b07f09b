#include "app/cli/Command.h"
#include "app/cli/DiffOutput.h"
#include "app/cli/Inputs.h"
#include "app/cli/Output.h"
#include "model/io/AtomicWrite.h"
#include "model/io/ExportFolder.h"
#include "model/io/Exporter.h"
#include "model/validation/Validator.h"

#include <QCommandLineParser>
#include <QDir>

namespace egret::cli {

namespace {

// --strict: the validator's errors refuse the export too.
void addValidatorErrors(const Workspace &ws, Diagnostics *problems, bool *ok) {
    for (const validation::Finding &f : validation::validate(ws)) {
        if (f.type->level == Severity::Error) {
            Diagnostic d = f.toDiagnostic();
            d.message = QStringLiteral("[%1] %2").arg(d.code, d.message);
            problems->append(d);
            *ok = false;
        }
    }
}

// --diff: what writing would change, as a unified diff per file; nothing is written.
int printExportDiff(const QMap<QString, QByteArray> &files, int status) {
    bool same = true;
    for (auto it = files.begin(); it != files.end(); ++it) {
        const FileNow now = readFileNow(it.key());
        same = same && now.exists && now.bytes == it.value();
        if (!printDiff(it.key(), now, it.value()))
            return BadInput;
    }
    if (same)
        err(QStringLiteral("egret export: no change\n"));
    return status;
}

// --split-namespaces -o DIR: a file per namespace and a kustomization; files the folder already
// holds are replaced only with --force, and files an earlier export left there are named.
int exportSplit(const Workspace &ws, const QString &dir, bool force, bool strict, bool diffOnly) {
    ExportOptions options;
    options.force = force;
    FolderExport result = exportPerNamespace(ws, options);
    if (strict)
        addValidatorErrors(ws, &result.problems, &result.ok);
    printDiagnostics(result.problems);
    if (!result.ok && !force) {
        err(QStringLiteral("egret export: %1 problem(s); nothing written (--force writes anyway)\n")
                .arg(result.problems.size()));
        return Findings;
    }
    const FolderCheck check = checkExportFolder(result, dir);
    if (!check.problem.isEmpty()) {
        err(QStringLiteral("egret export: %1\n").arg(check.problem));
        return BadInput;
    }
    if (diffOnly) {
        QMap<QString, QByteArray> files;
        for (auto it = result.files.begin(); it != result.files.end(); ++it)
            files.insert(QDir(dir).filePath(it.key()), it.value());
        if (!check.leftBehind.isEmpty())
            err(QStringLiteral("egret export: not part of this export, left as they are in %1: "
                               "%2\n")
                    .arg(dir, check.leftBehind.join(QStringLiteral(", "))));
        return printExportDiff(files, result.ok ? Ok : Findings);
    }
    if (!check.replaced.isEmpty() && !force) {
        err(QStringLiteral("egret export: %1 already holds %2 file(s) this export writes: %3; "
                           "nothing written (--force replaces them)\n")
                .arg(dir)
                .arg(check.replaced.size())
                .arg(check.replaced.join(QStringLiteral(", "))));
        return BadInput;
    }
    QString error;
    if (!writeExportFolder(result, dir, &error)) {
        err(QStringLiteral("egret export: %1\n").arg(error));
        return BadInput;
    }
    err(QStringLiteral("egret export: wrote %1 file(s) to %2%3\n")
            .arg(result.files.size())
            .arg(dir, check.replaced.isEmpty()
                          ? QString()
                          : QStringLiteral(" (replaced: %1)")
                                .arg(check.replaced.join(QStringLiteral(", ")))));
    if (!check.leftBehind.isEmpty())
        err(QStringLiteral("egret export: not part of this export, left as they are in %1: %2\n")
                .arg(dir, check.leftBehind.join(QStringLiteral(", "))));
    return result.ok ? Ok : Findings;
}

} // namespace

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
    const QCommandLineOption split(
        QStringLiteral("split-namespaces"),
        QStringLiteral(
            "Write a folder (-o DIR): a file per namespace, cluster.yaml and a "
            "kustomization.yaml. Files it already holds are replaced only with --force."));
    const QCommandLineOption diffOnly(
        QStringLiteral("diff"),
        QStringLiteral("Write nothing: print how the export would change OUT (or each file of "
                       "DIR) as a unified diff that patch -p1 applies."));
    parser.addOptions({output, force, strict, ns, split, diffOnly});
    const RenderFlags render;
    render.addTo(parser);
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
    if (!loadInputs(parser.positionalArguments(), parser.value(ns), &ws,
                    render.read(parser, parser.value(ns))))
        return BadInput;

    if (parser.isSet(split)) {
        if (!parser.isSet(output)) {
            err(QStringLiteral("egret export: --split-namespaces writes a folder: name it with "
                               "-o DIR\n"));
            return BadInput;
        }
        return exportSplit(ws, parser.value(output), parser.isSet(force), parser.isSet(strict),
                           parser.isSet(diffOnly));
    }
    if (parser.isSet(diffOnly) && !parser.isSet(output)) {
        err(QStringLiteral("egret export: --diff compares with a file: name it with -o OUT\n"));
        return BadInput;
    }

    ExportOptions options;
    options.force = parser.isSet(force);
    ExportResult result = exportWorkspace(ws, options);
    if (parser.isSet(strict)) {
        addValidatorErrors(ws, &result.problems, &result.ok);
        if (!result.ok && !options.force)
            result.yaml.clear();
    }
    printDiagnostics(result.problems);
    if (!result.ok && !options.force) {
        err(QStringLiteral("egret export: %1 problem(s); nothing written (--force writes anyway)\n")
                .arg(result.problems.size()));
        return Findings;
    }
    if (parser.isSet(diffOnly))
        return printExportDiff({{parser.value(output), result.yaml}}, result.ok ? Ok : Findings);
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

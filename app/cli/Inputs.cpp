#include "app/cli/Inputs.h"

#include "app/cli/Output.h"
#include "model/io/Loader.h"

#include <QFile>

namespace egret::cli {

bool loadInputs(const QStringList &paths, const QString &defaultNamespace, Workspace *out) {
    LoadOptions options;
    options.parse.defaultNamespace = defaultNamespace;
    if (paths == QStringList{QStringLiteral("-")}) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly)) {
            err(QStringLiteral("egret: cannot read standard input\n"));
            return false;
        }
        *out = loadBytes(QStringLiteral("<stdin>"), in.readAll(), options);
        return true;
    }
    Diagnostics problems;
    const QStringList files = expandInputs(paths, &problems);
    if (!problems.isEmpty()) {
        printDiagnostics(problems);
        return false;
    }
    *out = loadFiles(files, options);
    bool readable = true;
    for (const SourceFile &f : out->files()) {
        for (const Diagnostic &d : f.diagnostics) {
            if (d.severity == Severity::Error) {
                err(d.toString() + QLatin1Char('\n'));
                readable = false;
            }
        }
    }
    return readable;
}

} // namespace egret::cli

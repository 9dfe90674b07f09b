#include "app/cli/Inputs.h"

#include "app/cli/Output.h"
#include "model/io/Loader.h"

#include <QFile>

namespace egret::cli {

InputOptions RenderFlags::read(const QCommandLineParser &parser, const QString &ns) const {
    InputOptions options;
    options.render = parser.isSet(render);
    options.renderOptions.release = parser.value(release);
    options.renderOptions.ns = ns;
    return options;
}

bool loadInputs(const QStringList &paths, const QString &defaultNamespace, Workspace *out,
                const InputOptions &inputs) {
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
    const QVector<LoadInput> sources = planInputs(paths, inputs, &problems);
    if (!problems.isEmpty()) {
        printDiagnostics(problems);
        return false;
    }
    *out = loadSources(sources, options);
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

#include "model/io/RenderedInputs.h"

#include "model/decode/DocumentParser.h"

#include <QFileInfo>

namespace egret {

LoadInput renderedInput(const RenderCommand &command, int timeoutMs,
                        const std::atomic_bool *cancel) {
    LoadInput in;
    in.path = command.sourceName();
    in.fromDisk = false;
    in.renderedBy = command.commandLine();
    const RenderResult result = runRenderer(command, timeoutMs, cancel);
    if (result.ok) {
        in.bytes = result.output;
        return in;
    }
    Diagnostic d;
    d.severity = Severity::Error;
    d.code = codes::Render;
    d.location.file = in.path;
    d.message = result.error;
    in.notes.append(d);
    return in;
}

QVector<LoadInput> planInputs(const QStringList &paths, const InputOptions &options,
                              Diagnostics *problems) {
    QVector<LoadInput> out;
    for (const QString &path : paths) {
        const RendererKind kind = options.render ? rendererFor(path) : RendererKind::None;
        if (kind != RendererKind::None) {
            out.append(renderedInput(renderCommand(path, kind, options.renderOptions),
                                     options.renderOptions.timeoutMs, options.cancel));
            continue;
        }
        for (const QString &file : expandInputs({path}, problems))
            out.append({file, {}, true, {}, {}});
    }
    return out;
}

} // namespace egret

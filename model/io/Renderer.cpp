#include "model/io/Renderer.h"

#include "model/decode/DocumentParser.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

namespace egret {

namespace {

QString shellQuoted(const QString &word) {
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./:=@%+-]+$"));
    if (plain.match(word).hasMatch())
        return word;
    QString quoted = word;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString cleanFolder(const QString &folder) {
    return QDir::cleanPath(folder);
}

} // namespace

QString RenderCommand::commandLine() const {
    QStringList words{shellQuoted(program)};
    for (const QString &a : arguments)
        words << shellQuoted(a);
    return words.join(QLatin1Char(' '));
}

QString RenderCommand::sourceName() const {
    return QStringLiteral("%1 (%2)").arg(cleanFolder(folder), rendererName(kind));
}

QString kustomizationFile(const QString &folder) {
    // kubectl's own order of preference.
    for (const char *name : {"kustomization.yaml", "kustomization.yml", "Kustomization"}) {
        const QString path = QDir(folder).filePath(QLatin1String(name));
        if (QFileInfo(path).isFile())
            return path;
    }
    return {};
}

bool isKustomizationFile(const QString &path) {
    const QString name = QFileInfo(path).fileName();
    return name == QLatin1String("kustomization.yaml") ||
           name == QLatin1String("kustomization.yml") || name == QLatin1String("Kustomization");
}

RendererKind rendererFor(const QString &folder) {
    if (!QFileInfo(folder).isDir())
        return RendererKind::None;
    if (!kustomizationFile(folder).isEmpty())
        return RendererKind::Kustomize;
    if (QFileInfo(QDir(folder).filePath(QStringLiteral("Chart.yaml"))).isFile())
        return RendererKind::Helm;
    return RendererKind::None;
}

QString rendererName(RendererKind kind) {
    switch (kind) {
    case RendererKind::Kustomize:
        return QStringLiteral("kubectl kustomize");
    case RendererKind::Helm:
        return QStringLiteral("helm template");
    case RendererKind::None:
        break;
    }
    return {};
}

RenderCommand renderCommand(const QString &folder, RendererKind kind,
                            const RenderOptions &options) {
    RenderCommand c;
    c.kind = kind;
    c.folder = cleanFolder(folder);
    if (kind == RendererKind::Kustomize) {
        c.program = QStringLiteral("kubectl");
        c.arguments = {QStringLiteral("kustomize"), c.folder};
    } else if (kind == RendererKind::Helm) {
        // helm names a release "release-name" when told nothing; the chart's folder is closer
        // to what a user installs it as.
        QString release = options.release;
        if (release.isEmpty())
            release = QFileInfo(QDir(c.folder).absolutePath()).fileName().toLower();
        c.program = QStringLiteral("helm");
        c.arguments = {QStringLiteral("template"), release, c.folder};
        if (!options.ns.isEmpty())
            c.arguments << QStringLiteral("--namespace") << options.ns;
    }
    return c;
}

RenderResult runRenderer(const RenderCommand &command, int timeoutMs,
                         const std::atomic_bool *cancel) {
    RenderResult result;
    const QString program = QStandardPaths::findExecutable(command.program);
    if (program.isEmpty()) {
        result.error = QStringLiteral("cannot run `%1`: %2 is not installed (not found on PATH)")
                           .arg(command.commandLine(), command.program);
        return result;
    }
    QProcess process;
    process.setProgram(program);
    process.setArguments(command.arguments);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start();
    if (!process.waitForStarted(10'000)) {
        result.error =
            QStringLiteral("cannot run `%1`: %2").arg(command.commandLine(), process.errorString());
        return result;
    }
    // Short waits, so that a cancel is noticed while the renderer works.
    QElapsedTimer clock;
    clock.start();
    while (!process.waitForFinished(100)) {
        if (process.state() == QProcess::NotRunning)
            break;
        const bool cancelled = cancel && cancel->load();
        if (cancelled || clock.elapsed() > timeoutMs) {
            process.kill();
            process.waitForFinished(5'000);
            result.error = cancelled
                               ? QStringLiteral("`%1` was cancelled").arg(command.commandLine())
                               : QStringLiteral("`%1` did not finish within %2 s: stopped")
                                     .arg(command.commandLine())
                                     .arg(timeoutMs / 1000);
            return result;
        }
    }
    const QByteArray stderrText = process.readAllStandardError();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        const QString how = process.exitStatus() != QProcess::NormalExit
                                ? QStringLiteral("crashed")
                                : QStringLiteral("failed (exit status %1)").arg(process.exitCode());
        result.error = QStringLiteral("`%1` %2").arg(command.commandLine(), how);
        const QString said = QString::fromUtf8(stderrText).trimmed();
        if (!said.isEmpty())
            result.error += QStringLiteral(":\n") + said;
        return result;
    }
    result.output = process.readAllStandardOutput();
    result.ok = true;
    return result;
}

Diagnostic kustomizationNote(const QString &path) {
    Diagnostic d;
    d.severity = Severity::Info;
    d.code = codes::Render;
    d.location = {path, 1, 1};
    d.message =
        QStringLiteral(
            "%1 is a kustomization: its folder's files are read as they are, not as kubectl "
            "kustomize builds them (patches, overlays and generators are not applied); open the "
            "folder rendered (--render, or Rendered in Open Folder) to read its output")
            .arg(QDir::cleanPath(QFileInfo(path).path()));
    return d;
}

bool isChartFile(const QString &path) {
    return QFileInfo(path).fileName() == QLatin1String("Chart.yaml");
}

Diagnostic chartNote(const QString &path) {
    Diagnostic d;
    d.severity = Severity::Info;
    d.code = codes::Render;
    d.location = {path, 1, 1};
    d.message = QStringLiteral("%1 is a Helm chart: its templates are not read as they are; open "
                               "the folder rendered (--render, or Rendered in Open Folder) to read "
                               "what helm template makes of them")
                    .arg(QDir::cleanPath(QFileInfo(path).path()));
    return d;
}

} // namespace egret

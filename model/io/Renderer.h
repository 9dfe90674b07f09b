#pragma once

#include "model/core/Diagnostic.h"

#include <QByteArray>
#include <QStringList>

#include <atomic>

namespace egret {

// Repositories hold manifests that a tool builds: a kustomization (kubectl kustomize) or a Helm
// chart (helm template). Egret reads such a folder through the tool, as rendered input: its
// output, loaded read-only under a name that says where it came from.
enum class RendererKind { None, Kustomize, Helm };

struct RenderOptions {
    QString release;         // helm: the release name; default: the chart folder's name
    QString ns;              // helm: --namespace, when not empty
    int timeoutMs = 120'000; // a renderer that takes longer is stopped
};

// A renderer's command for one folder.
struct RenderCommand {
    RendererKind kind = RendererKind::None;
    QString folder; // as the user named it
    QString program;
    QStringList arguments;

    QString commandLine() const; // "kubectl kustomize overlays/prod", quoted for a shell
    QString sourceName() const;  // "overlays/prod (kubectl kustomize)": the rendered file's name
};

// The file that makes `folder` a kustomization (kustomization.yaml, kustomization.yml or
// Kustomization), else empty.
QString kustomizationFile(const QString &folder);
bool isKustomizationFile(const QString &path);
// The renderer for a folder: a kustomization first, then a chart (Chart.yaml).
RendererKind rendererFor(const QString &folder);
QString rendererName(RendererKind kind); // "kubectl kustomize", "helm template"

RenderCommand renderCommand(const QString &folder, RendererKind kind,
                            const RenderOptions &options = {});

struct RenderResult {
    bool ok = false;
    QByteArray output; // the rendered YAML stream
    QString error;     // why it failed: the command line, then the renderer's stderr as is
};

// Runs the command, found on PATH, stopping it after the timeout or when `cancel` is set.
// Never throws: a missing program, a crash, a non-zero exit or a timeout is an error.
RenderResult runRenderer(const RenderCommand &command, int timeoutMs,
                         const std::atomic_bool *cancel = nullptr);

// A chart's Chart.yaml, loaded as it is, gets the same kind of note: it describes the chart to
// Helm and is not a manifest.
bool isChartFile(const QString &path);
Diagnostic chartNote(const QString &path);

// The Info note a kustomization file loaded as it is gets (its documents are not read: they
// configure kustomize, they are not manifests).
Diagnostic kustomizationNote(const QString &path);

} // namespace egret

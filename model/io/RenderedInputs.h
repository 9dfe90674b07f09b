#pragma once

#include "model/io/Loader.h"
#include "model/io/Renderer.h"

namespace egret {

struct InputOptions {
    // Folders that hold a kustomization or a chart are read through their renderer.
    bool render = false;
    RenderOptions renderOptions;
    const std::atomic_bool *cancel = nullptr;
};

// What to load for the paths a user named: files as they are, folders searched for YAML files
// (expandInputs), and, with `render`, each folder a renderer applies to as that renderer's
// output, read-only. A path that does not exist gets a diagnostic in `problems`. A renderer that
// fails gives an input without documents, whose error names the command and what it said.
QVector<LoadInput> planInputs(const QStringList &paths, const InputOptions &options,
                              Diagnostics *problems);

// The input for one folder rendered by `command`.
LoadInput renderedInput(const RenderCommand &command, int timeoutMs,
                        const std::atomic_bool *cancel = nullptr);

} // namespace egret

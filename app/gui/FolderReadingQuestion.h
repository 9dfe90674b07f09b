#pragma once

#include "model/io/Renderer.h"

class QWidget;

namespace egret::gui {

enum class FolderReading { AsFiles, Rendered, Cancelled };

// Asks how to open a folder that a renderer builds (a kustomization, a Helm chart): its files as
// they are (the default: Enter), or the renderer's output, read-only. Rendering a chart needs
// helm on PATH; without it that choice is disabled and says why.
FolderReading askFolderReading(QWidget *parent, const QString &folder, RendererKind kind);

} // namespace egret::gui

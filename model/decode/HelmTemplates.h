#pragma once

#include "model/core/Diagnostic.h"

#include <QByteArray>

#include <optional>

namespace egret {

// A Helm template is not YAML until Helm renders it: its documents are not read, and the file
// gets one error that says so (code "template"), instead of the schema errors its text would
// give.

// The error for a text holding Go template actions YAML could not mean (see
// yaml::findTemplateAction), at the first of them; `firstLine` is the text's line in its file.
std::optional<Diagnostic> templateProblem(const QByteArray &text, const QString &file,
                                          int firstLine);

// The chart folder when `path` lies in a chart's templates/ folder (beside its Chart.yaml),
// else empty. Helm renders every file there, actions or not.
QString chartOfTemplate(const QString &path);

// The error for a file of a chart's templates/ folder.
Diagnostic chartTemplateProblem(const QString &file, const QString &chart);

} // namespace egret

#pragma once

#include "model/workspace/Workspace.h"

#include <QStringList>

namespace egret::cli {

// Reads the files and folders named on a command line ("-" is standard input). Prints and
// returns false when something could not be read at all (missing or unreadable file).
bool loadInputs(const QStringList &paths, const QString &defaultNamespace, Workspace *out);

} // namespace egret::cli

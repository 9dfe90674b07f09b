#pragma once

#include "model/workspace/Workspace.h"

namespace egret {

// Writes a file of the workspace atomically (writeFileAtomically) and marks it saved. With a
// different path the file takes that path ("Save As"). On failure nothing changes and `error`
// says why. Rendered input is never written (writeRefusal), not even elsewhere: exporting it is
// the way to a file of its own.
bool saveFile(Workspace &ws, int file, QString *error, const QString &asPath = QString());

} // namespace egret

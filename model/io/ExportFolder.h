#pragma once

#include "model/io/Exporter.h"

#include <QStringList>

namespace egret {

// Writing a per-namespace export into a folder the user chose. The folder is a trust boundary:
// exportPerNamespace names files after checked namespaces, and the writer checks again that each
// name is a plain file of the folder, so no document can put a file anywhere else.

// Whether `name` is a plain YAML file name: no separator, not hidden, not "." or "..".
bool isPlainExportFileName(const QString &name);

// What writing `files` into `dir` would do to what is there.
struct FolderCheck {
    QStringList replaced;   // files of the export the folder already holds
    QStringList leftBehind; // the folder's other *.yaml / *.yml files: not written, not deleted
    QString problem;        // a name that is not a plain file, or a folder that cannot be made
};
FolderCheck checkExportFolder(const FolderExport &exported, const QString &dir);

// Creates `dir` if needed and writes every file atomically; nothing is written when a name is
// not a plain file name. Returns false with `error` set on the first failure.
bool writeExportFolder(const FolderExport &exported, const QString &dir, QString *error);

} // namespace egret

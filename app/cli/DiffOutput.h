#pragma once

#include <QByteArray>
#include <QString>

namespace egret::cli {

// What a file holds now, for a diff against what a command would write.
struct FileNow {
    QByteArray bytes;
    bool exists = false;
};
FileNow readFileNow(const QString &path);

// Prints on standard output the unified diff that turns `now` into `after` for the file at
// `path` (named relative to the working folder when it lies below it, else from the root, as
// `git diff` names files), so that `patch -p1` applies it there. A file that is not UTF-8 text is
// named on standard error, not diffed. Returns false for such a file.
bool printDiff(const QString &path, const FileNow &now, const QByteArray &after);

} // namespace egret::cli

#pragma once

#include <QByteArray>
#include <QString>
#include <QVector>

namespace egret::diff {

// A line-by-line comparison of two texts, for showing a change before it is written. Lines keep
// their ends ("\n", "\r\n", or none on a last line without one), so a change of line ending or
// of the final newline is a change, never normalized away. The edit script comes from dtl
// (Debian's libdtl-dev), a kept implementation of Wu's O(NP) algorithm.

struct Line {
    char op = ' ';   // ' ' context, '-' only before, '+' only after
    QByteArray text; // with its line end, if any
    int before = -1; // 0-based line number before, for ' ' and '-'
    int after = -1;  // 0-based line number after, for ' ' and '+'
};

struct Hunk {
    int beforeStart = 0; // 1-based first line, as in "@@ -start,count"; 0 for an empty side
    int beforeCount = 0;
    int afterStart = 0;
    int afterCount = 0;
    QVector<Line> lines;
};

// The changes from `before` to `after`, each with `context` unchanged lines around it; nothing
// when the texts are the same.
QVector<Hunk> hunks(const QByteArray &before, const QByteArray &after, int context = 3);

// The hunks as a unified diff of one file, git style: `--- a/NAME`, `+++ b/NAME` (`/dev/null` for
// a side that does not exist), "@@ -l,s +l,s @@ <objects>" headers naming the Kubernetes objects
// each hunk changes (see DocumentSpans), and "\ No newline at end of file" after
// a last line without one, so that `patch -p1` and `git apply` give exactly `after`. Empty when
// nothing changes.
QByteArray unifiedDiff(const QString &name, const QByteArray &before, const QByteArray &after,
                       bool beforeExists = true, bool afterExists = true, int context = 3);

} // namespace egret::diff

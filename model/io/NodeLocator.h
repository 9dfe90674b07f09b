#pragma once

#include <QByteArray>
#include <QString>

namespace egret {

// 0-based line and column inside a document's text.
struct TextPosition {
    int line = 0;
    int column = 0;
};

// Finds the key of the field at `path` (e.g. `spec.http[1].route[0]`) in a document's text. When
// the path does not exist, the deepest part of it that does. Returns false only when the text
// cannot be read at all.
bool locatePath(const QByteArray &text, const QString &path, TextPosition *out);

} // namespace egret

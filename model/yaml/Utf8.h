#pragma once

#include <QByteArray>

namespace egret::yaml {

// Offset of the first byte that is not part of well-formed UTF-8, or -1 when all is well.
// Overlong forms, surrogates and code points above U+10FFFF count as malformed.
qsizetype firstInvalidUtf8(const char *data, qsizetype size);

// 1-based line and column (in characters) of a byte offset.
void lineColumnAt(const char *data, qsizetype offset, int *line, int *column);

} // namespace egret::yaml

namespace egret::yaml {

// A UTF-16 byte order mark (either order) at the start: the file is not UTF-8 at all.
inline bool startsWithUtf16Bom(const QByteArray &bytes) {
    return bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF");
}

} // namespace egret::yaml

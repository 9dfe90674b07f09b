#pragma once

#include <QByteArray>

namespace egret::yaml {

// Offset of the first byte that is not part of well-formed UTF-8, or -1 when all is well.
// Overlong forms, surrogates and code points above U+10FFFF count as malformed.
qsizetype firstInvalidUtf8(const char *data, qsizetype size);

// 1-based line and column (in characters) of a byte offset.
void lineColumnAt(const char *data, qsizetype offset, int *line, int *column);

} // namespace egret::yaml

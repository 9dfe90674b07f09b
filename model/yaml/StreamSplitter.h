#pragma once

#include <QByteArray>
#include <QVector>

namespace egret::yaml {

// One document's share of a file: the bytes from its `---` line (or the file start) up to the
// next document's. Concatenating every chunk of a file gives the file back byte for byte.
struct Chunk {
    qsizetype offset = 0;
    qsizetype length = 0;
    int firstLine = 0; // 0-based line of the chunk's first byte in the file
};

// Splits a YAML stream into document chunks by its `---` and `...` markers. Document markers
// cannot occur inside a scalar (YAML 1.2, 9.1.3), so a line scan is exact. Leading comments and
// directives stay with the document that follows them.
QVector<Chunk> splitStream(const QByteArray &bytes);

} // namespace egret::yaml

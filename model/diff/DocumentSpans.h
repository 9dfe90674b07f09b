#pragma once

#include "model/diff/UnifiedDiff.h"
#include "model/yaml/StreamSplitter.h"

#include <QByteArray>
#include <QString>
#include <QVector>

namespace egret::diff {

// Which Kubernetes object each part of a YAML stream holds, to say what a hunk of a diff
// belongs to ("ServiceEntry default/api"). Read leniently from the text alone: a document that
// that is no object is named by its position ("document 3") when the stream holds several.
class DocumentSpans {
public:
    explicit DocumentSpans(const QByteArray &text);
    // The object whose document holds 0-based `line`; each document is read when first asked.
    QString objectAt(int line);

private:
    QByteArray m_text;
    QVector<yaml::Chunk> m_chunks;
    QVector<QString> m_labels; // empty until read
};

// The objects a hunk changes: those holding its removed lines (in `before`) or its added lines
// (in `after`), each named once, in order.
QStringList hunkObjects(const Hunk &hunk, DocumentSpans &before, DocumentSpans &after);

} // namespace egret::diff

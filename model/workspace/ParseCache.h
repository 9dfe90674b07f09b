#pragma once

#include "model/decode/DocumentParser.h"

#include <QByteArray>
#include <QMutex>

#include <optional>
#include <vector>

namespace egret {

// What large documents recently read turned into, shared by a workspace and its copies (a
// recipe's scratch copy on a worker thread, the analysis thread's): undo, redo and a recipe's
// change, applied to the editor's workspace on the GUI thread, find the text they bring back
// already read instead of parsing it again. A Gateway that gathers thousands of hosts is a
// megabyte of YAML and takes a tenth of a second to read. Bounded; thread-safe.
class ParseCache {
public:
    // Smaller documents are read in well under a millisecond: not worth keeping.
    static constexpr qsizetype kMinBytes = 16 * 1024;
    static constexpr size_t kMaxEntries = 8;

    // The parse of `text` at `firstLine` of `file`, if this text was read before in that file
    // with those options (at another line, its locations are moved).
    std::optional<ParsedDocument> find(const QByteArray &text, const QString &file, int firstLine,
                                       const ParseOptions &options);
    void insert(const QByteArray &text, const QString &file, int firstLine,
                const ParseOptions &options, ParsedDocument parsed);

private:
    struct Entry {
        QByteArray text;
        QString file;
        int firstLine = 0;
        QString defaultNamespace;
        ParsedDocument parsed;
        quint64 used = 0;
    };
    QMutex m_mutex;
    std::vector<Entry> m_entries;
    quint64 m_clock = 0;
};

// Moves a parse's locations (resources and diagnostics) by `delta` lines.
void shiftParsedLines(ParsedDocument &parsed, int delta);

} // namespace egret

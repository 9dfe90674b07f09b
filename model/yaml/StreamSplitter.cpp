#include "model/yaml/StreamSplitter.h"

namespace egret::yaml {

namespace {

bool isMarkerLine(const char *line, qsizetype len, char c) {
    if (len < 3 || line[0] != c || line[1] != c || line[2] != c)
        return false;
    return len == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\n' || line[3] == '\r';
}

// A line that cannot hold document content: blank, a comment, or a directive.
bool isInertLine(const char *line, qsizetype len) {
    qsizetype i = 0;
    while (i < len && (line[i] == ' ' || line[i] == '\t'))
        ++i;
    if (i == len || line[i] == '\n' || line[i] == '\r' || line[i] == '#')
        return true;
    return i == 0 && line[0] == '%';
}

} // namespace

QVector<Chunk> splitStream(const QByteArray &bytes) {
    QVector<Chunk> chunks;
    const char *data = bytes.constData();
    const qsizetype size = bytes.size();

    Chunk current;
    bool hasContent = false; // current chunk holds a content line
    bool hasStart = false;   // current chunk holds its `---` line
    int line = 0;

    auto closeAt = [&](qsizetype pos, int nextLine) {
        current.length = pos - current.offset;
        chunks.append(current);
        current = Chunk{pos, 0, nextLine};
        hasContent = false;
        hasStart = false;
    };

    qsizetype pos = 0;
    while (pos < size) {
        const char *nl = static_cast<const char *>(memchr(data + pos, '\n', size_t(size - pos)));
        const qsizetype end = nl ? (nl - data) + 1 : size;
        const char *l = data + pos;
        const qsizetype len = end - pos;

        if (isMarkerLine(l, len, '-')) {
            if (hasContent || hasStart)
                closeAt(pos, line);
            hasStart = true;
            // `--- value` puts content on the marker line itself.
            if (!isInertLine(l + 3, len - 3))
                hasContent = true;
        } else if (isMarkerLine(l, len, '.')) {
            // `...` ends the document; what follows belongs to the next one.
            pos = end;
            ++line;
            closeAt(pos, line);
            continue;
        } else if (!isInertLine(l, len)) {
            hasContent = true;
        }
        pos = end;
        ++line;
    }
    if (current.offset < size || chunks.isEmpty()) {
        current.length = size - current.offset;
        chunks.append(current);
    }
    return chunks;
}

} // namespace egret::yaml

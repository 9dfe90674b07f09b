#include "model/yaml/BlockFieldLocator.h"

#include "model/yaml/YamlPath.h"

#include <QVector>

// Finds a field in plain block-style YAML (what manifests nearly always are) from indentation
// alone, without a YAML parser. Anything it is not sure of (tabs, flow collections on the path,
// anchors, tags, escapes in quoted keys, complex keys, directives) makes it give up, and
// locateField() asks yaml-cpp instead. Positions are those yaml-cpp gives: a key's first
// character, a sequence item's node (after "- "), a block collection at its first entry.
namespace egret::yaml {

namespace {

// Lines are views into the text: a run locates every finding, and copies of each line of each
// document cost more than the rest of the walk.
struct Line {
    int start = 0;  // offset of the line in the text
    int indent = 0; // spaces before the content; -1 for blank and comment lines
    QByteArrayView content;
};

// QByteArray::mid() on a view (Qt 6.4's QByteArrayView has none).
QByteArrayView mid(QByteArrayView v, qsizetype pos, qsizetype len = -1) {
    if (pos > v.size())
        return {};
    if (pos < 0) {
        if (len < 0 || len + pos >= v.size())
            return v;
        if (len + pos <= 0)
            return {};
        len += pos;
        pos = 0;
    } else if (size_t(len) > size_t(v.size() - pos)) {
        len = v.size() - pos;
    }
    return v.sliced(pos, len);
}

enum class NodeShape { Map, Seq, Leaf };

class Scanner {
public:
    explicit Scanner(const QByteArray &text) { split(text); }

    bool ok = true;
    QVector<Line> lines;

    // The first content line at or after `from`, or -1.
    int nextContent(int from) const {
        for (int i = from; i < lines.size(); ++i)
            if (lines[i].indent >= 0)
                return i;
        return -1;
    }

    // What starts at (line, column): a block mapping, a block sequence, or something else.
    NodeShape shapeAt(int line, int column) {
        const QByteArrayView rest = mid(lines[line].content, column - lines[line].indent);
        if (rest == "-" || rest.startsWith("- "))
            return NodeShape::Seq;
        QByteArrayView key;
        int after = 0;
        if (readKey(rest, &key, &after))
            return NodeShape::Map;
        const char c = rest.isEmpty() ? 0 : rest[0];
        if (c == '&' || c == '!' || c == '*' || c == '?' || c == '%')
            ok = false; // anchors, tags, aliases, complex keys: ask the parser
        return NodeShape::Leaf;
    }

    // A mapping key at the start of `s`: plain, or quoted without escapes; followed by ':' and a
    // space or the end of the line.
    bool readKey(QByteArrayView s, QByteArrayView *key, int *after) {
        int end;
        if (s.startsWith('"') || s.startsWith('\'')) {
            const char q = s[0];
            end = int(s.indexOf(q, 1));
            if (end < 0)
                return false;
            *key = mid(s, 1, end - 1);
            if (key->contains('\\') || (q == '\'' && mid(s, end + 1).startsWith('\''))) {
                ok = false;
                return false;
            }
            ++end;
        } else {
            if (s.isEmpty() || QByteArrayView("-?:,[]{}#&*!|>'\"%@`").contains(s[0]))
                return false;
            end = int(s.indexOf(':'));
            while (end > 0 && end + 1 < s.size() && s[end + 1] != ' ')
                end = int(s.indexOf(':', end + 1));
            if (end <= 0)
                return false;
            *key = s.first(end);
            while (key->endsWith(' '))
                key->chop(1);
            if (key->contains(" #"))
                return false;
        }
        if (end >= s.size() || s[end] != ':' || (end + 1 < s.size() && s[end + 1] != ' '))
            return false;
        *after = end + 1;
        return true;
    }

    // The node that is the value of an entry whose text after its key or "- " begins at
    // (line, column); false when it is a scalar (or empty) on that line.
    bool valueNode(int line, int column, int parentIndent, int *vLine, int *vColumn) {
        const QByteArrayView rest = mid(lines[line].content, column - lines[line].indent).trimmed();
        if (!rest.isEmpty() && !rest.startsWith('#')) {
            const char c = rest[0];
            if (c == '&' || c == '!' || c == '*' || c == '[' || c == '{')
                ok = false; // not something to walk into by indentation
            return false;
        }
        const int next = nextContent(line + 1);
        if (next < 0)
            return false;
        const Line &n = lines[next];
        // A block sequence may sit at its key's own indentation.
        if (n.indent > parentIndent ||
            (n.indent == parentIndent && (n.content == "-" || n.content.startsWith("- ")))) {
            *vLine = next;
            *vColumn = n.indent;
            return true;
        }
        return false;
    }

private:
    void split(const QByteArray &text) {
        int start = 0;
        bool first = true;
        while (start <= text.size()) {
            int end = int(text.indexOf('\n', start));
            if (end < 0)
                end = int(text.size());
            QByteArrayView raw = mid(text, start, end - start);
            if (raw.endsWith('\r'))
                raw.chop(1);
            Line l;
            l.start = start;
            int i = 0;
            while (i < raw.size() && raw[i] == ' ')
                ++i;
            if (i < raw.size() && raw[i] == '\t')
                ok = false;
            l.content = mid(raw, i);
            l.indent = i;
            if (l.content.isEmpty() || l.content.startsWith('#'))
                l.indent = -1;
            if (i == 0 && (raw.startsWith("---") || raw.startsWith("..."))) {
                if (raw.size() > 3 || !first || raw.startsWith("..."))
                    ok = false; // content after a marker, or a second document
                l.indent = -1;
            }
            if (raw.startsWith('%'))
                ok = false;
            if (l.indent >= 0)
                first = false;
            lines.append(l);
            if (end >= text.size())
                break;
            start = end + 1;
        }
    }
};

// The text of an entry of the collection at `column` on line `i`: on the collection's first line
// it may start inside the line (after "- "); below it, at `column` exactly. Empty when line `i`
// is not an entry (more indented: part of the previous entry); null past the collection's end.
QByteArrayView entryAt(const Scanner &s, int first, int i, int column, bool *end) {
    const Line &l = s.lines[i];
    *end = false;
    if (i == first)
        return mid(l.content, column - l.indent);
    if (l.indent < column) {
        *end = true;
        return {};
    }
    return l.indent == column ? l.content : QByteArrayView();
}

bool isItem(QByteArrayView entry) {
    return entry == "-" || entry.startsWith("- ");
}

} // namespace

bool locateBlockField(const QByteArray &text, const QString &path, TextPosition *out) {
    Scanner s(text);
    int line = s.nextContent(0);
    if (!s.ok || line < 0 || s.lines[line].indent != 0)
        return false;
    int column = 0;
    TextPosition best{line, column};
    for (const PathSegment &seg : parsePath(path)) {
        const NodeShape shape = s.shapeAt(line, column);
        if (!s.ok)
            return false;
        if (shape == NodeShape::Leaf) {
            const QByteArrayView rest = mid(s.lines[line].content, column - s.lines[line].indent);
            if (rest.startsWith('[') || rest.startsWith('{'))
                return false; // a flow collection: the parser reads it
            break;            // the path goes on where the document does not
        }
        if ((shape == NodeShape::Map) == seg.isIndex())
            break;
        const QByteArray segKey = seg.isIndex() ? QByteArray() : seg.key.toUtf8();
        const int first = line;
        bool found = false;
        int index = 0;
        for (int i = first; i >= 0 && !found; i = s.nextContent(i + 1)) {
            bool end = false;
            const QByteArrayView entry = entryAt(s, first, i, column, &end);
            if (end)
                break;
            if (entry.isEmpty())
                continue;
            if (shape == NodeShape::Map) {
                if (isItem(entry))
                    continue; // a sequence at its key's indentation belongs to that key
                QByteArrayView key;
                int after = 0;
                if (!s.readKey(entry, &key, &after))
                    return false;
                if (key != QByteArrayView(segKey))
                    continue;
                found = true;
                best = {i, column};
                int vLine = 0, vColumn = 0;
                if (s.valueNode(i, column + after, column, &vLine, &vColumn)) {
                    line = vLine;
                    column = vColumn;
                } else {
                    line = -1; // a scalar: nothing below it
                }
            } else {
                if (!isItem(entry))
                    break; // the parent mapping's next key
                if (index++ != seg.index)
                    continue;
                found = true;
                const int offset = int(entry.size() - mid(entry, 1).trimmed().size());
                const QByteArrayView item = mid(entry, offset);
                if (item.isEmpty() || item.startsWith('#')) {
                    int vLine = 0, vColumn = 0;
                    if (!s.valueNode(i, column + 1, column, &vLine, &vColumn))
                        return false; // an empty item: let the parser say where it is
                    line = vLine;
                    column = vColumn;
                } else {
                    const char c = item[0];
                    if (c == '&' || c == '!' || c == '*' || c == '[' || c == '{' || c == '?')
                        return false;
                    line = i;
                    column += offset;
                }
                best = {line, column};
            }
        }
        if (!s.ok)
            return false;
        if (!found || line < 0)
            break;
    }
    if (!s.ok)
        return false;
    *out = best;
    return true;
}

} // namespace egret::yaml

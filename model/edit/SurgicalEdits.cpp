#include "model/edit/SurgicalEdits.h"

#include "model/edit/NodeEdit.h"
#include "model/edit/ScalarText.h"
#include "model/edit/YamlLines.h"
#include "model/yaml/Scalars.h"
#include "model/yaml/YamlPath.h"

namespace egret::edit::surgical {

namespace {

struct Entry {
    YAML::Node key;
    YAML::Node value;
    bool last = false;
};

std::optional<Entry> findEntry(const YAML::Node &map, const std::string &key) {
    std::size_t i = 0;
    for (auto it = map.begin(), end = map.end(); it != end; ++it, ++i)
        if (it->first.IsScalar() && it->first.Scalar() == key)
            return Entry{it->first, it->second, i + 1 == map.size()};
    return std::nullopt;
}

bool isBlock(const YAML::Node &n) {
    return (n.IsMap() || n.IsSequence()) && n.size() > 0 && n.Style() != YAML::EmitterStyle::Flow;
}

// A value written as a block sequence whose dashes sit at the key's own column.
bool sequenceAtColumn(const YAML::Node &value, int column) {
    return isBlock(value) && value.IsSequence() && value.Mark().column == column;
}

// The node written as block YAML at `indent`, in the document's style and line breaks.
QByteArray render(const YAML::Node &node, const yaml::EmitStyle &style, int indent,
                  const QByteArray &lineBreak, bool indentFirstLine = true) {
    yaml::NodeBudget budget(1 << 22);
    const std::optional<std::string> emitted = yaml::emitDocument(node, style, budget);
    if (!emitted)
        return {};
    const QByteArray body = QByteArray::fromStdString(*emitted);
    QByteArray out;
    const QByteArray pad(indent, ' ');
    qsizetype pos = 0;
    bool first = true;
    while (pos < body.size()) {
        qsizetype nl = body.indexOf('\n', pos);
        if (nl < 0)
            nl = body.size();
        const QByteArray line = body.mid(pos, nl - pos);
        if (!line.isEmpty() && (indentFirstLine || !first))
            out += pad;
        out += line;
        out += lineBreak;
        first = false;
        pos = nl + 1;
    }
    return out;
}

YAML::Node single(const YAML::Node &item) {
    YAML::Node seq(YAML::NodeType::Sequence);
    seq.push_back(item);
    return seq;
}

YAML::Node single(const YAML::Node &key, const YAML::Node &value) {
    YAML::Node map(YAML::NodeType::Map);
    map.force_insert(key, value);
    return map;
}

// Puts `block` (whole lines, ending with a break) after line `last`.
QByteArray insertAfter(const QByteArray &text, const YamlLines &lines, int last, QByteArray block) {
    QByteArray out = text;
    if (lines.endsWithBreak(last)) {
        out.insert(lines.end(last), block);
    } else {
        // The text ends without a break: the break goes before the new lines instead.
        block.chop(lines.lineBreak().size());
        out.insert(lines.end(last), lines.lineBreak() + block);
    }
    return out;
}

// Removes lines first..last, and the break before them when the last has none.
QByteArray eraseLines(const QByteArray &text, const YamlLines &lines, int first, int last) {
    qsizetype from = lines.start(first);
    const qsizetype to = lines.end(last);
    if (!lines.endsWithBreak(last) && first > 0)
        from = lines.start(first) -
               (lines.end(first - 1) - lines.start(first - 1) - lines.content(first - 1).size());
    QByteArray out = text;
    out.remove(from, to - from);
    return out;
}

QString parentOf(const QString &path, yaml::PathSegment *last) {
    QVector<yaml::PathSegment> segs = yaml::parsePath(path);
    if (segs.isEmpty())
        return QString();
    *last = segs.takeLast();
    QString parent;
    for (const yaml::PathSegment &s : segs)
        parent = s.isIndex() ? yaml::appendIndex(parent, s.index) : yaml::appendKey(parent, s.key);
    return parent;
}

} // namespace

std::optional<QByteArray> appendItem(const QByteArray &text, const YAML::Node &root,
                                     const QString &sequencePath, const YAML::Node &item,
                                     const yaml::EmitStyle &style) {
    const YAML::Node seq = findPath(root, sequencePath);
    if (seq.IsSequence() && seq.Style() == YAML::EmitterStyle::Flow)
        return flow::appendItem(text, seq, item);
    if (!seq.IsSequence() || !isBlock(seq))
        return std::nullopt;
    const YAML::Mark mark = seq.Mark();
    const YamlLines lines(text);
    if (mark.pos < 0 || mark.pos >= text.size() || text[mark.pos] != '-' ||
        lines.indent(mark.line) != mark.column)
        return std::nullopt;
    const YAML::Node lastItem = seq[seq.size() - 1];
    if (lastItem.IsNull() || lastItem.Mark().line < mark.line)
        return std::nullopt; // an empty item or an alias: no lines of its own to follow
    const int dash = lines.dashLine(lastItem.Mark().line, mark.column);
    if (dash < 0)
        return std::nullopt;
    const int last = lines.elementLastLine(dash, mark.column, false);
    return insertAfter(text, lines, last,
                       render(single(item), style, mark.column, lines.lineBreak()));
}

std::optional<QByteArray> insertEntry(const QByteArray &text, const YAML::Node &root,
                                      const QString &mapPath, const QString &key,
                                      const YAML::Node &value, const yaml::EmitStyle &style) {
    const YAML::Node map = findPath(root, mapPath);
    if (map.IsMap() && map.Style() == YAML::EmitterStyle::Flow)
        return flow::insertEntry(text, map, key, value);
    if (!map.IsMap() || !isBlock(map) || findEntry(map, key.toStdString()))
        return std::nullopt;
    const int column = map.begin()->first.Mark().column;
    YAML::Node lastKey;
    YAML::Node lastValue;
    for (auto it = map.begin(), end = map.end(); it != end; ++it) {
        lastKey.reset(it->first);
        lastValue.reset(it->second);
    }
    const YAML::Mark km = lastKey.Mark();
    if (km.column != column || km.pos >= text.size() || text[km.pos] == '?')
        return std::nullopt;
    const YamlLines lines(text);
    const int last = lines.elementLastLine(km.line, column, sequenceAtColumn(lastValue, column));
    return insertAfter(text, lines, last,
                       render(single(stringScalar(key), value), style, column, lines.lineBreak()));
}

std::optional<QByteArray> removeEntry(const QByteArray &text, const YAML::Node &root,
                                      const QString &mapPath, const QString &key) {
    const YAML::Node map = findPath(root, mapPath);
    if (map.IsMap() && map.Style() == YAML::EmitterStyle::Flow)
        return flow::removeEntry(text, map, key);
    if (!map.IsMap() || !isBlock(map) || map.size() < 2)
        return std::nullopt; // an emptied mapping must be written `{}`: the fallback does it
    const std::optional<Entry> entry = findEntry(map, key.toStdString());
    if (!entry)
        return std::nullopt;
    const YAML::Mark km = entry->key.Mark();
    const YamlLines lines(text);
    if (lines.indent(km.line) != km.column)
        return std::nullopt; // `- key:` opens a sequence item; the dash must stay
    const int last =
        lines.elementLastLine(km.line, km.column, sequenceAtColumn(entry->value, km.column));
    return eraseLines(text, lines, km.line, last);
}

std::optional<QByteArray> removeItem(const QByteArray &text, const YAML::Node &root,
                                     const QString &sequencePath, int index) {
    const YAML::Node seq = findPath(root, sequencePath);
    if (seq.IsSequence() && seq.Style() == YAML::EmitterStyle::Flow)
        return flow::removeItem(text, seq, index);
    if (!seq.IsSequence() || !isBlock(seq) || seq.size() < 2 || index < 0 ||
        std::size_t(index) >= seq.size())
        return std::nullopt;
    const YAML::Node item = seq[std::size_t(index)];
    const int column = seq.Mark().column;
    const YamlLines lines(text);
    if (item.IsNull() || item.Mark().line < seq.Mark().line)
        return std::nullopt;
    const int dash = lines.dashLine(item.Mark().line, column);
    if (dash < 0)
        return std::nullopt;
    return eraseLines(text, lines, dash, lines.elementLastLine(dash, column, false));
}

std::optional<QByteArray> setScalar(const QByteArray &text, const YAML::Node &root,
                                    const QString &path, const YAML::Node &value) {
    const YAML::Node node = findPath(root, path);
    if (!node.IsScalar())
        return std::nullopt;
    const qsizetype pos = node.Mark().pos;
    if (pos < 0 || pos >= text.size())
        return std::nullopt;
    const char first = text[pos];
    if (first == '|' || first == '>' || first == '&' || first == '!' || first == '*')
        return std::nullopt; // block scalars, anchors, tags and aliases: re-emit instead
    yaml::PathSegment last;
    const YAML::Node parent = findPath(root, parentOf(path, &last));
    const bool inFlow = parent.Style() == YAML::EmitterStyle::Flow;
    const YamlLines lines(text);
    const int line = lines.lineOf(pos);
    const qsizetype lineEnd = lines.start(line) + lines.content(line).size();
    const qsizetype end = detail::scalarEnd(text, pos, lineEnd, inFlow);
    const char quote = first == '"' || first == '\'' ? first : 0;
    const std::optional<QByteArray> replacement = detail::scalarText(value, quote, inFlow);
    if (end < 0 || !replacement)
        return std::nullopt;
    QByteArray out = text;
    out.replace(pos, end - pos, *replacement);
    return out;
}

std::optional<QByteArray> replaceEntry(const QByteArray &text, const YAML::Node &root,
                                       const QString &mapPath, const QString &key,
                                       const YAML::Node &value, const yaml::EmitStyle &style) {
    const YAML::Node map = findPath(root, mapPath);
    if (!map.IsMap() || !isBlock(map))
        return std::nullopt;
    const std::optional<Entry> entry = findEntry(map, key.toStdString());
    if (!entry)
        return std::nullopt;
    const YAML::Mark km = entry->key.Mark();
    if (km.pos < 0 || km.pos >= text.size() || text[km.pos] == '?')
        return std::nullopt;
    const YamlLines lines(text);
    // Only dashes and spaces may precede the key on its line: `key:` or `- key:`.
    const QByteArrayView head =
        lines.content(km.line).first(qMin<qsizetype>(km.column, lines.content(km.line).size()));
    for (char c : head)
        if (c != ' ' && c != '-')
            return std::nullopt;
    const int last =
        lines.elementLastLine(km.line, km.column, sequenceAtColumn(entry->value, km.column));
    QByteArray block =
        render(single(entry->key, value), style, km.column, lines.lineBreak(), false);
    if (block.isEmpty())
        return std::nullopt;
    if (!lines.endsWithBreak(last))
        block.chop(lines.lineBreak().size());
    QByteArray out = text;
    const qsizetype from = lines.start(km.line) + km.column;
    out.replace(from, lines.end(last) - from, block);
    return out;
}

} // namespace egret::edit::surgical

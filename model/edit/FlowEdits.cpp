#include "model/edit/NodeEdit.h"
#include "model/edit/ScalarText.h"
#include "model/edit/SurgicalEdits.h"

#include <QVector>

namespace egret::edit::surgical::flow {

namespace {

using detail::scalarEnd;
using detail::scalarText;

struct Span {
    qsizetype begin = 0; // first byte
    qsizetype end = 0;   // after the last byte
};

// The closing bracket of the flow collection opening at `open`, when it closes on that line.
qsizetype closingBracket(const QByteArray &text, qsizetype open) {
    int depth = 0;
    for (qsizetype i = open; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n' || c == '\r')
            return -1;
        if (c == '"' || c == '\'') {
            const qsizetype end = scalarEnd(
                text, i, text.indexOf('\n', i) < 0 ? text.size() : text.indexOf('\n', i), true);
            if (end < 0)
                return -1;
            i = end - 1;
        } else if (c == '[' || c == '{') {
            ++depth;
        } else if (c == ']' || c == '}') {
            if (--depth == 0)
                return i;
        } else if (c == '#' && i > open && text[i - 1] == ' ') {
            return -1;
        }
    }
    return -1;
}

bool onOneLine(const QByteArray &text, const YAML::Node &n, qsizetype *close) {
    if (n.Style() != YAML::EmitterStyle::Flow)
        return false;
    const qsizetype open = n.Mark().pos;
    if (open < 0 || open >= text.size() || (text[open] != '[' && text[open] != '{'))
        return false;
    *close = closingBracket(text, open);
    return *close > open;
}

std::optional<Span> scalarSpan(const QByteArray &text, const YAML::Node &n, qsizetype close) {
    if (!n.IsScalar())
        return std::nullopt;
    const qsizetype begin = n.Mark().pos;
    if (begin < 0 || begin >= close)
        return std::nullopt;
    const char c = text[begin];
    if (c == '&' || c == '!' || c == '*' || c == '?')
        return std::nullopt;
    const qsizetype end = scalarEnd(text, begin, close, true);
    if (end <= begin)
        return std::nullopt;
    return Span{begin, end};
}

// The spans of the items, or of the `key: value` entries; nothing when one is not a scalar.
std::optional<QVector<Span>> itemSpans(const QByteArray &text, const YAML::Node &n,
                                       qsizetype close) {
    QVector<Span> out;
    for (auto it = n.begin(), end = n.end(); it != end; ++it) {
        const std::optional<Span> first = scalarSpan(text, n.IsMap() ? it->first : *it, close);
        if (!first)
            return std::nullopt;
        if (!n.IsMap()) {
            out.append(*first);
            continue;
        }
        const std::optional<Span> value = scalarSpan(text, it->second, close);
        if (!value || value->begin < first->end)
            return std::nullopt;
        out.append({first->begin, value->end});
    }
    return out;
}

std::optional<QByteArray> insertLast(const QByteArray &text, const YAML::Node &n,
                                     const QByteArray &itemText) {
    qsizetype close = 0;
    if (!onOneLine(text, n, &close))
        return std::nullopt;
    const std::optional<QVector<Span>> spans = itemSpans(text, n, close);
    if (!spans)
        return std::nullopt;
    QByteArray out = text;
    if (spans->isEmpty()) {
        if (!QByteArrayView(text)
                 .sliced(n.Mark().pos + 1, close - n.Mark().pos - 1)
                 .trimmed()
                 .isEmpty())
            return std::nullopt;
        out.insert(n.Mark().pos + 1, itemText);
    } else {
        out.insert(spans->last().end, ", " + itemText);
    }
    return out;
}

// Removing the item that insertLast added takes exactly its bytes back.
std::optional<QByteArray> removeAt(const QByteArray &text, const YAML::Node &n, int index) {
    qsizetype close = 0;
    if (!onOneLine(text, n, &close))
        return std::nullopt;
    const std::optional<QVector<Span>> spans = itemSpans(text, n, close);
    if (!spans || index < 0 || index >= spans->size())
        return std::nullopt;
    const QVector<Span> &s = *spans;
    Span gone = s[index];
    if (s.size() > 1)
        gone = index > 0 ? Span{s[index - 1].end, s[index].end} : Span{s[0].begin, s[1].begin};
    QByteArray out = text;
    out.remove(gone.begin, gone.end - gone.begin);
    return out;
}

} // namespace

std::optional<QByteArray> appendItem(const QByteArray &text, const YAML::Node &seq,
                                     const YAML::Node &item) {
    const std::optional<QByteArray> itemText = scalarText(item, 0, true);
    if (!seq.IsSequence() || !itemText)
        return std::nullopt;
    return insertLast(text, seq, *itemText);
}

std::optional<QByteArray> removeItem(const QByteArray &text, const YAML::Node &seq, int index) {
    return seq.IsSequence() ? removeAt(text, seq, index) : std::nullopt;
}

std::optional<QByteArray> insertEntry(const QByteArray &text, const YAML::Node &map,
                                      const QString &key, const YAML::Node &value) {
    const std::optional<QByteArray> keyText = scalarText(stringScalar(key), 0, true);
    const std::optional<QByteArray> valueText = scalarText(value, 0, true);
    if (!map.IsMap() || !keyText || !valueText)
        return std::nullopt;
    return insertLast(text, map, *keyText + ": " + *valueText);
}

std::optional<QByteArray> removeEntry(const QByteArray &text, const YAML::Node &map,
                                      const QString &key) {
    if (!map.IsMap())
        return std::nullopt;
    int index = 0;
    for (auto it = map.begin(), end = map.end(); it != end; ++it, ++index)
        if (it->first.IsScalar() && it->first.Scalar() == key.toStdString())
            return removeAt(text, map, index);
    return std::nullopt;
}

} // namespace egret::edit::surgical::flow

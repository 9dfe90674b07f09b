#include "model/edit/DocumentRewriter.h"

#include "model/yaml/Emitter.h"
#include "model/yaml/Utf8.h"

#include <QVector>

namespace egret::edit {

namespace {

struct Line {
    qsizetype start;
    qsizetype end; // after the line break
};

QVector<Line> lines(const QByteArray &text) {
    QVector<Line> out;
    qsizetype pos = 0;
    while (pos < text.size()) {
        qsizetype nl = text.indexOf('\n', pos);
        const qsizetype end = nl < 0 ? text.size() : nl + 1;
        out.append({pos, end});
        pos = end;
    }
    return out;
}

// A line without its line break (\n or \r\n). A lone \r is content to yaml-cpp.
QByteArrayView content(const QByteArray &text, const Line &l) {
    QByteArrayView v(text.constData() + l.start, l.end - l.start);
    if (v.endsWith('\n'))
        v.chop(v.endsWith("\r\n") ? 2 : 1);
    return v;
}

// YAML's white space is spaces and tabs only (QByteArrayView::trimmed also strips \v, \f and
// \r, which yaml-cpp reads as content).
QByteArrayView yamlTrimmed(QByteArrayView v) {
    auto blank = [](char c) { return c == ' ' || c == '\t'; };
    while (!v.isEmpty() && blank(v.front()))
        v = v.sliced(1);
    while (!v.isEmpty() && blank(v.back()))
        v.chop(1);
    return v;
}

bool isBlankOrComment(QByteArrayView v) {
    const QByteArrayView t = yamlTrimmed(v);
    return t.isEmpty() || t.startsWith('#');
}

bool isMarker(QByteArrayView v) {
    return v.startsWith("---") && (v.size() == 3 || v[3] == ' ' || v[3] == '\t');
}

// Removes the spaces and tabs of whitespace-only lines; the lines themselves stay.
QByteArray emptyBlankLines(const QByteArray &text) {
    QByteArray out;
    out.reserve(text.size());
    for (const Line &l : lines(text)) {
        const QByteArrayView line(text.constData() + l.start, l.end - l.start);
        const QByteArrayView body = content(text, l);
        out += yamlTrimmed(body).isEmpty() ? line.sliced(body.size()) : line;
    }
    return out;
}

} // namespace

DocumentParts splitDocumentText(const QByteArray &text) {
    const QVector<Line> ls = lines(text);
    int first = 0;
    while (first < ls.size()) {
        const QByteArrayView v = content(text, ls[first]);
        const bool inert = isBlankOrComment(v) || (v.startsWith('%')) ||
                           (isMarker(v) && isBlankOrComment(v.sliced(3)));
        if (!inert)
            break;
        ++first;
    }
    int last = int(ls.size()) - 1;
    // Only comments at column 0 can be told apart from the content of a block scalar.
    while (last >= first) {
        const QByteArrayView v = content(text, ls[last]);
        if (!(yamlTrimmed(v).isEmpty() || v.startsWith('#') || v == "..."))
            break;
        --last;
    }
    DocumentParts parts;
    parts.bodyStart = first < ls.size() ? ls[first].start : text.size();
    parts.bodyEnd = last >= first && last >= 0 ? ls[last].end : parts.bodyStart;
    return parts;
}

std::optional<QByteArray> rewriteDocument(const QByteArray &text,
                                          const std::function<bool(YAML::Node &root)> &change,
                                          QString *error) {
    // What the loader refuses to read (parseDocument), yaml-cpp reads leniently and not the
    // same way twice: such a document is not rewritten.
    if (yaml::firstInvalidUtf8(text.constData(), text.size()) >= 0 || text.contains('\0')) {
        if (error)
            *error = QStringLiteral("the document is not UTF-8 text");
        return std::nullopt;
    }
    YAML::Node root;
    try {
        root = YAML::Load(std::string(text.constData(), size_t(text.size())));
    } catch (const YAML::Exception &e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return std::nullopt;
    }
    const yaml::EmitStyle style = yaml::detectStyle(root);
    if (!change(root))
        return std::nullopt;
    yaml::NodeBudget budget(text.size() * 4 + 100000);
    const std::optional<std::string> body = yaml::emitDocument(root, style, budget);
    if (!body) {
        if (error)
            *error = QStringLiteral("the document expands to too many nodes");
        return std::nullopt;
    }
    const DocumentParts parts = splitDocumentText(text);
    QByteArray out = text.left(parts.bodyStart);
    // Content that began on the `---` line itself is now written below it.
    if (parts.bodyStart < text.size() && isMarker(QByteArrayView(text).sliced(parts.bodyStart)))
        out += "---\n";
    // A document of only a `---` line with no line break after it: the content goes below.
    if (!out.isEmpty() && !out.endsWith('\n'))
        out += text.contains("\r\n") ? "\r\n" : "\n";
    QByteArray emitted = QByteArray::fromStdString(*body);
    const bool hadFinalNewline = parts.bodyEnd > parts.bodyStart && text[parts.bodyEnd - 1] == '\n';
    // A `|` block's value ends with a line break only when the text has one; with such a block
    // (perhaps last) the document keeps its final newline.
    const bool hasClippedBlock = emitted.contains("|\n");
    if (!hadFinalNewline && parts.bodyEnd == text.size() && emitted.endsWith('\n') &&
        !hasClippedBlock)
        emitted.chop(1);
    if (text.contains("\r\n"))
        emitted.replace("\n", "\r\n");
    out += emitted;
    // Spaces on the blank lines after the content would be read as content of a block scalar
    // (`|`) that ends it, so they go.
    out += emptyBlankLines(text.mid(parts.bodyEnd));
    return out;
}

QByteArray renderDocument(const YAML::Node &root) {
    yaml::EmitStyle style;
    style.indentSequences = true;
    yaml::NodeBudget budget(1 << 24);
    return QByteArray::fromStdString(
        yaml::emitDocument(root, style, budget).value_or(std::string()));
}

} // namespace egret::edit

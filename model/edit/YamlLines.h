#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QVector>

namespace egret::edit {

// The lines of one document's text, for edits that follow its block structure. Indentation in
// block YAML is made of spaces only, so columns of keys and dashes are byte columns.
class YamlLines {
public:
    explicit YamlLines(const QByteArray &text);

    int count() const { return int(m_starts.size()); }
    qsizetype start(int line) const { return m_starts[line]; }
    qsizetype end(int line) const;          // after the line break, or the end of the text
    QByteArrayView content(int line) const; // without the line break
    int indent(int line) const;             // leading spaces
    bool isBlank(int line) const;
    bool isComment(int line) const; // the first non-space character is '#'
    bool endsWithBreak(int line) const;
    int lineOf(qsizetype pos) const;
    // The document's own line break: CRLF when its first break is one.
    QByteArray lineBreak() const { return m_crlf ? QByteArrayLiteral("\r\n") : "\n"; }

    // The last line of a block element (a mapping entry or a sequence item) whose first line is
    // `first` and whose key or dash is at `column`. Lines indented deeper belong to it, and so
    // do `- ` lines at its own column when its value is a sequence written at the key's column.
    // Comments and blank lines at or left of the column belong to what follows.
    int elementLastLine(int first, int column, bool sequenceAtColumn) const;

    // The line of the dash that opens the sequence item whose content starts at `contentLine`
    // (the same line for `- value`, an earlier one for a dash alone on its line); -1 if none.
    int dashLine(int contentLine, int column) const;

private:
    const QByteArray &m_text;
    QVector<qsizetype> m_starts;
    bool m_crlf = false;
};

} // namespace egret::edit

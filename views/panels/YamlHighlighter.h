#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace egret::views {

// Colours YAML by line structure: keys, scalars, comments, document markers, anchors and tags.
// Line-local on purpose: it stays fast on large documents and never needs a parse.
class YamlHighlighter : public QSyntaxHighlighter {
    Q_OBJECT

public:
    explicit YamlHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_keyword;
    QTextCharFormat m_comment;
    QTextCharFormat m_marker;
    QTextCharFormat m_anchor;
};

} // namespace egret::views

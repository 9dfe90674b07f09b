#include "views/panels/YamlHighlighter.h"

#include <QRegularExpression>

namespace egret::views {

YamlHighlighter::YamlHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document) {
    m_key.setForeground(QColor(0x00, 0x5c, 0xc5));
    m_string.setForeground(QColor(0x0a, 0x7d, 0x28));
    m_number.setForeground(QColor(0xa3, 0x4e, 0x00));
    m_keyword.setForeground(QColor(0x8a, 0x2b, 0xe2));
    m_comment.setForeground(QColor(0x6a, 0x73, 0x7d));
    m_comment.setFontItalic(true);
    m_marker.setForeground(QColor(0xb3, 0x1d, 0x28));
    m_marker.setFontWeight(QFont::Bold);
    m_anchor.setForeground(QColor(0xb0, 0x5a, 0x00));
}

void YamlHighlighter::highlightBlock(const QString &text) {
    static const QRegularExpression marker(QStringLiteral("^(---|\\.\\.\\.)(\\s|$)"));
    static const QRegularExpression key(
        QStringLiteral("^(\\s*(?:-\\s+)*)([^\\s#'\"][^:#]*?|\"[^\"]*\"|'[^']*')\\s*:(\\s|$)"));
    static const QRegularExpression quoted(
        QStringLiteral("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^']|'')*'"));
    static const QRegularExpression number(
        QStringLiteral("(?<=[:\\-\\[,]\\s)[-+]?(?:0x[0-9a-fA-F]+|\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?"
                       ")(?=\\s*(?:#|,|\\]|\\}|$))"));
    static const QRegularExpression keyword(
        QStringLiteral(
            "(?<=[:\\-\\[,]\\s)(?:true|false|null|~|yes|no|on|off)(?=\\s*(?:#|,|\\]|\\}|$))"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression anchor(QStringLiteral("[&*][A-Za-z0-9_-]+|!![a-z]+|!<[^>]*>"));
    static const QRegularExpression comment(QStringLiteral("(^|\\s)#.*$"));

    if (const auto m = marker.match(text); m.hasMatch()) {
        setFormat(0, int(m.capturedLength(1)), m_marker);
    }
    if (const auto m = key.match(text); m.hasMatch())
        setFormat(int(m.capturedStart(2)), int(m.capturedLength(2)), m_key);
    for (auto it = number.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_number);
    }
    for (auto it = keyword.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_keyword);
    }
    for (auto it = anchor.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_anchor);
    }
    int quotedEnd = -1;
    for (auto it = quoted.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_string);
        quotedEnd = int(m.capturedEnd());
    }
    // A '#' inside a quoted string is not a comment.
    if (const auto m = comment.match(text); m.hasMatch() && m.capturedStart() >= quotedEnd)
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_comment);
}

} // namespace egret::views

#include "views/review/DiffHighlighter.h"

#include <QColor>

namespace egret::views {

DiffHighlighter::DiffHighlighter(QTextDocument *document)
    : YamlHighlighter(document) {
    m_hunk.setForeground(QColor(0x6f, 0x42, 0xc1));
    m_hunk.setFontWeight(QFont::Bold);
    m_file.setFontWeight(QFont::Bold);
}

void DiffHighlighter::highlightBlock(const QString &text) {
    if (text.startsWith(QLatin1String("@@"))) {
        setFormat(0, int(text.size()), m_hunk);
        return;
    }
    if (text.startsWith(QLatin1String("--- ")) || text.startsWith(QLatin1String("+++ ")) ||
        text.startsWith(QLatin1Char('\\'))) {
        setFormat(0, int(text.size()), m_file);
        return;
    }
    if (text.isEmpty())
        return;
    // The YAML after the +, - or space, coloured at the same offsets.
    YamlHighlighter::highlightBlock(QLatin1Char(' ') + text.mid(1));
    const QChar op = text.front();
    if (op != QLatin1Char('+') && op != QLatin1Char('-'))
        return;
    const QColor background =
        op == QLatin1Char('+') ? QColor(0xe6, 0xff, 0xec) : QColor(0xff, 0xeb, 0xe9);
    for (int i = 0; i < text.size(); ++i) {
        QTextCharFormat f = format(i);
        f.setBackground(background);
        setFormat(i, 1, f);
    }
}

} // namespace egret::views

#include "views/panels/YamlEditor.h"

#include "model/yaml/NodeTreeLocator.h"
#include "views/panels/YamlHighlighter.h"

#include <QFontDatabase>
#include <QPainter>
#include <QScrollBar>
#include <QTextBlock>

#include <algorithm>

namespace egret::views {

// The gutter: file line numbers, painted by the editor.
class LineNumberArea : public QWidget {
public:
    explicit LineNumberArea(YamlEditor *editor)
        : QWidget(editor)
        , m_editor(editor) {}
    QSize sizeHint() const override { return {m_editor->gutterWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintGutter(event); }

private:
    YamlEditor *m_editor;
};

YamlEditor::YamlEditor(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_gutter(new LineNumberArea(this)) {
    setObjectName(QStringLiteral("yamlEditor"));
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabChangesFocus(false);
    new YamlHighlighter(document());
    m_commitTimer.setSingleShot(true);
    m_commitTimer.setInterval(500);
    connect(&m_commitTimer, &QTimer::timeout, this, &YamlEditor::commitNow);
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        if (m_loading || m_document == 0)
            return;
        m_dirty = true;
        m_commitTimer.start();
    });
    connect(this, &QPlainTextEdit::blockCountChanged, this,
            [this] { setViewportMargins(gutterWidth(), 0, 0, 0); });
    connect(this, &QPlainTextEdit::updateRequest, this, &YamlEditor::updateGutter);
    setViewportMargins(gutterWidth(), 0, 0, 0);
    setEnabled(false);
}

void YamlEditor::showDocument(DocumentId id, const QByteArray &text, int firstLine) {
    const QString s = QString::fromUtf8(text);
    m_firstLine = firstLine;
    if (id == m_document && (s == toPlainText() || m_dirty)) {
        m_gutter->update();
        return; // the user's own typing, coming back: keep cursor and undo history
    }
    if (id == m_document) {
        // The same document, changed by the workspace (a line break it needs at the end of the
        // user's text, an undo, a recipe): change only what differs, so that the cursor and the
        // view stay where the user is typing.
        replaceDifference(s);
        m_problemMarks.clear();
        applySelections();
        m_gutter->update();
        return;
    }
    m_commitTimer.stop();
    m_dirty = false;
    m_loading = true;
    m_document = id;
    setPlainText(s);
    m_loading = false;
    m_problemMarks.clear();
    m_reveal = {};
    applySelections();
    setEnabled(true);
    setViewportMargins(gutterWidth(), 0, 0, 0);
}

void YamlEditor::replaceDifference(const QString &now) {
    const QString was = toPlainText();
    const qsizetype most = std::min(was.size(), now.size());
    qsizetype head = 0;
    while (head < most && was[head] == now[head])
        ++head;
    qsizetype tail = 0;
    while (tail < most - head && was[was.size() - 1 - tail] == now[now.size() - 1 - tail])
        ++tail;
    const qsizetype oldEnd = was.size() - tail;
    const qsizetype newEnd = now.size() - tail;
    // Where a position of the old text is in the new one: before the change it stays, after it
    // it moves with the text, inside it it is kept within what replaced it.
    auto moved = [&](qsizetype p) {
        return p <= head ? p : p >= oldEnd ? p + (newEnd - oldEnd) : std::min(p, newEnd);
    };
    const QTextCursor user = textCursor();
    const qsizetype anchor = moved(user.anchor()), position = moved(user.position());
    const int scroll = verticalScrollBar()->value();
    m_loading = true;
    QTextCursor c(document());
    c.setPosition(int(head));
    c.setPosition(int(oldEnd), QTextCursor::KeepAnchor);
    c.insertText(now.mid(head, newEnd - head));
    m_loading = false;
    QTextCursor kept(document());
    kept.setPosition(int(anchor));
    kept.setPosition(int(position), QTextCursor::KeepAnchor);
    setTextCursor(kept);
    verticalScrollBar()->setValue(scroll);
}

void YamlEditor::clearDocument() {
    m_commitTimer.stop();
    m_dirty = false;
    m_loading = true;
    m_document = 0;
    clear();
    m_loading = false;
    m_problemMarks.clear();
    applySelections();
    setEnabled(false);
}

void YamlEditor::commitNow() {
    m_commitTimer.stop();
    if (!m_dirty || m_document == 0)
        return;
    m_dirty = false;
    Q_EMIT textCommitted(m_document, toPlainText().toUtf8());
}

void YamlEditor::focusOutEvent(QFocusEvent *event) {
    commitNow();
    QPlainTextEdit::focusOutEvent(event);
}

void YamlEditor::setDiagnostics(const Diagnostics &diagnostics) {
    m_problemMarks.clear();
    for (const Diagnostic &d : diagnostics) {
        const int line = d.location.line - m_firstLine;
        const QTextBlock block = document()->findBlockByNumber(line);
        if (line < 0 || !block.isValid())
            continue;
        QTextEdit::ExtraSelection mark;
        mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        mark.format.setUnderlineColor(d.severity == Severity::Error ? QColor(0xd0, 0x21, 0x2f)
                                                                    : QColor(0xd8, 0x8a, 0x00));
        mark.format.setToolTip(d.message);
        QTextCursor c(block);
        c.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, qMax(0, d.location.column - 1));
        c.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        if (!c.hasSelection()) {
            c = QTextCursor(block);
            c.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        }
        mark.cursor = c;
        m_problemMarks.append(mark);
    }
    applySelections();
}

bool YamlEditor::revealPath(const QString &documentPath) {
    yaml::TextPosition pos;
    if (!yaml::locateInNodeTree(toPlainText().toUtf8(), documentPath, &pos))
        return false;
    const QTextBlock block = document()->findBlockByNumber(pos.line);
    if (!block.isValid())
        return false;
    QTextCursor c(block);
    c.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, pos.column);
    setTextCursor(c);
    centerCursor();
    m_reveal = {};
    m_reveal.format.setBackground(palette().color(QPalette::Highlight).lighter(170));
    m_reveal.format.setProperty(QTextFormat::FullWidthSelection, true);
    m_reveal.cursor = QTextCursor(block);
    applySelections();
    return true;
}

void YamlEditor::applySelections() {
    QList<QTextEdit::ExtraSelection> all = m_problemMarks;
    if (!m_reveal.cursor.isNull())
        all.prepend(m_reveal);
    setExtraSelections(all);
}

int YamlEditor::gutterWidth() const {
    const int lastLine = m_firstLine + qMax(1, blockCount());
    const int digits = int(QString::number(lastLine).size());
    return 12 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * digits;
}

void YamlEditor::resizeEvent(QResizeEvent *event) {
    QPlainTextEdit::resizeEvent(event);
    const QRect r = contentsRect();
    m_gutter->setGeometry(QRect(r.left(), r.top(), gutterWidth(), r.height()));
}

void YamlEditor::updateGutter(const QRect &rect, int dy) {
    if (dy)
        m_gutter->scroll(0, dy);
    else
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
}

void YamlEditor::paintGutter(QPaintEvent *event) {
    QPainter p(m_gutter);
    p.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
    p.setPen(palette().color(QPalette::PlaceholderText));
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    while (block.isValid() && top <= event->rect().bottom()) {
        const int height = qRound(blockBoundingRect(block).height());
        if (block.isVisible())
            p.drawText(0, top, m_gutter->width() - 6, height, Qt::AlignRight | Qt::AlignVCenter,
                       QString::number(m_firstLine + block.blockNumber()));
        block = block.next();
        top += height;
    }
}

} // namespace egret::views

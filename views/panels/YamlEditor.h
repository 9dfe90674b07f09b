#pragma once

#include "model/core/Diagnostic.h"
#include "model/core/Ids.h"

#include <QPlainTextEdit>
#include <QTimer>

namespace egret::views {

// The YAML dock's editor: one document's text, highlighted, with file line numbers and the
// document's problems underlined. Typing is committed after a short pause (or on focus loss), as
// the whole new text of the document; the owner turns it into an undoable change and reports the
// re-parse back through setDiagnostics().
class YamlEditor : public QPlainTextEdit {
    Q_OBJECT

public:
    explicit YamlEditor(QWidget *parent = nullptr);

    // Shows a document. `firstLine` is its 1-based first line in its file, for the gutter and for
    // placing diagnostics. Leaves the text alone when it already shows exactly this.
    void showDocument(DocumentId id, const QByteArray &text, int firstLine);
    void clearDocument();
    DocumentId documentId() const { return m_document; }

    // Underlines what is wrong; locations are file positions (as diagnostics carry them).
    void setDiagnostics(const Diagnostics &diagnostics);
    // Puts the cursor on the key of a field (e.g. spec.http[0].route), and selects its line.
    bool revealPath(const QString &documentPath);

    // Commits pending typing at once (the timer does it after a pause).
    void commitNow();
    int commitDelayMs() const { return m_commitTimer.interval(); }

Q_SIGNALS:
    void textCommitted(egret::DocumentId id, const QByteArray &text);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    friend class LineNumberArea;
    int gutterWidth() const;
    void paintGutter(QPaintEvent *event);
    void updateGutter(const QRect &rect, int dy);
    void applySelections();
    void replaceDifference(const QString &now); // the same document's new text, in place

    QWidget *m_gutter = nullptr;
    QTimer m_commitTimer;
    DocumentId m_document = 0;
    int m_firstLine = 1;
    bool m_loading = false;
    bool m_dirty = false;
    QList<QTextEdit::ExtraSelection> m_problemMarks;
    QTextEdit::ExtraSelection m_reveal;
};

} // namespace egret::views

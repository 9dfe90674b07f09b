#pragma once

#include "views/panels/FindTargets.h"

#include <QWidget>

class QCompleter;
class QLabel;
class QLineEdit;
class QStringListModel;

namespace egret::views {

// Find (Ctrl+F): a field above the canvas that completes hosts, namespaces and resources as
// the user types (any part of the name) and goes to the one chosen with Enter or a click.
// Escape closes it.
class FindBar : public QWidget {
    Q_OBJECT

public:
    explicit FindBar(QWidget *parent = nullptr);

    void setTargets(QVector<FindTarget> targets);
    // Shows the bar with the focus in its field, the text selected.
    void open();
    // Goes to the first target whose text contains `text` (case-insensitive); false if none.
    bool find(const QString &text);

    QLineEdit *field() const { return m_field; }
    QCompleter *completer() const { return m_completer; }

Q_SIGNALS:
    void targetChosen(const egret::views::FindTarget &target);
    void closed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool choose(const QString &text);

    QLineEdit *m_field;
    QLabel *m_status;
    QCompleter *m_completer;
    QStringListModel *m_texts;
    QVector<FindTarget> m_targets;
};

} // namespace egret::views

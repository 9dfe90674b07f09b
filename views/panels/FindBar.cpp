#include "views/panels/FindBar.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStringListModel>
#include <QToolButton>

namespace egret::views {

FindBar::FindBar(QWidget *parent)
    : QWidget(parent)
    , m_field(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_completer(new QCompleter(this))
    , m_texts(new QStringListModel(this)) {
    setObjectName(QStringLiteral("findBar"));
    m_field->setObjectName(QStringLiteral("findField"));
    m_field->setPlaceholderText(tr("Find a host, a namespace or a resource"));
    m_field->setClearButtonEnabled(true);
    m_completer->setModel(m_texts);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setMaxVisibleItems(14);
    m_field->setCompleter(m_completer);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            [this](const QString &text) { choose(text); });
    connect(m_field, &QLineEdit::returnPressed, this, [this] {
        // Enter without picking from the list: the first match.
        if (!m_completer->popup()->isVisible() || !m_completer->popup()->currentIndex().isValid())
            find(m_field->text());
    });
    m_field->installEventFilter(this);
    auto *close = new QToolButton(this);
    close->setText(QStringLiteral("\u2715"));
    close->setAutoRaise(true);
    close->setToolTip(tr("Close (Esc)"));
    connect(close, &QToolButton::clicked, this, [this] {
        hide();
        Q_EMIT closed();
    });
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 3, 6, 3);
    layout->addWidget(new QLabel(tr("Find:"), this));
    layout->addWidget(m_field, 1);
    layout->addWidget(m_status);
    layout->addWidget(close);
    hide();
}

void FindBar::setTargets(QVector<FindTarget> targets) {
    m_targets = std::move(targets);
    QStringList texts;
    texts.reserve(m_targets.size());
    for (const FindTarget &t : std::as_const(m_targets))
        texts << t.text;
    m_texts->setStringList(texts);
}

void FindBar::open() {
    show();
    m_status->clear();
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
}

bool FindBar::choose(const QString &text) {
    for (const FindTarget &t : std::as_const(m_targets))
        if (t.text == text) {
            m_status->clear();
            m_completer->popup()->hide();
            Q_EMIT targetChosen(t);
            return true;
        }
    return find(text);
}

bool FindBar::find(const QString &text) {
    if (text.trimmed().isEmpty())
        return false;
    for (const FindTarget &t : std::as_const(m_targets))
        if (t.text.contains(text.trimmed(), Qt::CaseInsensitive)) {
            m_status->clear();
            m_completer->popup()->hide();
            Q_EMIT targetChosen(t);
            return true;
        }
    m_status->setText(tr("Not found"));
    return false;
}

bool FindBar::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_field && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape &&
        !m_completer->popup()->isVisible()) {
        hide();
        Q_EMIT closed();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace egret::views

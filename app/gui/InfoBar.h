#pragma once

#include <QWidget>

class QHBoxLayout;
class QLabel;

namespace egret::gui {

// A message above the canvas with a few buttons: files changed on disk, work to recover. It asks
// without blocking, unlike a dialog.
class InfoBar : public QWidget {
    Q_OBJECT

public:
    explicit InfoBar(QWidget *parent = nullptr);

    // Shows the message with buttons; `key` identifies the question, so the same one is not
    // asked twice at once. Each button runs its action and closes the bar.
    void ask(const QString &key, const QString &message,
             const QList<QPair<QString, std::function<void()>>> &buttons);
    QString key() const { return m_key; }
    void dismiss();

private:
    QLabel *m_text;
    QHBoxLayout *m_buttons;
    QString m_key;
};

} // namespace egret::gui

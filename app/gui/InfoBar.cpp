#include "app/gui/InfoBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace egret::gui {

InfoBar::InfoBar(QWidget *parent)
    : QWidget(parent)
    , m_text(new QLabel(this))
    , m_buttons(new QHBoxLayout) {
    setObjectName(QStringLiteral("infoBar"));
    setAutoFillBackground(true);
    QPalette p = palette();
    p.setColor(QPalette::Window, QColor(0xff, 0xf4, 0xce));
    p.setColor(QPalette::WindowText, QColor(0x3d, 0x2e, 0x00));
    setPalette(p);
    m_text->setWordWrap(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_text, 1);
    layout->addLayout(m_buttons);
    hide();
}

void InfoBar::ask(const QString &key, const QString &message,
                  const QList<QPair<QString, std::function<void()>>> &buttons) {
    if (isVisible() && key == m_key)
        return;
    dismiss();
    m_key = key;
    m_text->setText(message);
    for (const auto &[label, action] : buttons) {
        auto *button = new QPushButton(label, this);
        connect(button, &QPushButton::clicked, this, [this, action] {
            dismiss();
            action();
        });
        m_buttons->addWidget(button);
    }
    show();
}

void InfoBar::dismiss() {
    while (QLayoutItem *item = m_buttons->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_key.clear();
    hide();
}

} // namespace egret::gui

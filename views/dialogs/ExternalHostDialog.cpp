#include "views/dialogs/ExternalHostDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>

namespace egret::views {

ExternalHostDialog::ExternalHostDialog(QWidget *parent)
    : QDialog(parent)
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_protocol(new QComboBox(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("externalHostDialog"));
    setWindowTitle(tr("External Host"));
    m_host->setPlaceholderText(tr("api.example.com or *.example.com"));
    m_host->setMinimumWidth(300);
    m_port->setRange(1, 65535);
    m_port->setValue(443);
    m_protocol->addItems({QStringLiteral("HTTPS"), QStringLiteral("HTTP")});
    m_problem->setStyleSheet(QStringLiteral("color: #b42318"));
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Host:"), m_host);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("P&rotocol:"), m_protocol);
    form->addRow(m_problem);
    form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_host, &QLineEdit::textChanged, this, &ExternalHostDialog::validate);
    // The usual port for each protocol, until the user picks one.
    connect(m_protocol, &QComboBox::currentTextChanged, this, [this](const QString &p) {
        if (m_port->value() == 80 || m_port->value() == 443)
            m_port->setValue(p == QLatin1String("HTTP") ? 80 : 443);
    });
    validate();
}

QString ExternalHostDialog::host() const {
    return m_host->text().trimmed().toLower();
}

int ExternalHostDialog::port() const {
    return m_port->value();
}

bool ExternalHostDialog::isHttp() const {
    return m_protocol->currentText() == QLatin1String("HTTP");
}

void ExternalHostDialog::validate() {
    static const QRegularExpression name(QStringLiteral(
        "^(\\*\\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z0-9]([a-z0-9-]*[a-z0-9])?$"));
    QString problem;
    if (host().isEmpty())
        problem = tr("Name the host.");
    else if (!name.match(host()).hasMatch())
        problem = tr("\"%1\" is not a DNS name (or *.domain).").arg(host());
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

} // namespace egret::views

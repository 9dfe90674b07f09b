#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace egret::views {

// "External host": what dropping the palette's host onto the canvas asks: host, port, protocol.
class ExternalHostDialog : public QDialog {
    Q_OBJECT

public:
    explicit ExternalHostDialog(QWidget *parent = nullptr);

    QString host() const;
    int port() const;
    bool isHttp() const; // HTTP (the sidecar sees requests), else HTTPS (the app's own TLS)

    QLineEdit *hostEdit() const { return m_host; }
    QComboBox *protocolBox() const { return m_protocol; }

private:
    void validate();

    QLineEdit *m_host;
    QSpinBox *m_port;
    QComboBox *m_protocol;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace egret::views

#pragma once

#include "model/mesh/Installation.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace egret::views {

// The Installation dock: the gateways Egret knows, infers or assumes, where each comes from and
// the ports its Service exposes, and the mesh config in effect. Its buttons ask the window to
// load an installation file, add a port to the selected gateway, or save the edits as an
// IstioOperator overlay or Helm values.
class InstallationPanel : public QWidget {
    Q_OBJECT

public:
    explicit InstallationPanel(QWidget *parent = nullptr);

    void setInstallation(const Installation &installation);
    QTreeWidget *view() const { return m_view; }
    QString summaryText() const;
    // The selected gateway as "ns/name", or empty.
    QString selectedGateway() const;

Q_SIGNALS:
    void loadRequested();
    void addPortRequested(const QString &ns, const QString &name);
    void saveRequested();

private:
    void updateButtons();

    QLabel *m_summary;
    QTreeWidget *m_view;
    QPushButton *m_load;
    QPushButton *m_addPort;
    QPushButton *m_save;
};

} // namespace egret::views

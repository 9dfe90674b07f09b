// The Installation dock: what the window knows of the gateways, loading an installation file,
// adding a port to a gateway, and writing the edits in an installation format.
#include "app/gui/MainWindow.h"

#include "app/gui/EditorSession.h"
#include "app/gui/MeshConfigCommand.h"
#include "model/io/AtomicWrite.h"
#include "model/mesh/InstallationWriter.h"
#include "views/panels/InstallationPanel.h"

#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QInputDialog>
#include <QMessageBox>
#include <QStatusBar>
#include <QUndoStack>

namespace egret::gui {

void MainWindow::createInstallationDock() {
    m_installation = new views::InstallationPanel(this);
    auto *d = new QDockWidget(tr("Installation"), this);
    d->setObjectName(QStringLiteral("installationDock"));
    d->setWidget(m_installation);
    addDockWidget(Qt::BottomDockWidgetArea, d);
    connect(d, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            refreshInstallation();
    });
    connect(m_installation, &views::InstallationPanel::loadRequested, this,
            &MainWindow::loadInstallation);
    connect(m_installation, &views::InstallationPanel::addPortRequested, this,
            &MainWindow::addGatewayPort);
    connect(m_installation, &views::InstallationPanel::saveRequested, this,
            &MainWindow::saveInstallationEdits);
}

void MainWindow::refreshInstallation() {
    // Resolved from the files as they are (a scan of the resources: milliseconds at thousands).
    if (m_installation && m_installation->isVisible())
        m_installation->setInstallation(
            resolveInstallation(m_session->workspace(), m_session->meshConfig()));
}

void MainWindow::loadInstallation() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Load Installation"), QString(),
        tr("Installation or mesh config (*.yaml *.yml);;All files (*)"));
    if (path.isEmpty())
        return;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(this, tr("Load Installation"),
                             tr("Cannot read %1: %2").arg(path, f.errorString()));
        return;
    }
    const QByteArray text = f.readAll();
    MeshConfig mesh = m_session->meshConfig();
    Diagnostics problems;
    // A file without `kind` and with `service` or `labels` at the top is the gateway chart's
    // values: they need the release they were installed as.
    const bool values = !text.contains("\nkind:") && !text.startsWith("kind:") &&
                        (text.contains("service:") || text.contains("labels:"));
    if (values) {
        bool ok = false;
        const QString release = QInputDialog::getText(
            this, tr("Helm Release"),
            tr("%1 looks like the istio/gateway chart's values.\nRelease as namespace/name:")
                .arg(QFileInfo(path).fileName()),
            QLineEdit::Normal, QStringLiteral("istio-egress/istio-egressgateway"), &ok);
        if (!ok)
            return;
        if (!release.contains(QLatin1Char('/')) || release.endsWith(QLatin1Char('/')) ||
            release.startsWith(QLatin1Char('/'))) {
            QMessageBox::warning(this, tr("Load Installation"),
                                 tr("\"%1\" is not namespace/name").arg(release));
            return;
        }
        InstallationSource s;
        if (parseGatewayValues(text, path, release.section(QLatin1Char('/'), 0, 0),
                               release.section(QLatin1Char('/'), 1), &s.spec, &problems)) {
            s.description = tr("Helm values of %1").arg(release);
            s.file = path;
            s.given = true;
            mesh.installation.append(s);
        }
    } else {
        parseMeshConfig(text, path, &mesh, &problems);
    }
    if (!problems.isEmpty()) {
        QStringList lines;
        for (const Diagnostic &d : problems)
            lines << QStringLiteral("%1: %2").arg(d.location.toString(), d.message);
        QMessageBox::warning(this, tr("Load Installation"), lines.join(QLatin1Char('\n')));
        return;
    }
    m_session->undoStack()->push(new MeshConfigCommand(
        m_session, mesh, tr("Load installation %1").arg(QFileInfo(path).fileName())));
    refreshInstallation();
    statusBar()->showMessage(tr("Installation read from %1").arg(path), 6000);
}

void MainWindow::addGatewayPort(const QString &ns, const QString &name) {
    bool ok = false;
    const int port = QInputDialog::getInt(
        this, tr("Add Port"), tr("Port to expose on the Service of %1/%2:").arg(ns, name), 7777, 1,
        65535, 1, &ok);
    if (!ok)
        return;
    KubePort p;
    p.name = QStringLiteral("tcp-%1").arg(port);
    p.port = port;
    p.targetPort = QString::number(port);
    p.targetPortNumber = port;
    p.protocol = QStringLiteral("TCP");
    const Installation now = resolveInstallation(m_session->workspace(), m_session->meshConfig());
    m_session->undoStack()->push(
        new MeshConfigCommand(m_session, withGatewayPort(m_session->meshConfig(), now, ns, name, p),
                              tr("Add port %1 to gateway %2/%3").arg(port).arg(ns, name)));
    refreshInstallation();
}

void MainWindow::saveInstallationEdits() {
    const QVector<InstalledGateway> edited = editedGateways(m_session->meshConfig());
    if (edited.isEmpty()) {
        QMessageBox::information(this, tr("Save Installation Edits"),
                                 tr("Nothing was edited in the Installation dock yet: add a port "
                                    "to a gateway first."));
        return;
    }
    const QString operatorFilter = tr("IstioOperator overlay (*.yaml)");
    const QString valuesFilter = tr("istio/gateway chart values (*.yaml)");
    QString filter = operatorFilter;
    QString path = QFileDialog::getSaveFileName(
        this, tr("Save Installation Edits"), QStringLiteral("egress-installation.yaml"),
        operatorFilter + QStringLiteral(";;") + valuesFilter, &filter);
    if (path.isEmpty())
        return;
    QByteArray bytes;
    if (filter == valuesFilter) {
        // The chart installs one gateway per release: the selected one, else the first edited.
        const QString selected = m_installation->selectedGateway();
        InstalledGateway chosen = edited.first();
        for (const InstalledGateway &g : edited)
            if (g.ns + QLatin1Char('/') + g.name == selected)
                chosen = g;
        bytes = gatewayChartValuesFor(chosen);
    } else {
        const Installation now =
            resolveInstallation(m_session->workspace(), m_session->meshConfig());
        bytes = istioOperatorOverlay(edited, now.controlPlaneNamespace.isEmpty()
                                                 ? now.mesh.rootNamespace
                                                 : now.controlPlaneNamespace);
    }
    QString error;
    if (!writeFileAtomically(path, bytes, &error)) {
        QMessageBox::warning(this, tr("Save Installation Edits"),
                             tr("Cannot write %1: %2").arg(path, error));
        return;
    }
    statusBar()->showMessage(tr("Installation edits written to %1").arg(path), 6000);
}

} // namespace egret::gui

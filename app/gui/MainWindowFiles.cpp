// File actions of the main window: new, open, save, export, close.
#include "app/gui/EditorSession.h"
#include "app/gui/MainWindow.h"
#include "app/gui/OffGuiThread.h"
#include "model/io/AtomicWrite.h"
#include "model/io/ExportFolder.h"
#include "model/io/Exporter.h"
#include "views/selection/SelectionModel.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QStatusBar>

namespace egret::gui {

namespace {

QString problemList(const Diagnostics &problems) {
    QStringList lines;
    for (int i = 0; i < problems.size() && i < 8; ++i)
        lines << problems[i].toString();
    if (problems.size() > 8)
        lines << QObject::tr("... and %n more", nullptr, int(problems.size() - 8));
    return lines.join(QLatin1Char('\n'));
}

} // namespace

void MainWindow::newWorkspace() {
    if (maybeSave())
        m_session->newWorkspace();
}

void MainWindow::chooseFiles() {
    if (!maybeSave())
        return;
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Open Manifests"), QString(), tr("YAML manifests (*.yaml *.yml);;All files (*)"));
    openPaths(files);
}

void MainWindow::chooseFolder() {
    if (!maybeSave())
        return;
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a Folder of Manifests"));
    if (!dir.isEmpty())
        openPaths({dir});
}

bool MainWindow::save() {
    // Untitled files get a name first.
    const Workspace &ws = m_session->workspace();
    for (int i = 0; i < ws.files().size(); ++i) {
        if (!EditorSession::isUntitled(ws.files()[i].path) || ws.files()[i].documents.isEmpty())
            continue;
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save Manifests"), QDir::homePath() + QStringLiteral("/egress.yaml"),
            tr("YAML manifests (*.yaml *.yml)"));
        if (path.isEmpty())
            return false;
        QString error;
        if (!m_session->saveAs(i, path, &error)) {
            QMessageBox::critical(this, tr("Save"), error);
            return false;
        }
    }
    QStringList conflicts;
    QString error;
    if (m_session->save(&conflicts, &error))
        return true;
    if (!conflicts.isEmpty()) {
        const auto answer =
            QMessageBox::warning(this, tr("Files Changed on Disk"),
                                 tr("These files were changed by another program since Egret read "
                                    "them:\n\n%1\n\nOverwrite them with your "
                                    "version?")
                                     .arg(conflicts.join(QLatin1Char('\n'))),
                                 QMessageBox::Save | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Save)
            return false;
        if (m_session->save(nullptr, &error, true))
            return true;
    }
    QMessageBox::critical(this, tr("Save"), tr("Could not save: %1").arg(error));
    return false;
}

bool MainWindow::saveAs() {
    const Workspace &ws = m_session->workspace();
    if (ws.files().isEmpty())
        return false;
    int file = 0;
    if (const SourceDocument *d = ws.document(m_selection->current().document))
        file = d->file;
    const QString current = ws.files()[file].path;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save %1 As").arg(QFileInfo(current).fileName()),
        EditorSession::isUntitled(current) ? QDir::homePath() + QStringLiteral("/egress.yaml")
                                           : current,
        tr("YAML manifests (*.yaml *.yml)"));
    if (path.isEmpty())
        return false;
    QString error;
    if (!m_session->saveAs(file, path, &error)) {
        QMessageBox::critical(this, tr("Save As"), error);
        return false;
    }
    updateTitle();
    return true;
}

void MainWindow::exportToFile() {
    ExportResult result =
        offGuiThread(statusBar(), tr("Checking the manifests for export..."),
                     [ws = m_session->workspace()] { return exportWorkspace(ws); });
    if (!result.ok) {
        const auto answer = QMessageBox::warning(
            this, tr("Export"),
            tr("%n document problem(s) would make kubectl apply fail:\n\n%1\n\nExport anyway?",
               nullptr, int(result.problems.size()))
                .arg(problemList(result.problems)),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
        ExportOptions force;
        force.force = true;
        result =
            offGuiThread(statusBar(), tr("Exporting..."), [ws = m_session->workspace(), force] {
                return exportWorkspace(ws, force);
            });
    }
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Manifests"), QDir::homePath() + QStringLiteral("/egress-export.yaml"),
        tr("YAML (*.yaml *.yml)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!writeFileAtomically(path, result.yaml, &error)) {
        QMessageBox::critical(this, tr("Export"), error);
        return;
    }
    statusBar()->showMessage(
        tr("Exported %n document(s) to %1", nullptr, result.documents).arg(path), 8000);
}

void MainWindow::exportToFolder() {
    FolderExport result =
        offGuiThread(statusBar(), tr("Checking the manifests for export..."),
                     [ws = m_session->workspace()] { return exportPerNamespace(ws); });
    if (!result.ok) {
        const auto answer = QMessageBox::warning(
            this, tr("Export"),
            tr("%n document problem(s) would make kubectl apply fail:\n\n%1\n\nExport anyway?",
               nullptr, int(result.problems.size()))
                .arg(problemList(result.problems)),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
        ExportOptions force;
        force.force = true;
        result =
            offGuiThread(statusBar(), tr("Exporting..."), [ws = m_session->workspace(), force] {
                return exportPerNamespace(ws, force);
            });
    }
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Export to Folder"));
    if (dir.isEmpty())
        return;
    // The folder may hold an earlier export, or files of its own: say what is replaced and what
    // stays before writing anything.
    const FolderCheck check = checkExportFolder(result, dir);
    if (!check.problem.isEmpty()) {
        QMessageBox::critical(this, tr("Export"), check.problem);
        return;
    }
    if (!check.replaced.isEmpty()) {
        QString text =
            tr("%1 already holds %n file(s) this export writes:\n\n%2\n\n", nullptr,
               int(check.replaced.size()))
                .arg(QDir::toNativeSeparators(dir), check.replaced.join(QLatin1Char('\n')));
        if (!check.leftBehind.isEmpty())
            text += tr("Not part of this export, left as they are: %1\n\n")
                        .arg(check.leftBehind.join(QStringLiteral(", ")));
        const auto answer =
            QMessageBox::warning(this, tr("Export to Folder"), text + tr("Replace them?"),
                                 QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
    }
    QString error;
    if (!writeExportFolder(result, dir, &error)) {
        QMessageBox::critical(this, tr("Export"), error);
        return;
    }
    QString message = tr("Exported %n file(s) to %1", nullptr, int(result.files.size())).arg(dir);
    if (!check.leftBehind.isEmpty())
        message += tr("; left as they are: %1").arg(check.leftBehind.join(QStringLiteral(", ")));
    statusBar()->showMessage(message, 12000);
}

void MainWindow::closeWorkspace() {
    if (maybeSave())
        m_session->newWorkspace();
}

bool MainWindow::maybeSave() {
    if (!m_session->isModified())
        return true;
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved Changes"), tr("The manifests have unsaved changes. Save them first?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

} // namespace egret::gui

// File actions of the main window: new, open, save, export, close.
#include "app/gui/ChangeReview.h"
#include "app/gui/EditorSession.h"
#include "app/gui/FolderReadingQuestion.h"
#include "app/gui/MainWindow.h"
#include "app/gui/OffGuiThread.h"
#include "model/io/AtomicWrite.h"
#include "model/io/ExportFolder.h"
#include "model/io/Exporter.h"
#include "model/io/Loader.h"
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

bool MainWindow::reviewChanges(const QString &title, const QString &acceptText,
                               const QVector<views::FileChange> &changes,
                               const FindingsDelta &findings, bool offerSetting) {
    views::ReviewDialog review(title, acceptText, changes, findings, this);
    if (offerSetting)
        review.offerAskAgain(tr("Review changes before every save"), true);
    const bool accepted = review.exec() == QDialog::Accepted;
    if (accepted && offerSetting && !review.askAgain())
        setReviewBeforeSave(false);
    return accepted;
}

// Save's review: each modified file against the file as it is on disk now (saying when another
// program changed it), and what the edits do to the findings of the files as saved.
bool MainWindow::reviewSave() {
    const Workspace &ws = m_session->workspace();
    QVector<views::FileChange> changes;
    QStringList paths;
    for (int i = 0; i < ws.files().size(); ++i) {
        const SourceFile &f = ws.files()[i];
        if (EditorSession::isUntitled(f.path))
            continue;
        paths << f.path;
        if (!f.modified)
            continue;
        views::FileChange c = fileChange(f.path, ws.fileBytes(i));
        if (ws.changedOnDisk(i))
            c.note = tr("changed by another program since Egret read it: shown against the file "
                        "as it is now, which saving replaces");
        changes.append(c);
    }
    if (changes.isEmpty())
        return true;
    const FindingsDelta delta =
        offGuiThread(statusBar(), tr("Comparing with the files on disk..."), [paths, ws = ws] {
            return findingsDelta(findingKeys(loadFiles(paths)), findingKeys(ws));
        });
    return reviewChanges(tr("Review Changes Before Saving"), tr("Save"), changes, delta, true);
}

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
        openFolder(dir);
}

void MainWindow::openFolder(const QString &folder) {
    const RendererKind kind = rendererFor(folder);
    if (kind == RendererKind::None) {
        openPaths({folder});
        return;
    }
    switch (askFolderReading(this, folder, kind)) {
    case FolderReading::AsFiles:
        openPaths({folder});
        return;
    case FolderReading::Rendered: {
        InputOptions options;
        options.render = true;
        openPaths({folder}, options);
        return;
    }
    case FolderReading::Cancelled:
        return;
    }
}

bool MainWindow::save() {
    const Workspace &ws = m_session->workspace();
    // Rendered input is never modified (edits into it are refused): say why Save does nothing.
    if (!ws.isModified()) {
        for (const SourceFile &f : ws.files()) {
            if (!f.renderedBy.isEmpty()) {
                statusBar()->showMessage(writeRefusal(f), 8000);
                return false;
            }
        }
    }
    // Untitled files get a name first.
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
    if (reviewBeforeSave()) {
        // The review shows files another program changed against what they hold now.
        if (!reviewSave())
            return false;
        if (m_session->save(nullptr, &error, true))
            return true;
        QMessageBox::critical(this, tr("Save"), tr("Could not save: %1").arg(error));
        return false;
    }
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
    if (reviewBeforeSave() && !reviewChanges(tr("Review Changes Before Saving"), tr("Save"),
                                             {fileChange(path, ws.fileBytes(file))}, {}, true))
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
    if (!reviewChanges(tr("Review Export"), tr("Export"), {fileChange(path, result.yaml)}, {},
                       false))
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
    // Each file the export writes against what the folder holds: replacements show as diffs.
    QVector<views::FileChange> changes;
    for (auto it = result.files.cbegin(); it != result.files.cend(); ++it) {
        views::FileChange c = fileChange(QDir(dir).filePath(it.key()), it.value());
        if (c.beforeExists)
            c.note = tr("replaces the file the folder holds");
        changes.append(c);
    }
    if (!check.leftBehind.isEmpty() && !changes.isEmpty())
        changes.front().note +=
            (changes.front().note.isEmpty() ? QString() : QStringLiteral("; ")) +
            tr("not part of this export, left as they are: %1")
                .arg(check.leftBehind.join(QStringLiteral(", ")));
    if (!reviewChanges(tr("Review Export to %1").arg(QDir::toNativeSeparators(dir)), tr("Export"),
                       changes, {}, false))
        return;
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

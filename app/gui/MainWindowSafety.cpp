// Keeping edits safe: watching the open files for changes by other programs, autosaving unsaved
// work to the recovery store, and offering it back after Egret did not close cleanly.
#include "app/gui/EditorSession.h"
#include "app/gui/InfoBar.h"
#include "app/gui/MainWindow.h"
#include "model/io/Recovery.h"

#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QLocale>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace egret::gui {

void MainWindow::watchFiles() {
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    QStringList paths;
    for (const SourceFile &f : m_session->workspace().files())
        if (!EditorSession::isUntitled(f.path) && QFileInfo::exists(f.path))
            paths << f.path;
    if (!paths.isEmpty())
        m_watcher->addPaths(paths);
}

void MainWindow::fileChangedOnDisk(const QString &path) {
    const Workspace &ws = m_session->workspace();
    const int file = ws.fileIndex(path);
    if (file < 0 || !ws.changedOnDisk(file))
        return;
    const bool mine = ws.files()[file].modified;
    const QString message =
        mine ? tr("<b>%1</b> was changed by another program, and it has unsaved edits here.")
                   .arg(QFileInfo(path).fileName().toHtmlEscaped())
             : tr("<b>%1</b> was changed by another program.")
                   .arg(QFileInfo(path).fileName().toHtmlEscaped());
    m_infoBar->ask(QStringLiteral("changed:") + path, message,
                   {{mine ? tr("Reload (discard my edits)") : tr("Reload"),
                     [this] {
                         m_session->open(m_session->openedPaths().isEmpty()
                                             ? QStringList()
                                             : m_session->openedPaths());
                     }},
                    {tr("Keep Mine"), [] {}}});
    // Editors that save by renaming replace the file: watch the new one.
    if (!m_watcher->files().contains(path) && QFileInfo::exists(path))
        m_watcher->addPath(path);
}

void MainWindow::autosave() {
    const Workspace &ws = m_session->workspace();
    if (ws.revision() == m_autosavedRevision)
        return;
    if (m_autosaving.isRunning()) {
        m_autosaveAgain = true; // when this one is done, for what changed meanwhile
        return;
    }
    // Written from a copy, off the GUI thread: the bytes of a large file, and the sync to disk
    // that makes them safe, must never freeze typing.
    m_autosaving.setFuture(QtConcurrent::run([store = m_recovery.get(), ws] {
        AutosaveOutcome out;
        out.revision = ws.revision();
        out.ok = store->save(ws, &out.error);
        out.unsaved = RecoveryStore::hasUnsavedWork(ws);
        return out;
    }));
}

void MainWindow::autosaveDone() {
    const AutosaveOutcome out = m_autosaving.result();
    if (!out.ok) {
        statusBar()->showMessage(tr("Autosave failed: %1").arg(out.error), 8000);
    } else {
        m_autosavedRevision = out.revision;
        if (out.unsaved)
            Q_EMIT autosaved();
    }
    if (std::exchange(m_autosaveAgain, false))
        autosave();
}

void MainWindow::checkForRecovery() {
    const QVector<RecoverySnapshot> orphans = m_recovery->orphans();
    if (orphans.isEmpty())
        return;
    const RecoverySnapshot snapshot = orphans.first();
    QStringList names;
    for (const RecoveryFile &f : snapshot.files)
        if (f.modified)
            names << QFileInfo(f.path).fileName().toHtmlEscaped();
    m_infoBar->ask(QStringLiteral("recover"),
                   tr("Egret did not close cleanly on %1. Unsaved edits of %2 can be restored.")
                       .arg(QLocale().toString(snapshot.saved.toLocalTime(), QLocale::ShortFormat),
                            names.join(QStringLiteral(", "))),
                   {{tr("Restore"),
                     [this, snapshot] {
                         m_session->adoptWorkspace(RecoveryStore::restore(snapshot));
                         RecoveryStore::discard(snapshot);
                         autosave(); // the restored work is now this editor's to keep safe
                         statusBar()->showMessage(tr("Restored unsaved work"), 8000);
                     }},
                    {tr("Discard"), [snapshot] { RecoveryStore::discard(snapshot); }}});
}

} // namespace egret::gui

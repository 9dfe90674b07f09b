#pragma once

#include "model/io/Loader.h"
#include "model/workspace/Workspace.h"

#include <QDateTime>

namespace egret {

// One file as it was when the editor last autosaved.
struct RecoveryFile {
    QString path; // empty for a file never saved
    QByteArray bytes;
    bool modified = false;
    DiskState disk; // what was on disk when it was last read or written
};

// What a running (or crashed) editor had unsaved.
struct RecoverySnapshot {
    QString directory;
    qint64 pid = 0;
    QDateTime saved;
    QString defaultNamespace;
    QVector<RecoveryFile> files;

    int modifiedFiles() const;
};

// Unsaved work kept in the user's data folder (never beside or in place of their files), so
// that a crash or a kill loses nothing. Each editor process keeps its own snapshot folder, named
// after its pid, written atomically; a snapshot whose process is gone is an orphan to offer back.
class RecoveryStore {
public:
    // `base` is e.g. QStandardPaths::writableLocation(AppDataLocation) + "/recovery".
    explicit RecoveryStore(QString base, qint64 pid = 0 /* 0: this process */);

    QString ownDirectory() const;
    // Writes this process's snapshot of the workspace; removes it when it holds no unsaved work.
    bool save(const Workspace &ws, QString *error = nullptr);
    // Files whose bytes are not on disk; a new file that is still empty is not work to keep.
    static bool hasUnsavedWork(const Workspace &ws);
    // Removes this process's snapshot (after a save, or on a clean exit).
    void discardOwn();

    // Snapshots of processes that are no longer running, newest first.
    QVector<RecoverySnapshot> orphans() const;

    static bool discard(const RecoverySnapshot &snapshot);
    // The workspace as it was: every file with the bytes it had, modified where it was.
    static Workspace restore(const RecoverySnapshot &snapshot, const LoadOptions &options = {});
    static bool read(const QString &directory, RecoverySnapshot *out);

private:
    QString m_base;
    qint64 m_pid;
};

} // namespace egret

#pragma once

#include "model/analysis/LiveAnalysis.h"
#include "model/edit/FieldEdit.h"
#include "model/edit/WorkspaceChange.h"
#include "model/io/RenderedInputs.h"
#include "model/mesh/MeshConfig.h"
#include "model/workspace/Workspace.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

class QThread;
class QUndoStack;

namespace egret::gui {

// What the editor has open: the workspace, its undo history and where it came from. Every change
// to the files goes through here as one undoable command; views listen to `workspaceChanged`,
// which comes at once. Validation and flow derivation follow off the GUI thread (LiveAnalysis):
// `analysisFinished` brings the problems and flows of the workspace as it is now; results that
// an edit made stale meanwhile are dropped, never shown.
class EditorSession : public QObject {
    Q_OBJECT

public:
    explicit EditorSession(QObject *parent = nullptr);
    ~EditorSession() override;

    const Workspace &workspace() const { return m_ws; }
    Workspace &mutableWorkspace() { return m_ws; } // for commands only
    QUndoStack *undoStack() const { return m_undo; }
    const MeshConfig &meshConfig() const { return m_mesh; }
    void setMeshConfig(const MeshConfig &mesh);

    // The last analysis: load problems and validator findings, and the flows. Each describes the
    // workspace as it is now unless it is catching up; then it is an earlier state's.
    const Diagnostics &problems() const { return m_problems; }
    const FlowGraph &flows() const { return m_result.flows; }
    const AnalysisResult &analysis() const { return m_result; }
    bool areProblemsCurrent() const;
    bool isCatchingUp() const; // problems or flows
    // Blocks until the analysis of the current state is in (the command line and tests).
    void waitForAnalysis();

    // Opening: files and folders, read off the GUI thread with progress; a new workspace
    // replaces the current one when done (the caller asks about unsaved changes first).
    // Folders a renderer builds are read through it when `inputs` says so (read-only).
    void open(const QStringList &paths, const InputOptions &inputs = {});
    void cancelOpen();
    bool isOpening() const { return m_loader != nullptr; }
    void newWorkspace();               // one empty untitled file
    void adoptWorkspace(Workspace ws); // e.g. restored from a recovery snapshot
    QStringList openedPaths() const { return m_openedPaths; }

    // Edits, each one undo step.
    bool editField(const ResourceId &id, const edit::FieldEdit &edit);
    bool replaceDocumentText(DocumentId id, const QByteArray &text, bool typing);
    bool removeResources(const QVector<ResourceId> &ids);
    // Adds a document at the end of a file (created when it is not open yet).
    bool appendDocument(const QString &file, const QByteArray &body, const QString &description);
    // Pushes a change made elsewhere (recipes): applied now, undone by Ctrl+Z.
    bool applyChange(const edit::WorkspaceChange &change);

    // Saving: every modified file, atomically. Files that another program changed since they
    // were read are listed in `conflicts` and left alone unless `overwrite`.
    bool save(QStringList *conflicts, QString *error, bool overwrite = false);
    bool saveAs(int file, const QString &path, QString *error);
    bool isModified() const;
    bool hasUntitledFiles() const;
    static bool isUntitled(const QString &path);

    // Called by commands.
    void workspaceEdited(const QStringList &files);
    void reportError(const QString &message);

Q_SIGNALS:
    void workspaceReplaced();                        // a different workspace (open, new, restore)
    void workspaceChanged(const QStringList &files); // documents edited in these files
    void openProgress(qint64 done, qint64 total);
    void analysisStarted();
    void analysisStage(egret::LiveAnalysis::Stage stage);
    void problemsChanged();  // problems() describe the workspace as it is now
    void analysisFinished(); // and so do flows()
    void openFinished(const QStringList &files, const Diagnostics &problems);
    void openCancelled(); // the workspace shown before stays
    void errorOccurred(const QString &message);
    void saved(const QStringList &files);

private:
    void analyze(bool full);
    void problemsDone(const AnalysisResult &result);
    void analysisDone(const AnalysisResult &result);
    bool isCurrent(const AnalysisResult &result) const;
    // Rendered input is read-only: says why and returns true for an edit of that file.
    bool refused(int file);
    void replaceWorkspace(Workspace ws);
    bool record(const QString &description, bool typing,
                const std::function<bool(edit::ChangeRecorder &)> &edit);

    Workspace m_ws;
    quint64 m_generation = 0; // counts the workspaces: results of an earlier one are dropped
    MeshConfig m_mesh;
    LiveAnalysis *m_analysis;
    AnalysisResult m_result; // the last complete one
    Diagnostics m_problems;  // the last known, maybe newer than m_result's
    quint64 m_problemsGeneration = 0;
    quint64 m_problemsRevision = 0;
    QUndoStack *m_undo;
    QStringList m_openedPaths;
    QThread *m_loader = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel;
    int m_untitled = 0;
};

} // namespace egret::gui

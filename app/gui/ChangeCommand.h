#pragma once

#include "model/edit/WorkspaceChange.h"

#include <QUndoCommand>

namespace egret::gui {

class EditorSession;

// One user edit on the undo stack: a WorkspaceChange applied on redo and reverted on undo, so
// undoing gives back byte-identical files. Consecutive typing in the YAML dock on the same
// document merges into one command.
class ChangeCommand : public QUndoCommand {
public:
    enum { TypingId = 1 };
    // The change is in the workspace already (made by a ChangeRecorder): pushing the command
    // then only announces it.
    enum Applied { NotApplied, AlreadyApplied };

    ChangeCommand(EditorSession *session, edit::WorkspaceChange change, bool typing = false,
                  Applied applied = NotApplied);

    void redo() override;
    void undo() override;
    int id() const override { return m_typing ? TypingId : -1; }
    bool mergeWith(const QUndoCommand *other) override;

    bool failed() const { return m_failed; }

private:
    EditorSession *m_session;
    QVector<edit::WorkspaceChange> m_changes; // several after merging, applied in order
    bool m_typing;
    bool m_applied; // the next redo finds the change made already
    bool m_failed = false;
};

} // namespace egret::gui

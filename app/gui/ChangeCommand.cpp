#include "app/gui/ChangeCommand.h"

#include "app/gui/EditorSession.h"

namespace egret::gui {

ChangeCommand::ChangeCommand(EditorSession *session, edit::WorkspaceChange change, bool typing,
                             Applied applied)
    : m_session(session)
    , m_typing(typing)
    , m_applied(applied == AlreadyApplied) {
    setText(change.description());
    m_changes.append(std::move(change));
}

void ChangeCommand::redo() {
    if (m_applied) {
        m_applied = false;
        m_session->workspaceEdited(m_changes.last().files());
        return;
    }
    for (int i = 0; i < m_changes.size(); ++i) {
        QString error;
        if (!m_changes[i].apply(m_session->mutableWorkspace(), &error)) {
            // The workspace is not what this command was made on: leave it alone and say so.
            for (int j = i - 1; j >= 0; --j)
                m_changes[j].revert(m_session->mutableWorkspace());
            m_failed = true;
            setObsolete(true);
            m_session->reportError(QObject::tr("Cannot redo \"%1\": %2").arg(text(), error));
            return;
        }
    }
    m_session->workspaceEdited(m_changes.last().files());
}

void ChangeCommand::undo() {
    for (int i = int(m_changes.size()) - 1; i >= 0; --i) {
        QString error;
        if (!m_changes[i].revert(m_session->mutableWorkspace(), &error)) {
            m_session->reportError(QObject::tr("Cannot undo \"%1\": %2").arg(text(), error));
            setObsolete(true);
            return;
        }
    }
    m_session->workspaceEdited(m_changes.first().files());
}

bool ChangeCommand::mergeWith(const QUndoCommand *other) {
    const auto *next = dynamic_cast<const ChangeCommand *>(other);
    if (!next || !m_typing || !next->m_typing || next->m_failed)
        return false;
    // Typing merges while it stays in one document.
    if (next->m_changes.first().files() != m_changes.last().files() ||
        next->m_changes.first().operations().size() != 1 ||
        m_changes.last().operations().size() != 1 ||
        next->m_changes.first().operations().first().position !=
            m_changes.last().operations().first().position)
        return false;
    m_changes += next->m_changes;
    return true;
}

} // namespace egret::gui

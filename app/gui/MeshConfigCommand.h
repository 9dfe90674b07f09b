#pragma once

#include "app/gui/EditorSession.h"

#include <QUndoCommand>

namespace egret::gui {

// Replaces the mesh config and installation the window holds apart from the files (loaded in
// the Installation dock, or a port added there): one undo step, like an edit of the files.
class MeshConfigCommand : public QUndoCommand {
public:
    MeshConfigCommand(EditorSession *session, MeshConfig after, const QString &text)
        : QUndoCommand(text)
        , m_session(session)
        , m_before(session->meshConfig())
        , m_after(std::move(after)) {}

    void redo() override { m_session->setMeshConfig(m_after); }
    void undo() override { m_session->setMeshConfig(m_before); }

private:
    EditorSession *m_session;
    MeshConfig m_before;
    MeshConfig m_after;
};

} // namespace egret::gui

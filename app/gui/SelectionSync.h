#pragma once

#include "model/core/Diagnostic.h"
#include "views/selection/SelectionModel.h"

#include <QObject>

namespace egret::views {
class FlowScene;
class PropertiesPanel;
class ResourcesPanel;
class YamlEditor;
} // namespace egret::views

namespace egret::gui {

class EditorSession;

// Keeps every view showing the one selection (views::SelectionModel): a gesture in the
// Resources dock or on the canvas becomes the selection, and the selection is pushed to the
// views it did not come from. The Properties and YAML docks show its first resource at its
// field; the YAML dock underlines that document's findings.
class SelectionSync : public QObject {
    Q_OBJECT

public:
    SelectionSync(EditorSession *session, views::SelectionModel *selection,
                  views::ResourcesPanel *resources, views::FlowScene *scene,
                  views::PropertiesPanel *properties, views::YamlEditor *yaml,
                  QObject *parent = nullptr);

    // The session's workspace was replaced (open, new, restore), or edited.
    void workspaceReplaced();
    void workspaceChanged();
    // New findings: the YAML dock's underlines.
    void showDocumentProblems();
    // A finding chosen in the Problems dock: its resource at its field, else its document.
    void activateProblem(const Diagnostic &d);

private:
    void selectionChanged(views::SelectionModel::Origin origin);
    void canvasSelectionChanged();
    void selectOnCanvas(const QVector<ResourceId> &ids);
    void refreshDocks(const QString &fieldPath);
    // Runs `push` with the views' own selection signals ignored: what they echo is not a new
    // gesture.
    template <typename F> void pushing(F push) {
        const bool was = m_pushing;
        m_pushing = true;
        push();
        m_pushing = was;
    }

    EditorSession *m_session;
    views::SelectionModel *m_selection;
    views::ResourcesPanel *m_resources;
    views::FlowScene *m_scene;
    views::PropertiesPanel *m_properties;
    views::YamlEditor *m_yaml;
    bool m_pushing = false;
};

} // namespace egret::gui

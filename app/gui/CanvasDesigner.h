#pragma once

#include "model/recipes/Route.h"

#include <QObject>
#include <QString>

class QStatusBar;
class QWidget;

namespace egret::views {
class FlowScene;
class SelectionModel;
} // namespace egret::views

namespace egret::gui {

class EditorSession;

// Designing on the canvas: palette items dropped, a drag from a workload onto a host, Add Route,
// and deleting hops. The domain steps are the model's (model/design, model/recipes); this class
// asks the user for what they need and applies the result as one undo step.
class CanvasDesigner : public QObject {
    Q_OBJECT

public:
    CanvasDesigner(EditorSession *session, views::FlowScene *scene,
                   views::SelectionModel *selection, QWidget *window, QStatusBar *status);

    void paletteItemDropped(const QString &kind);
    void designRoute(const QString &fromNodeId, const QString &toNodeId);
    void addRouteFromSelection();
    // Removes the routes behind the hops selected on the canvas; false when none is selected.
    bool removeSelectedHops();
    // Where new documents go: the file of the first selected resource, else the first file.
    QString targetFile() const;

private:
    void addExternalHost();
    bool runRouteDialog(recipes::RouteRequest request);

    EditorSession *m_session;
    views::FlowScene *m_scene;
    views::SelectionModel *m_selection;
    QWidget *m_window;
    QStatusBar *m_status;
};

} // namespace egret::gui

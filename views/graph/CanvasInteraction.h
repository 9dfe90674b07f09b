#pragma once

#include <QObject>
#include <QPointF>

class QGraphicsLineItem;

namespace egret::views {

class FlowScene;
class FlowView;
class NodeItem;

// The canvas's design gestures, on top of FlowView's zoom and pan: dropping a palette item
// (application/x-egret-palette) and dragging from a workload onto an external host, which draws a
// rubber-band line and asks for a route on release (as Qt's Diagram Scene example connects
// items). Nothing is changed here: the owner decides and makes the undoable change.
class CanvasInteraction : public QObject {
    Q_OBJECT

public:
    CanvasInteraction(FlowView *view, FlowScene *scene);

    bool isDraggingRoute() const { return m_line != nullptr; }

Q_SIGNALS:
    void paletteItemDropped(const QString &kind, const QPointF &scenePos);
    void routeRequested(const QString &fromNodeId, const QString &toNodeId);
    // A route gesture ended somewhere that cannot take a route (for the status bar).
    void routeRefused(const QString &why);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    NodeItem *nodeAt(const QPoint &viewPos) const;
    void endRoute(const QPoint &viewPos);
    void cancelRoute();

    FlowView *m_view;
    QWidget *m_viewport; // the view's; FlowView never replaces it
    FlowScene *m_scene;
    QString m_from; // workload node the gesture started on
    QPoint m_pressPos;
    QGraphicsLineItem *m_line = nullptr;
};

} // namespace egret::views

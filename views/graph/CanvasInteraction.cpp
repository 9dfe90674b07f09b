#include "views/graph/CanvasInteraction.h"

#include "views/graph/FlowScene.h"
#include "views/graph/FlowView.h"
#include "views/graph/items/HostItem.h"
#include "views/graph/items/NodeItem.h"
#include "views/graph/items/WorkloadItem.h"
#include "views/panels/PaletteWidget.h"

#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QGraphicsLineItem>
#include <QMimeData>
#include <QMouseEvent>

namespace egret::views {

CanvasInteraction::CanvasInteraction(FlowView *view, FlowScene *scene)
    : QObject(view)
    , m_view(view)
    , m_viewport(view->viewport())
    , m_scene(scene) {
    m_view->setAcceptDrops(true);
    m_view->viewport()->setAcceptDrops(true);
    m_view->viewport()->installEventFilter(this);
    m_view->installEventFilter(this);
}

NodeItem *CanvasInteraction::nodeAt(const QPoint &viewPos) const {
    for (QGraphicsItem *item : m_view->items(viewPos)) {
        if (auto *node = dynamic_cast<NodeItem *>(item))
            return node;
    }
    return nullptr;
}

bool CanvasInteraction::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_view && event->type() == QEvent::KeyPress && m_line &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        cancelRoute();
        return true;
    }
    // Compared with the pointer kept at construction: while the view is being destroyed its
    // viewport still sends events here, and the view is no longer one to call.
    if (watched != m_viewport)
        return false;
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *drag = static_cast<QDragMoveEvent *>(event);
        if (drag->mimeData()->hasFormat(QLatin1String(PaletteWidget::kPaletteMime))) {
            drag->acceptProposedAction();
            return true;
        }
        return false;
    }
    case QEvent::Drop: {
        auto *drop = static_cast<QDropEvent *>(event);
        const QByteArray kind = drop->mimeData()->data(QLatin1String(PaletteWidget::kPaletteMime));
        if (kind.isEmpty())
            return false;
        drop->acceptProposedAction();
        Q_EMIT paletteItemDropped(QString::fromUtf8(kind),
                                  m_view->mapToScene(drop->position().toPoint()));
        return true;
    }
    case QEvent::MouseButtonPress: {
        auto *press = static_cast<QMouseEvent *>(event);
        m_from.clear();
        if (press->button() != Qt::LeftButton)
            return false;
        NodeItem *node = nodeAt(press->position().toPoint());
        if (node && node->type() == WorkloadItem::Type) {
            m_from = node->node().id;
            m_pressPos = press->position().toPoint();
        }
        return false; // selection still happens
    }
    case QEvent::MouseMove: {
        auto *move = static_cast<QMouseEvent *>(event);
        if (m_from.isEmpty() || !(move->buttons() & Qt::LeftButton))
            return false;
        if (!m_line && (move->position().toPoint() - m_pressPos).manhattanLength() <
                           QApplication::startDragDistance())
            return false;
        const QPointF start = m_scene->nodeItem(m_from)
                                  ? m_scene->nodeItem(m_from)->sceneBoundingRect().center()
                                  : m_view->mapToScene(m_pressPos);
        if (!m_line) {
            m_line = m_scene->addLine(QLineF(start, start),
                                      QPen(QColor(0x25, 0x63, 0xeb), 2, Qt::DashLine));
            m_line->setZValue(1000);
            m_view->viewport()->setCursor(Qt::CrossCursor);
        }
        m_line->setLine(QLineF(start, m_view->mapToScene(move->position().toPoint())));
        return true;
    }
    case QEvent::MouseButtonRelease: {
        if (!m_line) {
            m_from.clear();
            return false;
        }
        endRoute(static_cast<QMouseEvent *>(event)->position().toPoint());
        return true;
    }
    default:
        return false;
    }
}

void CanvasInteraction::endRoute(const QPoint &viewPos) {
    const QString from = m_from;
    cancelRoute();
    NodeItem *target = nodeAt(viewPos);
    if (!target) {
        Q_EMIT routeRefused(tr("Drop the route on an external host."));
        return;
    }
    if (target->type() != HostItem::Type) {
        Q_EMIT routeRefused(tr("A route goes from a workload to an external host, not to %1.")
                                .arg(target->node().label));
        return;
    }
    Q_EMIT routeRequested(from, target->node().id);
}

void CanvasInteraction::cancelRoute() {
    delete m_line;
    m_line = nullptr;
    m_from.clear();
    m_view->viewport()->unsetCursor();
}

} // namespace egret::views

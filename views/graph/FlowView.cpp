#include "views/graph/FlowView.h"

#include "views/graph/FlowScene.h"

#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QTextDocument>
#include <QWheelEvent>

#include <cmath>

namespace egret::views {

FlowView::FlowView(FlowScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent) {
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setBackgroundBrush(QColor(0xfb, 0xfc, 0xfd));
    setFocusPolicy(Qt::StrongFocus);
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("canvasStatus"));
    m_statusLabel->setStyleSheet(
        QStringLiteral("QLabel { background: #fff8e1; color: #3b4450; border: 1px solid #c8d0da; "
                       "border-radius: 6px; padding: 4px 10px; }"));
    m_statusLabel->move(10, 10);
    m_statusLabel->hide();
    connect(scene, &FlowScene::layoutFinished, this, [this] {
        if (m_autoFit)
            fitToDrawing();
    });
}

qreal FlowView::zoom() const {
    return transform().m11();
}

void FlowView::setZoom(qreal factor) {
    factor = std::clamp(factor, kMinZoom, kMaxZoom);
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(QGraphicsView::AnchorViewCenter);
    setTransform(QTransform::fromScale(factor, factor));
    setTransformationAnchor(anchor);
    Q_EMIT zoomChanged(factor);
}

void FlowView::scaleBy(qreal factor) {
    const qreal target = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
    if (qFuzzyCompare(target, zoom()))
        return;
    m_autoFit = false;
    scale(target / zoom(), target / zoom());
    Q_EMIT zoomChanged(zoom());
}

void FlowView::zoomIn() {
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(QGraphicsView::AnchorViewCenter);
    scaleBy(1.25);
    setTransformationAnchor(anchor);
}

void FlowView::zoomOut() {
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(QGraphicsView::AnchorViewCenter);
    scaleBy(1 / 1.25);
    setTransformationAnchor(anchor);
}

void FlowView::fitToDrawing() {
    const QRectF r = scene()->sceneRect();
    if (r.isEmpty())
        return;
    fitInView(r, Qt::KeepAspectRatio);
    // Never blow a small graph up past its natural size.
    if (zoom() > 1.0)
        setTransform(QTransform());
    else if (zoom() < kMinZoom)
        setTransform(QTransform::fromScale(kMinZoom, kMinZoom));
    centerOn(r.center());
    Q_EMIT zoomChanged(zoom());
}

void FlowView::wheelEvent(QWheelEvent *event) {
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    scaleBy(std::pow(1.0015, delta));
    event->accept();
}

void FlowView::keyPressEvent(QKeyEvent *event) {
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        return;
    case Qt::Key_Minus:
        zoomOut();
        return;
    case Qt::Key_0:
        m_autoFit = false;
        setZoom(1.0);
        return;
    case Qt::Key_F:
        m_autoFit = true;
        fitToDrawing();
        return;
    default:
        QGraphicsView::keyPressEvent(event);
    }
}

void FlowView::mousePressEvent(QMouseEvent *event) {
    // Once the user moves the drawing around, layouts no longer refit it.
    if (!itemAt(event->pos()))
        m_autoFit = false;
    QGraphicsView::mousePressEvent(event);
}

void FlowView::resizeEvent(QResizeEvent *event) {
    QGraphicsView::resizeEvent(event);
    if (m_autoFit)
        fitToDrawing();
}

void FlowView::setPlaceholderText(const QString &text) {
    m_placeholder = text;
    viewport()->update();
}

void FlowView::setStatusText(const QString &text) {
    if (m_status == text)
        return;
    m_status = text;
    // A label over the view rather than paint in the scene: it stays put while the drawing
    // scrolls and costs no repaint of the scene.
    m_statusLabel->setText(text);
    m_statusLabel->adjustSize();
    m_statusLabel->setVisible(!text.isEmpty());
    m_statusLabel->raise();
    viewport()->update(); // the placeholder comes or goes with it
}

void FlowView::reveal(const QRectF &sceneRect, qreal minZoom) {
    m_autoFit = false;
    if (zoom() < minZoom)
        setZoom(minZoom);
    centerOn(sceneRect.center());
}

void FlowView::drawForeground(QPainter *painter, const QRectF &rect) {
    QGraphicsView::drawForeground(painter, rect);
    const auto *flowScene = qobject_cast<FlowScene *>(scene());
    if (!m_status.isEmpty())
        return; // the placeholder would say there is nothing, which is not known yet
    if (m_placeholder.isEmpty() || !flowScene || !flowScene->flows().isEmpty())
        return;
    // Drawn in viewport coordinates, whatever the zoom.
    painter->save();
    painter->resetTransform();
    QTextDocument text;
    text.setHtml(m_placeholder);
    text.setTextWidth(qMin(560, viewport()->width() - 40));
    const QSizeF size = text.size();
    painter->translate((viewport()->width() - size.width()) / 2,
                       (viewport()->height() - size.height()) / 2);
    text.drawContents(painter);
    painter->restore();
}

} // namespace egret::views

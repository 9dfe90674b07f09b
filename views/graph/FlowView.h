#pragma once

#include <QGraphicsView>

class QLabel;

namespace egret::views {

class FlowScene;

// The canvas view: wheel zoom under the cursor, drag to pan, keyboard zoom (+, -, 0 for 100%,
// F to fit). It fits the drawing after each layout until the user zooms or pans.
class FlowView : public QGraphicsView {
    Q_OBJECT

public:
    explicit FlowView(FlowScene *scene, QWidget *parent = nullptr);

    qreal zoom() const;
    void setZoom(qreal factor);
    void zoomIn();
    void zoomOut();
    void fitToDrawing();
    bool followsLayout() const { return m_autoFit; }

    // Shown in the middle of the view while there is nothing to draw.
    void setPlaceholderText(const QString &text);
    // A note in the view's corner while the drawing is behind the files ("Updating the
    // flows..."); empty when it is up to date. Stands in for the placeholder meanwhile.
    void setStatusText(const QString &text);
    QString statusText() const { return m_status; }
    // Centres the view on an item of the drawing, keeping the zoom (at least `minZoom`).
    void reveal(const QRectF &sceneRect, qreal minZoom = 0.6);

    static constexpr qreal kMinZoom = 0.05;
    static constexpr qreal kMaxZoom = 6.0;

Q_SIGNALS:
    void zoomChanged(qreal factor);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;

private:
    void scaleBy(qreal factor);

    bool m_autoFit = true;
    QString m_placeholder;
    QString m_status;
    QLabel *m_statusLabel = nullptr;
};

} // namespace egret::views

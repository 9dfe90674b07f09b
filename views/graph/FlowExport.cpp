#include "views/graph/FlowExport.h"

#include "views/graph/FlowScene.h"

#include <QFileInfo>
#include <QGraphicsItem>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>

namespace egret::views {

namespace {

// Renders without the selection, then restores it.
void renderScene(FlowScene &scene, QPainter *painter, const QRectF &target) {
    const QList<QGraphicsItem *> selected = scene.selectedItems();
    {
        const QSignalBlocker quiet(&scene);
        scene.clearSelection();
        scene.render(painter, target, scene.drawingRect());
        for (QGraphicsItem *item : selected)
            item->setSelected(true);
    }
}

} // namespace

bool exportSvg(FlowScene &scene, const QString &path, QString *error) {
    const QRectF source = scene.drawingRect();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    QSvgGenerator svg;
    svg.setOutputDevice(&file);
    svg.setSize(source.size().toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), source.size()));
    svg.setTitle(QStringLiteral("Egress flows"));
    svg.setDescription(QStringLiteral("Drawn by Egret from %1").arg(QFileInfo(path).fileName()));
    QPainter painter(&svg);
    renderScene(scene, &painter, QRectF(QPointF(0, 0), source.size()));
    painter.end();
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

QImage renderImage(FlowScene &scene, qreal scale) {
    const QRectF source = scene.drawingRect();
    const qreal longest = std::max(source.width(), source.height()) * scale;
    if (longest > kMaxImageSide)
        scale *= kMaxImageSide / longest;
    QImage image((source.size() * scale).toSize().expandedTo(QSize(1, 1)),
                 QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    renderScene(scene, &painter, QRectF(QPointF(0, 0), QSizeF(image.size())));
    painter.end();
    return image;
}

bool exportPng(FlowScene &scene, const QString &path, qreal scale, QString *error) {
    const QImage image = renderImage(scene, scale);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit()) {
        if (error)
            *error = file.errorString().isEmpty() ? QStringLiteral("cannot write PNG")
                                                  : file.errorString();
        return false;
    }
    return true;
}

} // namespace egret::views

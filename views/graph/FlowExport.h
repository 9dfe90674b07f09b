#pragma once

#include <QImage>
#include <QString>

namespace egret::views {

class FlowScene;

// The drawing (graph and legend) as a file. Selection highlights are left out.
bool exportSvg(FlowScene &scene, const QString &path, QString *error = nullptr);
// `scale` 2 gives a sharp image on high-density screens; very large drawings are scaled down
// to stay within kMaxImageSide pixels.
bool exportPng(FlowScene &scene, const QString &path, qreal scale = 2.0, QString *error = nullptr);
QImage renderImage(FlowScene &scene, qreal scale = 2.0);

inline constexpr int kMaxImageSide = 16000;

} // namespace egret::views

#pragma once

#include <QListWidget>

namespace egret::views {

// The Palette dock: what can be dragged onto the canvas. The drag carries the MIME type
// kPaletteMime with the item's kind ("workload", "egress-gateway", "external-host").
class PaletteWidget : public QListWidget {
    Q_OBJECT

public:
    static constexpr const char *kPaletteMime = "application/x-egret-palette";

    explicit PaletteWidget(QWidget *parent = nullptr);

protected:
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QList<QListWidgetItem *> &items) const override;
};

} // namespace egret::views

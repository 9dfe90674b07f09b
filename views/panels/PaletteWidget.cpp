#include "views/panels/PaletteWidget.h"

#include <QMimeData>

// The icons live in a static library: make sure its resources are registered.
static void initUiResources() {
    Q_INIT_RESOURCE(ui);
}

namespace egret::views {

PaletteWidget::PaletteWidget(QWidget *parent)
    : QListWidget(parent) {
    initUiResources();
    setObjectName(QStringLiteral("palette"));
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setViewMode(QListView::ListMode);
    setIconSize(QSize(32, 32));
    struct Entry {
        const char *kind;
        QString label;
        QString hint;
        const char *icon;
    };
    const Entry entries[] = {
        {"workload", tr("Workload"), tr("A namespace or app whose sidecars send traffic out"),
         ":/egret/palette/workload.svg"},
        {"egress-gateway", tr("Egress gateway (Istio API)"),
         tr("A Gateway on the egress gateway workloads (istio: egressgateway)"),
         ":/egret/palette/gateway.svg"},
        {"egress-gateway-api", tr("Egress gateway (Gateway API)"),
         tr("A Gateway API Gateway of class istio, which Istio deploys as <name>-istio"),
         ":/egret/palette/gateway.svg"},
        {"waypoint", tr("Waypoint (ambient)"),
         tr("An ambient egress waypoint: a Gateway of class istio-waypoint (HBONE, 15008) that "
            "ServiceEntries labelled istio.io/use-waypoint go through"),
         ":/egret/palette/gateway.svg"},
        {"external-host", tr("External host"),
         tr("A host outside the mesh, declared by a ServiceEntry"), ":/egret/palette/host.svg"},
    };
    for (const Entry &e : entries) {
        auto *item = new QListWidgetItem(QIcon(QLatin1String(e.icon)), e.label, this);
        item->setData(Qt::UserRole, QLatin1String(e.kind));
        item->setToolTip(e.hint + tr("\nDrag it onto the canvas."));
    }
}

QStringList PaletteWidget::mimeTypes() const {
    return {QLatin1String(kPaletteMime)};
}

QMimeData *PaletteWidget::mimeData(const QList<QListWidgetItem *> &items) const {
    if (items.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    mime->setData(QLatin1String(kPaletteMime),
                  items.first()->data(Qt::UserRole).toString().toUtf8());
    mime->setText(items.first()->text());
    return mime;
}

} // namespace egret::views

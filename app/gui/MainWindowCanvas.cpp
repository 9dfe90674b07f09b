// The canvas in the main window: the view, its actions, and the wiring of its design gestures to
// CanvasDesigner.
#include "app/gui/CanvasDesigner.h"
#include "app/gui/MainWindow.h"
#include "views/graph/CanvasInteraction.h"
#include "views/graph/FlowExport.h"
#include "views/graph/FlowScene.h"
#include "views/graph/FlowView.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>

namespace egret::gui {

void MainWindow::createCanvas(QWidget *parent) {
    m_scene = new views::FlowScene(this);
    m_canvas = new views::FlowView(m_scene, parent);
    m_canvas->setObjectName(QStringLiteral("canvas"));
    m_canvas->setPlaceholderText(
        tr("<div align=center><h2>Egret</h2><p>Open manifests with <b>File &gt; Open</b> (Ctrl+O) "
           "or a folder "
           "(Ctrl+Shift+O), or drag an <b>External host</b> and a <b>Workload</b> from the Palette "
           "here.</p>"
           "<p>Then drag from a workload onto a host to design its route.</p></div>"));
    m_interaction = new views::CanvasInteraction(m_canvas, m_scene);
    m_designer = new CanvasDesigner(m_session, m_scene, m_selection, this, statusBar());
    connect(m_interaction, &views::CanvasInteraction::paletteItemDropped, m_designer,
            [this](const QString &kind, const QPointF &) { m_designer->paletteItemDropped(kind); });
    connect(m_interaction, &views::CanvasInteraction::routeRequested, m_designer,
            &CanvasDesigner::designRoute);
    connect(m_interaction, &views::CanvasInteraction::routeRefused, this,
            [this](const QString &why) { statusBar()->showMessage(why, 6000); });
}

void MainWindow::createViewActions(QMenu *view) {
    auto add = [&](const QString &name, const QString &text, auto slot,
                   const QKeySequence &key = {}) {
        QAction *a = view->addAction(text, this, slot);
        a->setObjectName(name);
        if (!key.isEmpty())
            a->setShortcut(key);
        m_actions.insert(name, a);
        return a;
    };
    add(
        QStringLiteral("zoomIn"), tr("Zoom &In"), [this] { m_canvas->zoomIn(); },
        QKeySequence::ZoomIn);
    add(
        QStringLiteral("zoomOut"), tr("Zoom &Out"), [this] { m_canvas->zoomOut(); },
        QKeySequence::ZoomOut);
    add(
        QStringLiteral("zoomFit"), tr("&Fit to Window"), [this] { m_canvas->fitToDrawing(); },
        QKeySequence(Qt::CTRL | Qt::Key_0));
    QAction *legend = add(QStringLiteral("showLegend"), tr("Show &Legend"),
                          [this](bool on) { m_scene->setLegendVisible(on); });
    legend->setCheckable(true);
    legend->setChecked(true);
    add(QStringLiteral("exportDiagram"), tr("&Export Diagram..."), &MainWindow::exportDiagram,
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
}

void MainWindow::exportDiagram() {
    QString filter;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Diagram"), QDir::homePath() + QStringLiteral("/egress-flows.svg"),
        tr("SVG drawing (*.svg);;PNG image (*.png)"), &filter);
    if (path.isEmpty())
        return;
    QString error;
    const bool png = path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive) ||
                     filter.startsWith(QLatin1String("PNG"));
    const bool ok = png ? views::exportPng(*m_scene, path, 2.0, &error)
                        : views::exportSvg(*m_scene, path, &error);
    if (!ok)
        QMessageBox::critical(this, tr("Export Diagram"), error);
    else
        statusBar()->showMessage(tr("Diagram written to %1").arg(path), 6000);
}

} // namespace egret::gui

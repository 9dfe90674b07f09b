// The canvas in the main window: selection both ways, view actions, and designing by drag and
// drop (palette items, workload -> host routes, deleting hops).
#include "app/gui/EditorSession.h"
#include "app/gui/MainWindow.h"
#include "model/edit/WorkspaceChange.h"
#include "model/recipes/Patterns.h"
#include "model/recipes/Route.h"
#include "views/dialogs/ExternalHostDialog.h"
#include "views/dialogs/RouteDialog.h"
#include "views/graph/CanvasInteraction.h"
#include "views/graph/FlowExport.h"
#include "views/graph/FlowScene.h"
#include "views/graph/FlowSelection.h"
#include "views/graph/FlowView.h"
#include "views/panels/ResourceTreeModel.h"
#include "views/panels/YamlEditor.h"
#include "views/properties/PropertiesPanel.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>
#include <QTreeView>

namespace egret::gui {

namespace {

QString sourceLabel(const FlowSource &s) {
    if (s.assumed)
        return QObject::tr("%1 (assumed: part of the Istio installation)")
            .arg(s.resource.toString());
    return s.resource.toString();
}

views::Explanation explain(const FlowGraph &flows, const views::FlowSelection &selection) {
    views::Explanation ex;
    if (selection.hopIds.size() == 1 && selection.nodeIds.isEmpty()) {
        const FlowHop *hop = flows.hop(selection.hopIds.first());
        const FlowNode *from = hop ? flows.node(hop->from) : nullptr;
        const FlowNode *to = hop ? flows.node(hop->to) : nullptr;
        if (hop && from && to) {
            ex.title = QStringLiteral("%1 \u2192 %2, %3 %4, %5")
                           .arg(from->label, to->label)
                           .arg(hop->port)
                           .arg(hop->protocol, wireTlsName(hop->tls));
            QStringList sentences;
            if (hop->blocked)
                sentences << QObject::tr(
                    "Blocked: the mesh allows only declared hosts (REGISTRY_ONLY).");
            for (const QString &p : hop->problems)
                sentences << QObject::tr("Broken: %1").arg(p);
            sentences += hop->notes;
            if (!hop->timeout.isEmpty())
                sentences << QObject::tr("Timeout %1.").arg(hop->timeout);
            if (!hop->retries.isEmpty())
                sentences << QObject::tr("Retries: %1.").arg(hop->retries);
            if (!hop->fault.isEmpty())
                sentences << QObject::tr("Fault injected: %1.").arg(hop->fault);
            ex.summary = sentences.isEmpty() ? QObject::tr("These resources make this hop:")
                                             : sentences.join(QLatin1Char(' '));
        }
    } else if (selection.nodeIds.size() == 1 && selection.hopIds.isEmpty()) {
        const FlowNode *node = flows.node(selection.nodeIds.first());
        ex.title = node ? node->label : selection.nodeIds.first();
        ex.summary = QObject::tr("These resources define it:");
    } else {
        ex.title = QObject::tr("%n item(s) selected", nullptr,
                               int(selection.nodeIds.size() + selection.hopIds.size()));
        ex.summary = QObject::tr("The resources behind them:");
    }
    for (const FlowSource &s : selection.provenance)
        ex.sources.append({s.id, sourceLabel(s), s.paths.join(QStringLiteral(", ")),
                           s.assumed ? QObject::tr("not in your files") : QString()});
    return ex;
}

} // namespace

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
    connect(m_scene, &views::FlowScene::flowSelectionChanged, this, &MainWindow::onCanvasSelection);
    connect(m_interaction, &views::CanvasInteraction::paletteItemDropped, this,
            [this](const QString &kind, const QPointF &) { paletteItemDropped(kind); });
    connect(m_interaction, &views::CanvasInteraction::routeRequested, this,
            &MainWindow::designRoute);
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

void MainWindow::onCanvasSelection(const views::FlowSelection &selection) {
    if (m_syncing)
        return;
    QVector<ResourceId> ids;
    for (const FlowSource &s : selection.provenance)
        if (s.id.isValid() && !ids.contains(s.id))
            ids << s.id;
    m_selection = ids;
    m_selectedField.clear();
    m_hopsSelected = !selection.hopIds.isEmpty();
    m_syncing = true;
    m_resourceView->selectionModel()->clearSelection();
    for (const ResourceId &id : std::as_const(ids))
        m_resourceView->selectionModel()->select(
            m_resources->indexOf(id), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    m_syncing = false;
    if (selection.isEmpty()) {
        refreshSelectionViews(QString());
        return;
    }
    // The YAML dock shows the first resource behind the selection, at its first field.
    refreshSelectionViews(QString());
    const FlowSource *first = nullptr;
    for (const FlowSource &s : selection.provenance)
        if (s.id.isValid()) {
            first = &s;
            break;
        }
    if (first && !first->paths.isEmpty())
        if (const Resource *r = m_session->workspace().resource(first->id))
            m_yaml->revealPath(r->documentPath(first->paths.first()));
    m_properties->showExplanation(explain(m_scene->flows(), selection));
}

void MainWindow::selectOnCanvas(const QVector<ResourceId> &ids) {
    QStringList flowIds;
    if (!ids.isEmpty()) {
        auto involves = [&](const Provenance &p) {
            for (const FlowSource &s : p)
                if (ids.contains(s.id))
                    return true;
            return false;
        };
        for (const FlowNode &n : m_scene->flows().nodes())
            if (involves(n.provenance))
                flowIds << n.id;
        for (const FlowHop &h : m_scene->flows().hops())
            if (involves(h.provenance))
                flowIds << h.id;
    }
    m_syncing = true;
    m_scene->selectIds(flowIds);
    m_syncing = false;
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

QString MainWindow::targetFile() const {
    const Workspace &ws = m_session->workspace();
    if (!m_selection.isEmpty())
        if (const SourceDocument *d = ws.document(m_selection.first().document))
            return ws.files()[d->file].path;
    return ws.files().isEmpty() ? QStringLiteral("untitled:1.yaml") : ws.files().first().path;
}

void MainWindow::paletteItemDropped(const QString &kind) {
    const Workspace &ws = m_session->workspace();
    const QString defaultNs = ws.parseOptions().defaultNamespace;
    if (kind == QLatin1String("external-host")) {
        views::ExternalHostDialog dialog(this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        recipes::RouteRequest r;
        r.pattern = dialog.isHttp() ? recipes::Pattern::DirectHttp : recipes::Pattern::DirectTls;
        r.host = dialog.host();
        r.port = dialog.port();
        r.targetFile = targetFile();
        const recipes::RouteResult result = recipes::addRoute(ws, r);
        if (!result.ok) {
            QStringList lines;
            for (const recipes::InputProblem &p : result.problems)
                lines << p.message;
            QMessageBox::warning(this, tr("External Host"), lines.join(QLatin1Char('\n')));
            return;
        }
        edit::WorkspaceChange change = result.change;
        change.setDescription(tr("Add external host %1").arg(r.host));
        if (change.isEmpty())
            statusBar()->showMessage(tr("%1 is declared already").arg(r.host), 6000);
        else
            m_session->applyChange(change);
        return;
    }
    bool ok = false;
    if (kind == QLatin1String("egress-gateway")) {
        const QString ns = QInputDialog::getText(
            this, tr("Egress Gateway"),
            tr("A Gateway for the egress gateway workloads (istio: egressgateway).\nNamespace:"),
            QLineEdit::Normal, defaultNs, &ok);
        if (!ok || ns.isEmpty())
            return;
        const QByteArray body =
            QStringLiteral("apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: "
                           "istio-egressgateway\n"
                           "  namespace: %1\nspec:\n  selector:\n    istio: egressgateway\n")
                .arg(ns)
                .toUtf8();
        m_session->appendDocument(targetFile(), body, tr("Add egress Gateway in %1").arg(ns));
    } else if (kind == QLatin1String("workload")) {
        const QString ns = QInputDialog::getText(
            this, tr("Workload"),
            tr("The sidecars of a namespace send the traffic you route.\nNamespace:"),
            QLineEdit::Normal, defaultNs, &ok);
        if (!ok || ns.isEmpty())
            return;
        const QByteArray body =
            QStringLiteral("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: %1\n  labels:\n"
                           "    istio-injection: enabled\n")
                .arg(ns)
                .toUtf8();
        m_session->appendDocument(targetFile(), body, tr("Add namespace %1 with sidecars").arg(ns));
    }
}

void MainWindow::designRoute(const QString &fromNodeId, const QString &toNodeId) {
    const FlowGraph &flows = m_scene->flows();
    const FlowNode *from = flows.node(fromNodeId);
    const FlowNode *to = flows.node(toNodeId);
    if (!from || !to)
        return;
    recipes::RouteRequest request;
    request.host = to->hosts.value(0, to->label);
    request.port = to->ports.size() == 1 ? to->ports.first() : 0;
    request.ns = from->ns;
    request.sourceWorkload = from->label;
    request.targetFile = targetFile();
    request.pattern =
        request.port == 80 ? recipes::Pattern::Http : recipes::Pattern::TlsPassthrough;
    views::RouteDialog dialog(this);
    dialog.setRequest(request);
    while (dialog.exec() == QDialog::Accepted) {
        const recipes::RouteRequest r = dialog.request();
        const recipes::RouteResult result = recipes::addRoute(m_session->workspace(), r);
        if (!result.ok) {
            dialog.showProblems(result.problems); // let the user change the inputs
            continue;
        }
        if (result.change.isEmpty()) {
            statusBar()->showMessage(tr("That route is there already"), 6000);
            return;
        }
        m_session->applyChange(result.change);
        statusBar()->showMessage((result.summary + result.notes).join(QStringLiteral("; ")), 15000);
        if (!result.notes.isEmpty())
            QMessageBox::information(this, tr("Route Added"),
                                     result.notes.join(QStringLiteral("\n\n")));
        return;
    }
}

bool MainWindow::removeSelectedHops() {
    const views::FlowSelection selection = m_scene->flowSelection();
    if (selection.hopIds.isEmpty())
        return false;
    const FlowGraph &flows = m_scene->flows();
    // The routes behind the hops: the external host they lead to, or the hosts of the
    // VirtualServices that send sidecars to a gateway.
    QVector<recipes::RouteRemoval> removals;
    for (const QString &id : selection.hopIds) {
        const FlowHop *hop = flows.hop(id);
        const FlowNode *from = hop ? flows.node(hop->from) : nullptr;
        const FlowNode *to = hop ? flows.node(hop->to) : nullptr;
        if (!hop || !from || !to)
            continue;
        if (to->kind == FlowNodeKind::External) {
            removals.append({to->hosts.value(0, to->label),
                             from->kind == FlowNodeKind::Workload ? qint64(hop->port) : 0});
            continue;
        }
        for (const FlowSource &s : hop->provenance)
            if (const Resource *r = m_session->workspace().resource(s.id))
                if (const VirtualService *vs = r->as<VirtualService>())
                    for (const QString &host : vs->hosts)
                        removals.append({host, 0});
    }
    if (removals.isEmpty())
        return false;
    // One gesture, one undo step: each removal is computed on the workspace the previous left.
    Workspace scratch = m_session->workspace();
    edit::WorkspaceChange all(selection.hopIds.size() == 1
                                  ? tr("Remove hop %1").arg(selection.hopIds.first())
                                  : tr("Remove %n hop(s)", nullptr, int(selection.hopIds.size())));
    QStringList problems;
    for (const recipes::RouteRemoval &removal : std::as_const(removals)) {
        const recipes::RouteResult result = recipes::removeRoute(scratch, removal);
        if (!result.ok) {
            for (const recipes::InputProblem &p : result.problems)
                problems << p.message;
            continue;
        }
        result.change.apply(scratch);
        for (const edit::WorkspaceChange::Operation &op : result.change.operations())
            all.append(op);
    }
    if (all.isEmpty()) {
        statusBar()->showMessage(problems.isEmpty() ? tr("Nothing to remove")
                                                    : problems.join(QStringLiteral("; ")),
                                 8000);
        return true;
    }
    m_session->applyChange(all);
    return true;
}

} // namespace egret::gui

// The canvas in the main window: selection both ways, view actions, and designing by drag and
// drop (palette items, workload -> host routes, deleting hops).
#include "app/gui/EditorSession.h"
#include "app/gui/MainWindow.h"
#include "app/gui/OffGuiThread.h"
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
#include "views/panels/ResourcesPanel.h"
#include "views/panels/YamlEditor.h"
#include "views/properties/PropertiesPanel.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QSet>
#include <QStatusBar>

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
    // A folded group of thousands stands for thousands of resources: the first ones explain it,
    // and all of them are selected in the Resources dock.
    constexpr int kShown = 40;
    for (const FlowSource &s : selection.provenance) {
        if (ex.sources.size() == kShown)
            break;
        ex.sources.append({s.id, sourceLabel(s), s.paths.join(QStringLiteral(", ")),
                           s.assumed ? QObject::tr("not in your files") : QString()});
    }
    if (selection.provenance.size() > kShown)
        ex.summary += QLatin1Char(' ') +
                      QObject::tr("The first %1 of %2 are listed; the Resources dock selects all.")
                          .arg(kShown)
                          .arg(selection.provenance.size());
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
    connect(m_scene, &views::FlowScene::flowSelectionChanged, this, [this] {
        if (!m_syncing) // what this window selected itself is known already
            onCanvasSelection(m_scene->flowSelection());
    });
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
    QSet<ResourceId> seen;
    for (const FlowSource &s : selection.provenance)
        if (s.id.isValid() && !seen.contains(s.id)) {
            seen.insert(s.id);
            ids << s.id;
        }
    m_selection = ids;
    m_selectedField.clear();
    m_hopsSelected = !selection.hopIds.isEmpty();
    m_syncing = true;
    m_resources->selectResources(ids);
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
        const QSet<ResourceId> wanted(ids.cbegin(), ids.cend());
        auto involves = [&](const Provenance &p) {
            for (const FlowSource &s : p)
                if (wanted.contains(s.id))
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
        const recipes::RouteResult result =
            offGuiThread(statusBar(), tr("Declaring %1...").arg(r.host),
                         [ws = m_session->workspace(), r] { return recipes::addRoute(ws, r); });
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
    runRouteDialog(from->label, from->ns, to->hosts.value(0, to->label),
                   to->ports.size() == 1 ? to->ports.first() : 0);
}

void MainWindow::addRouteFromSelection() {
    // Route design without a drag: from what is selected (a workload, a host, a resource that
    // names one), or from scratch.
    QString source, ns, host;
    qint64 port = 0;
    const views::FlowSelection selection = m_scene->flowSelection();
    for (const QString &id : selection.nodeIds) {
        const FlowNode *n = m_scene->flows().node(id);
        if (!n)
            continue;
        if (n->kind == FlowNodeKind::Workload && source.isEmpty()) {
            source = n->label;
            ns = n->ns;
        } else if (n->kind == FlowNodeKind::External && host.isEmpty()) {
            host = n->hosts.value(0, n->label);
            port = n->ports.size() == 1 ? n->ports.first() : 0;
        }
    }
    if (host.isEmpty() && !m_selection.isEmpty())
        if (const Resource *r = m_session->workspace().resource(m_selection.first())) {
            if (const auto *se = r->as<ServiceEntry>())
                host = se->hosts.value(0);
            else if (const auto *vs = r->as<VirtualService>())
                host = vs->hosts.value(0);
            if (ns.isEmpty())
                ns = r->ns;
        }
    runRouteDialog(source, ns, host, port);
}

bool MainWindow::runRouteDialog(const QString &sourceLabel, const QString &ns, const QString &host,
                                qint64 port) {
    recipes::RouteRequest request;
    request.host = host;
    request.port = port;
    request.ns = ns;
    request.sourceWorkload = sourceLabel;
    request.targetFile = targetFile();
    request.pattern = port == 80 ? recipes::Pattern::Http : recipes::Pattern::TlsPassthrough;
    views::RouteDialog dialog(this);
    QStringList hosts;
    for (const FlowNode &n : m_scene->flows().nodes())
        if (n.kind == FlowNodeKind::External)
            hosts << n.hosts.value(0, n.label);
    dialog.setHostSuggestions(hosts);
    dialog.setRequest(request);
    while (dialog.exec() == QDialog::Accepted) {
        const recipes::RouteRequest r = dialog.request();
        const recipes::RouteResult result =
            offGuiThread(statusBar(), tr("Adding the route to %1...").arg(r.host),
                         [ws = m_session->workspace(), r] { return recipes::addRoute(ws, r); });
        if (!result.ok) {
            dialog.showProblems(result.problems); // let the user change the inputs
            continue;
        }
        if (result.change.isEmpty()) {
            statusBar()->showMessage(tr("That route is there already"), 6000);
            return false;
        }
        m_session->applyChange(result.change);
        statusBar()->showMessage((result.summary + result.notes).join(QStringLiteral("; ")), 15000);
        if (!result.notes.isEmpty())
            QMessageBox::information(this, tr("Route Added"),
                                     result.notes.join(QStringLiteral("\n\n")));
        return true;
    }
    return false;
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
    struct Removal {
        edit::WorkspaceChange all;
        QStringList problems;
    };
    const QString description = selection.hopIds.size() == 1
                                    ? tr("Remove hop %1").arg(selection.hopIds.first())
                                    : tr("Remove %n hop(s)", nullptr, int(selection.hopIds.size()));
    auto [all, problems] = offGuiThread(
        statusBar(), description + QStringLiteral("..."),
        [scratch = m_session->workspace(), removals, description]() mutable {
            Removal out{edit::WorkspaceChange(description), {}};
            for (const recipes::RouteRemoval &removal : std::as_const(removals)) {
                const recipes::RouteResult result = recipes::removeRoute(scratch, removal);
                if (!result.ok) {
                    for (const recipes::InputProblem &p : result.problems)
                        out.problems << p.message;
                    continue;
                }
                result.change.apply(scratch);
                for (const edit::WorkspaceChange::Operation &op : result.change.operations())
                    out.all.append(op);
            }
            return out;
        });
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

#include "app/gui/CanvasDesigner.h"

#include "app/gui/EditorSession.h"
#include "app/gui/OffGuiThread.h"
#include "model/design/HopRoutes.h"
#include "model/design/PaletteDocuments.h"
#include "model/design/RoutePreview.h"
#include "model/design/RouteSeeds.h"
#include "model/edit/WorkspaceChange.h"
#include "model/recipes/Patterns.h"
#include "views/dialogs/ExternalHostDialog.h"
#include "views/dialogs/RouteDialog.h"
#include "views/graph/FlowScene.h"
#include "views/graph/FlowSelection.h"
#include "views/selection/SelectionModel.h"

#include <QInputDialog>
#include <QMessageBox>
#include <QStatusBar>

#include <functional>

namespace egret::gui {

CanvasDesigner::CanvasDesigner(EditorSession *session, views::FlowScene *scene,
                               views::SelectionModel *selection, QWidget *window,
                               QStatusBar *status)
    : QObject(window)
    , m_session(session)
    , m_scene(scene)
    , m_selection(selection)
    , m_window(window)
    , m_status(status) {
}

QString CanvasDesigner::targetFile() const {
    const Workspace &ws = m_session->workspace();
    if (const SourceDocument *d = ws.document(m_selection->current().document))
        return ws.files()[d->file].path;
    return ws.files().isEmpty() ? QStringLiteral("untitled:1.yaml") : ws.files().first().path;
}

void CanvasDesigner::paletteItemDropped(const QString &kind) {
    if (kind == QLatin1String("external-host")) {
        addExternalHost();
        return;
    }
    QString title;
    QString prompt;
    std::function<design::NewDocument(const QString &)> make;
    if (kind == QLatin1String("egress-gateway")) {
        title = tr("Egress Gateway");
        prompt = tr("A Gateway for the egress gateway workloads (istio: egressgateway).\n"
                    "Namespace:");
        make = design::egressGatewayDocument;
    } else if (kind == QLatin1String("egress-gateway-api")) {
        title = tr("Egress Gateway (Gateway API)");
        prompt = tr("A Gateway of class istio: Istio deploys it as <name>-istio.\n"
                    "Routes through it go in the same namespace.\nNamespace:");
        make = [this](const QString &ns) {
            QStringList taken;
            for (const Resource *r : m_session->workspace().resources())
                if (r->kind == Kind::KubernetesGateway && r->ns == ns)
                    taken << r->meta.name;
            return design::kubernetesGatewayDocument(ns, taken);
        };
    } else if (kind == QLatin1String("waypoint")) {
        title = tr("Waypoint");
        prompt = tr("An ambient waypoint (Gateway of class istio-waypoint). ServiceEntries\n"
                    "labelled istio.io/use-waypoint: <name> go through it.\nNamespace:");
        make = [this](const QString &ns) {
            QStringList taken;
            for (const Resource *r : m_session->workspace().resources())
                if (r->kind == Kind::KubernetesGateway && r->ns == ns)
                    taken << r->meta.name;
            return design::waypointDocument(ns, taken);
        };
    } else if (kind == QLatin1String("workload")) {
        title = tr("Workload");
        prompt = tr("The sidecars of a namespace send the traffic you route.\nNamespace:");
        make = design::sidecarNamespaceDocument;
    } else {
        return;
    }
    QString ns = m_session->workspace().parseOptions().defaultNamespace;
    for (;;) { // asks again until the namespace is one Kubernetes accepts, or the user cancels
        bool ok = false;
        ns = QInputDialog::getText(m_window, title, prompt, QLineEdit::Normal, ns, &ok);
        if (!ok || ns.isEmpty())
            return;
        const design::NewDocument doc = make(ns);
        if (doc.problem.isEmpty()) {
            m_session->appendDocument(targetFile(), doc.body, doc.description);
            return;
        }
        QMessageBox::warning(m_window, title, doc.problem);
    }
}

void CanvasDesigner::addExternalHost() {
    views::ExternalHostDialog dialog(m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    recipes::RouteRequest r;
    r.pattern = dialog.isHttp() ? recipes::Pattern::DirectHttp : recipes::Pattern::DirectTls;
    r.host = dialog.host();
    r.port = dialog.port();
    r.targetFile = targetFile();
    const recipes::RouteResult result =
        offGuiThread(m_status, tr("Declaring %1...").arg(r.host),
                     [ws = m_session->workspace(), r] { return recipes::addRoute(ws, r); });
    if (!result.ok) {
        QStringList lines;
        for (const recipes::InputProblem &p : result.problems)
            lines << p.message;
        QMessageBox::warning(m_window, tr("External Host"), lines.join(QLatin1Char('\n')));
        return;
    }
    edit::WorkspaceChange change = result.change;
    change.setDescription(tr("Add external host %1").arg(r.host));
    if (change.isEmpty())
        m_status->showMessage(tr("%1 is declared already").arg(r.host), 6000);
    else
        m_session->applyChange(change);
}

void CanvasDesigner::designRoute(const QString &fromNodeId, const QString &toNodeId) {
    const FlowNode *from = m_scene->flows().node(fromNodeId);
    const FlowNode *to = m_scene->flows().node(toNodeId);
    if (from && to)
        runRouteDialog(design::routeBetween(*from, *to));
}

void CanvasDesigner::addRouteFromSelection() {
    // Route design without a drag: from what is selected (a workload, a host, a resource that
    // names one), or from scratch.
    runRouteDialog(design::routeFromSelection(m_scene->flows(), m_scene->flowSelection().nodeIds,
                                              m_session->workspace(), m_selection->resources()));
}

bool CanvasDesigner::runRouteDialog(recipes::RouteRequest request) {
    request.targetFile = targetFile();
    request.mesh = m_session->meshConfig(); // the installation the window knows
    if (!request.api)                       // the dialect the files already use
        request.api = recipes::defaultApi(m_session->workspace());
    views::RouteDialog dialog(m_window);
    dialog.setHostSuggestions(design::externalHosts(m_scene->flows()));
    dialog.setRequest(request);
    dialog.setPreview([ws = m_session->workspace()](const recipes::RouteRequest &r) {
        return design::routePreview(ws, r);
    });
    while (dialog.exec() == QDialog::Accepted) {
        const recipes::RouteRequest r = dialog.request();
        const recipes::RouteResult result =
            offGuiThread(m_status, tr("Adding the route to %1...").arg(r.host),
                         [ws = m_session->workspace(), r] { return recipes::addRoute(ws, r); });
        if (!result.ok) {
            dialog.showProblems(result.problems); // let the user change the inputs
            continue;
        }
        if (result.change.isEmpty()) {
            m_status->showMessage(tr("That route is there already"), 6000);
            return false;
        }
        m_session->applyChange(result.change);
        m_status->showMessage((result.summary + result.notes).join(QStringLiteral("; ")), 15000);
        if (!result.notes.isEmpty())
            QMessageBox::information(m_window, tr("Route Added"),
                                     result.notes.join(QStringLiteral("\n\n")));
        return true;
    }
    return false;
}

bool CanvasDesigner::removeSelectedHops() {
    const QStringList hopIds = m_scene->flowSelection().hopIds;
    if (hopIds.isEmpty())
        return false;
    const QVector<recipes::RouteRemoval> removals =
        design::routesBehindHops(m_scene->flows(), m_session->workspace(), hopIds);
    if (removals.isEmpty())
        return false;
    const QString description = hopIds.size() == 1
                                    ? tr("Remove hop %1").arg(hopIds.first())
                                    : tr("Remove %n hop(s)", nullptr, int(hopIds.size()));
    const design::CombinedRemoval removal =
        offGuiThread(m_status, description + QStringLiteral("..."),
                     [scratch = m_session->workspace(), removals, description] {
                         return design::removeRoutes(scratch, removals, description);
                     });
    if (removal.change.isEmpty()) {
        m_status->showMessage(removal.problems.isEmpty()
                                  ? tr("Nothing to remove")
                                  : removal.problems.join(QStringLiteral("; ")),
                              8000);
        return true;
    }
    m_session->applyChange(removal.change);
    return true;
}

} // namespace egret::gui

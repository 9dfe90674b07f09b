#include "app/gui/SelectionSync.h"

#include "app/gui/EditorSession.h"
#include "views/graph/FlowExplanation.h"
#include "views/graph/FlowScene.h"
#include "views/graph/FlowSelection.h"
#include "views/panels/ResourcesPanel.h"
#include "views/panels/YamlEditor.h"
#include "views/properties/PropertiesPanel.h"

#include <QSet>

namespace egret::gui {

namespace {

using Origin = views::SelectionModel::Origin;

// Whether a diagnostic is about one document: its resource, or a place inside its lines.
bool concerns(const Diagnostic &d, const SourceDocument &doc, const QString &file) {
    return d.resourceId.document == doc.id ||
           (d.location.file == file && d.location.line > doc.firstLine &&
            d.location.line <= doc.firstLine + int(doc.text.count('\n')) + 1);
}

} // namespace

SelectionSync::SelectionSync(EditorSession *session, views::SelectionModel *selection,
                             views::ResourcesPanel *resources, views::FlowScene *scene,
                             views::PropertiesPanel *properties, views::YamlEditor *yaml,
                             QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_selection(selection)
    , m_resources(resources)
    , m_scene(scene)
    , m_properties(properties)
    , m_yaml(yaml) {
    connect(m_selection, &views::SelectionModel::changed, this, &SelectionSync::selectionChanged);
    connect(m_resources, &views::ResourcesPanel::selectionChanged, this,
            [this](const QVector<ResourceId> &ids) {
                if (!m_pushing)
                    m_selection->select(ids, QString(), Origin::Resources);
            });
    connect(m_scene, &views::FlowScene::flowSelectionChanged, this,
            &SelectionSync::canvasSelectionChanged);
}

void SelectionSync::selectionChanged(Origin origin) {
    if (origin != Origin::Resources)
        pushing([&] { m_resources->selectResources(m_selection->resources()); });
    refreshDocks(m_selection->field());
    if (origin != Origin::Canvas)
        selectOnCanvas(m_selection->resources());
}

void SelectionSync::canvasSelectionChanged() {
    if (m_pushing) // what was selected here for the other views is known already
        return;
    const views::FlowSelection selection = m_scene->flowSelection();
    QVector<ResourceId> ids;
    QSet<ResourceId> seen;
    for (const FlowSource &s : selection.provenance)
        if (s.id.isValid() && !seen.contains(s.id)) {
            seen.insert(s.id);
            ids << s.id;
        }
    m_selection->select(ids, QString(), Origin::Canvas, !selection.hopIds.isEmpty());
    if (selection.isEmpty())
        return;
    // The YAML dock shows the first resource behind the selection, at its first field.
    for (const FlowSource &s : selection.provenance)
        if (s.id.isValid()) {
            if (!s.paths.isEmpty())
                if (const Resource *r = m_session->workspace().resource(s.id))
                    m_yaml->revealPath(r->documentPath(s.paths.first()));
            break;
        }
    m_properties->showExplanation(views::explainSelection(m_scene->flows(), selection));
}

void SelectionSync::selectOnCanvas(const QVector<ResourceId> &ids) {
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
    pushing([&] { m_scene->selectIds(flowIds); });
}

void SelectionSync::workspaceReplaced() {
    pushing([&] {
        m_resources->setWorkspace(&m_session->workspace());
        m_resources->setProblems({});
        m_scene->setFlows({});
    });
    m_selection->clear();
}

void SelectionSync::workspaceChanged() {
    pushing([&] {
        m_resources->sync();
        // Selected resources that no longer exist drop out of the selection.
        if (m_selection->retain(
                [&](const ResourceId &id) { return m_session->workspace().resource(id); }))
            m_resources->selectResources(m_selection->resources());
    });
    refreshDocks(m_selection->field());
}

void SelectionSync::refreshDocks(const QString &fieldPath) {
    const Workspace &ws = m_session->workspace();
    const Resource *r = ws.resource(m_selection->current());
    if (!r) {
        m_properties->clear();
        m_yaml->clearDocument();
        return;
    }
    m_properties->showResource(ws, r->id);
    const SourceDocument *doc = ws.document(r->id.document);
    const bool sameDocument = m_yaml->documentId() == doc->id;
    m_yaml->showDocument(doc->id, doc->text, doc->firstLine + 1);
    m_yaml->setReadOnly(!writeRefusal(ws.files()[doc->file]).isEmpty()); // rendered input
    // The underlines of the document being edited follow its text until the new findings come.
    if (!sameDocument || m_session->areProblemsCurrent())
        showDocumentProblems();
    if (!fieldPath.isEmpty()) {
        // Findings name fields inside the resource; List items live under their items[i].
        const QString inResource =
            !r->basePath.isEmpty() && fieldPath.startsWith(r->basePath + QLatin1Char('.'))
                ? fieldPath.mid(r->basePath.size() + 1)
                : fieldPath;
        m_properties->revealField(inResource);
        m_yaml->revealPath(r->documentPath(inResource));
    } else if (!r->basePath.isEmpty()) {
        m_yaml->revealPath(r->basePath);
    }
}

void SelectionSync::showDocumentProblems() {
    const Workspace &ws = m_session->workspace();
    const SourceDocument *doc = ws.document(m_yaml->documentId());
    if (!doc)
        return;
    const QString &file = ws.files()[doc->file].path;
    Diagnostics mine;
    for (const Diagnostic &d : m_session->problems())
        if (concerns(d, *doc, file))
            mine << d;
    m_yaml->setDiagnostics(mine);
}

void SelectionSync::activateProblem(const Diagnostic &d) {
    const Workspace &ws = m_session->workspace();
    if (d.resourceId.isValid() && ws.resource(d.resourceId)) {
        m_selection->select({d.resourceId}, d.path, Origin::Program);
        return;
    }
    // A problem without a resource (malformed YAML): show its document.
    for (const SourceFile &f : ws.files()) {
        if (f.path != d.location.file)
            continue;
        for (DocumentId id : f.documents) {
            const SourceDocument *doc = ws.document(id);
            if (concerns(d, *doc, f.path) && !d.resourceId.isValid()) {
                m_selection->retain([](const ResourceId &) { return false; }); // quietly
                m_properties->clear();
                m_yaml->showDocument(id, doc->text, doc->firstLine + 1);
                m_yaml->setReadOnly(!writeRefusal(f).isEmpty());
                m_yaml->setDiagnostics({d});
                return;
            }
        }
    }
}

} // namespace egret::gui

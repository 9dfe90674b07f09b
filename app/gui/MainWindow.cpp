#include "app/gui/MainWindow.h"

#include "app/gui/EditorSession.h"
#include "app/gui/InfoBar.h"
#include "app/gui/RecentFiles.h"
#include "model/workspace/Recovery.h"
#include "views/graph/FlowScene.h"
#include "views/graph/FlowSelection.h"
#include "views/graph/FlowView.h"
#include "views/panels/PaletteWidget.h"
#include "views/panels/ProblemsModel.h"
#include "views/panels/ResourceTreeModel.h"
#include "views/panels/YamlEditor.h"

#include "views/properties/PropertiesPanel.h"
#include <QGraphicsItem>

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace egret::gui {

namespace {

QString recoveryDirectory() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/recovery");
}

int autosaveInterval() {
    bool ok = false;
    const int ms = qEnvironmentVariableIntValue("EGRET_AUTOSAVE_MS", &ok);
    return ok && ms > 0 ? ms : 5000;
}

ResourceId idFromVariant(const QVariant &v) {
    if (!v.isValid())
        return {};
    const quint64 raw = v.toULongLong();
    return {DocumentId(raw >> 32), int(quint32(raw)) - 1};
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_session(new EditorSession(this))
    , m_recovery(std::make_unique<RecoveryStore>(recoveryDirectory()))
    , m_watcher(new QFileSystemWatcher(this)) {
    setObjectName(QStringLiteral("mainWindow"));
    resize(1400, 900);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_infoBar = new InfoBar(central);
    layout->addWidget(m_infoBar);
    createCanvas(central);
    layout->addWidget(m_canvas, 1);
    setCentralWidget(central);

    createDocks();
    createActions();

    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(240);
    m_progress->hide();
    statusBar()->addPermanentWidget(m_progress);

    connect(m_session, &EditorSession::workspaceReplaced, this, &MainWindow::onWorkspaceReplaced);
    connect(m_session, &EditorSession::workspaceChanged, this, &MainWindow::onWorkspaceChanged);
    connect(m_session, &EditorSession::errorOccurred, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    connect(m_session, &EditorSession::openProgress, this, [this](qint64 done, qint64 total) {
        m_progress->setRange(0, int(total));
        m_progress->setValue(int(done));
        m_progress->show();
    });
    connect(m_session, &EditorSession::openFinished, this,
            [this](const QStringList &files, const Diagnostics &problems) {
                m_progress->hide();
                const Diagnostics all = m_session->workspace().diagnostics() + problems;
                statusBar()->showMessage(tr("Opened %n file(s): %1 resource(s), %2 load problem(s)",
                                            nullptr, int(files.size()))
                                             .arg(m_session->workspace().resources().size())
                                             .arg(all.size()),
                                         8000);
            });
    connect(m_session, &EditorSession::saved, this, [this](const QStringList &files) {
        statusBar()->showMessage(tr("Saved %n file(s)", nullptr, int(files.size())), 5000);
        autosave(); // drops the recovery snapshot once nothing is unsaved
        watchFiles();
    });
    connect(m_session->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &MainWindow::fileChangedOnDisk);

    m_autosave.setInterval(autosaveInterval());
    connect(&m_autosave, &QTimer::timeout, this, &MainWindow::autosave);
    m_autosave.start();

    // Sizes that suit the docks' contents: a short palette, wide side panels, a low Problems list.
    const auto docks = findChildren<QDockWidget *>();
    auto byName = [&](const QString &name) {
        for (QDockWidget *d : docks)
            if (d->objectName() == name)
                return d;
        return static_cast<QDockWidget *>(nullptr);
    };
    resizeDocks({byName(QStringLiteral("paletteDock")), byName(QStringLiteral("resourcesDock"))},
                {140, 600}, Qt::Vertical);
    resizeDocks({byName(QStringLiteral("paletteDock")), byName(QStringLiteral("propertiesDock"))},
                {320, 440}, Qt::Horizontal);
    resizeDocks({byName(QStringLiteral("problemsDock"))}, {170}, Qt::Vertical);

    m_session->newWorkspace();
    updateTitle();
}

MainWindow::~MainWindow() {
    // The scene and the session are children destroyed after our members: stop listening first.
    m_scene->disconnect(this);
    m_session->disconnect(this);
    m_session->undoStack()->disconnect(this); // it emits cleanChanged as it is destroyed
}

QAction *MainWindow::action(const QString &name) const {
    return m_actions.value(name);
}

void MainWindow::createDocks() {
    auto dock = [this](const QString &title, const QString &name, QWidget *widget,
                       Qt::DockWidgetArea area) {
        auto *d = new QDockWidget(title, this);
        d->setObjectName(name);
        d->setWidget(widget);
        addDockWidget(area, d);
        return d;
    };

    m_palette = new views::PaletteWidget(this);
    dock(tr("Palette"), QStringLiteral("paletteDock"), m_palette, Qt::LeftDockWidgetArea);

    m_resources = new views::ResourceTreeModel(this);
    m_resourceView = new QTreeView(this);
    m_resourceView->setObjectName(QStringLiteral("resources"));
    m_resourceView->setModel(m_resources);
    m_resourceView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_resourceView->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_resourceView->header()->setStretchLastSection(true);
    dock(tr("Resources"), QStringLiteral("resourcesDock"), m_resourceView, Qt::LeftDockWidgetArea);
    connect(m_resourceView->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (m_syncing)
            return;
        QVector<ResourceId> ids;
        for (const QModelIndex &i : m_resourceView->selectionModel()->selectedRows())
            if (const ResourceId id =
                    idFromVariant(i.data(views::ResourceTreeModel::ResourceIdRole));
                id.isValid())
                ids << id;
        m_selection = ids;
        m_selectedField.clear();
        m_hopsSelected = false;
        refreshSelectionViews(QString());
        selectOnCanvas(ids);
    });

    m_properties = new views::PropertiesPanel(this);
    dock(tr("Properties"), QStringLiteral("propertiesDock"), m_properties, Qt::RightDockWidgetArea);
    connect(
        m_properties, &views::PropertiesPanel::editRequested, this,
        [this](const ResourceId &id, const edit::FieldEdit &e) { m_session->editField(id, e); });
    connect(m_properties, &views::PropertiesPanel::resourceActivated, this,
            [this](const ResourceId &id, const QString &path) { selectResource(id, path); });

    m_yaml = new views::YamlEditor(this);
    dock(tr("YAML"), QStringLiteral("yamlDock"), m_yaml, Qt::RightDockWidgetArea);
    connect(m_yaml, &views::YamlEditor::textCommitted, this,
            [this](DocumentId id, const QByteArray &text) {
                m_session->replaceDocumentText(id, text, true);
            });

    m_problems = new views::ProblemsModel(this);
    m_problemView = new QTableView(this);
    m_problemView->setObjectName(QStringLiteral("problems"));
    m_problemView->setModel(m_problems);
    m_problemView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_problemView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_problemView->verticalHeader()->hide();
    m_problemView->horizontalHeader()->setSectionResizeMode(views::ProblemsModel::MessageColumn,
                                                            QHeaderView::Stretch);
    m_problemView->setWordWrap(false);
    auto *problems = new QWidget(this);
    auto *problemsLayout = new QVBoxLayout(problems);
    problemsLayout->setContentsMargins(0, 0, 0, 0);
    m_problemSummary = new QLabel(problems);
    problemsLayout->addWidget(m_problemSummary);
    problemsLayout->addWidget(m_problemView, 1);
    dock(tr("Problems"), QStringLiteral("problemsDock"), problems, Qt::BottomDockWidgetArea);
    connect(m_problemView, &QTableView::activated, this,
            [this](const QModelIndex &i) { activateProblem(i.row()); });
    connect(m_problemView, &QTableView::clicked, this,
            [this](const QModelIndex &i) { activateProblem(i.row()); });
}

void MainWindow::createActions() {
    auto add = [this](QMenu *menu, const QString &name, const QString &text, auto slot,
                      QKeySequence::StandardKey key = QKeySequence::UnknownKey) {
        QAction *a = menu->addAction(text, this, slot);
        a->setObjectName(name);
        if (key != QKeySequence::UnknownKey)
            a->setShortcuts(key);
        m_actions.insert(name, a);
        return a;
    };

    QMenu *file = menuBar()->addMenu(tr("&File"));
    add(file, QStringLiteral("new"), tr("&New"), &MainWindow::newWorkspace, QKeySequence::New);
    add(file, QStringLiteral("open"), tr("&Open Files..."), &MainWindow::chooseFiles,
        QKeySequence::Open);
    add(file, QStringLiteral("openFolder"), tr("Open &Folder..."), &MainWindow::chooseFolder)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);
    file->addSeparator();
    add(file, QStringLiteral("save"), tr("&Save"), &MainWindow::save, QKeySequence::Save);
    add(file, QStringLiteral("saveAs"), tr("Save &As..."), &MainWindow::saveAs,
        QKeySequence::SaveAs);
    add(file, QStringLiteral("exportFile"), tr("&Export to File..."), &MainWindow::exportToFile)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    add(file, QStringLiteral("exportFolder"), tr("Export to Folder (one file per namespace)..."),
        &MainWindow::exportToFolder);
    file->addSeparator();
    add(file, QStringLiteral("close"), tr("&Close"), &MainWindow::closeWorkspace,
        QKeySequence::Close);
    add(file, QStringLiteral("quit"), tr("&Quit"), &QWidget::close, QKeySequence::Quit);

    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_session->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("undo"));
    undo->setShortcuts(QKeySequence::Undo);
    QAction *redo = m_session->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("redo"));
    redo->setShortcuts(QKeySequence::Redo);
    editMenu->addAction(undo);
    editMenu->addAction(redo);
    m_actions.insert(QStringLiteral("undo"), undo);
    m_actions.insert(QStringLiteral("redo"), redo);
    editMenu->addSeparator();
    add(editMenu, QStringLiteral("delete"), tr("&Delete"), &MainWindow::deleteSelection,
        QKeySequence::Delete);
    add(editMenu, QStringLiteral("selectAll"), tr("Select &All"), &MainWindow::selectAll,
        QKeySequence::SelectAll);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    createViewActions(view);
    view->addSeparator();
    for (QDockWidget *d : findChildren<QDockWidget *>())
        view->addAction(d->toggleViewAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    add(help, QStringLiteral("about"), tr("&About Egret"), [this] {
        QMessageBox::about(
            this, tr("About Egret"),
            tr("<b>Egret %1</b><p>A desktop editor for Istio egress traffic: see the flows, design "
               "routes with Istio's egress patterns, validate offline and export YAML that kubectl "
               "apply accepts.</p>")
                .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::updateRecentMenu() {
    m_recentMenu->clear();
    const QStringList recent = RecentFiles::list();
    for (const QString &path : recent)
        m_recentMenu->addAction(path, this, [this, path] {
            if (maybeSave())
                openPaths({path});
        });
    if (recent.isEmpty())
        m_recentMenu->addAction(tr("(nothing yet)"))->setEnabled(false);
    else {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("Clear the List"), this, [] { RecentFiles::clear(); });
    }
}

void MainWindow::updateTitle() {
    const QStringList opened = m_session->openedPaths();
    QString name = tr("Untitled");
    if (opened.size() == 1)
        name = QFileInfo(opened.first()).fileName();
    else if (!opened.isEmpty())
        name = tr("%n location(s)", nullptr, int(opened.size()));
    setWindowTitle(tr("%1[*] - Egret").arg(name));
    setWindowModified(m_session->isModified());
}

void MainWindow::openPaths(const QStringList &paths) {
    if (paths.isEmpty() || m_session->isOpening())
        return;
    RecentFiles::add(paths);
    statusBar()->showMessage(tr("Opening %1...").arg(paths.join(QStringLiteral(", "))));
    m_session->open(paths);
}

void MainWindow::onWorkspaceReplaced() {
    m_selection.clear();
    m_selectedField.clear();
    m_infoBar->dismiss();
    refreshAll();
    watchFiles();
    updateTitle();
}

void MainWindow::onWorkspaceChanged() {
    refreshAll();
    updateTitle();
}

void MainWindow::refreshAll() {
    m_syncing = true;
    m_resources->setWorkspace(&m_session->workspace());
    m_resourceView->expandToDepth(1);
    // Selected resources that no longer exist drop out of the selection.
    QVector<ResourceId> still;
    for (const ResourceId &id : std::as_const(m_selection))
        if (m_session->workspace().resource(id))
            still << id;
    m_selection = still;
    for (const ResourceId &id : std::as_const(m_selection))
        m_resourceView->selectionModel()->select(
            m_resources->indexOf(id), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    m_syncing = false;
    showProblems();
    m_scene->showWorkspace(m_session->workspace(), m_session->meshConfig(), currentProblems());
    refreshSelectionViews(m_selectedField);
}

Diagnostics MainWindow::currentProblems() const {
    return m_session->workspace().diagnostics() + m_session->findings();
}

void MainWindow::showProblems() {
    const Diagnostics all = currentProblems();
    m_problems->setDiagnostics(all);
    QHash<ResourceId, int> worst;
    for (const Diagnostic &d : all)
        if (d.resourceId.isValid())
            worst[d.resourceId] = qMax(worst.value(d.resourceId, -1), int(d.severity));
    m_resources->setProblems(worst);
    m_problemSummary->setText(tr("%1 error(s), %2 warning(s), %3 info")
                                  .arg(m_problems->count(Severity::Error))
                                  .arg(m_problems->count(Severity::Warning))
                                  .arg(m_problems->count(Severity::Info)));
}

void MainWindow::selectResource(const ResourceId &id, const QString &fieldPath) {
    m_selection = id.isValid() ? QVector<ResourceId>{id} : QVector<ResourceId>{};
    m_selectedField = fieldPath;
    m_hopsSelected = false;
    m_syncing = true;
    m_resourceView->selectionModel()->clearSelection();
    const QModelIndex index = m_resources->indexOf(id);
    if (index.isValid()) {
        m_resourceView->selectionModel()->select(index, QItemSelectionModel::Select |
                                                            QItemSelectionModel::Rows);
        m_resourceView->scrollTo(index);
    }
    m_syncing = false;
    refreshSelectionViews(fieldPath);
    selectOnCanvas(m_selection);
}

void MainWindow::refreshSelectionViews(const QString &fieldPath) {
    const Workspace &ws = m_session->workspace();
    const Resource *r = m_selection.isEmpty() ? nullptr : ws.resource(m_selection.first());
    if (!r) {
        m_properties->clear();
        m_yaml->clearDocument();
        return;
    }
    m_properties->showResource(ws, r->id);
    const SourceDocument *doc = ws.document(r->id.document);
    m_yaml->showDocument(doc->id, doc->text, doc->firstLine + 1);
    Diagnostics docProblems;
    for (const Diagnostic &d : currentProblems())
        if (d.resourceId.document == doc->id ||
            (d.location.file == r->location.file && d.location.line > doc->firstLine &&
             d.location.line <= doc->firstLine + int(doc->text.count('\n')) + 1))
            docProblems << d;
    m_yaml->setDiagnostics(docProblems);
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

void MainWindow::activateProblem(int row) {
    if (row < 0 || row >= m_problems->rowCount())
        return;
    const Diagnostic &d = m_problems->diagnosticAt(row);
    if (d.resourceId.isValid() && m_session->workspace().resource(d.resourceId)) {
        selectResource(d.resourceId, d.path);
        return;
    }
    // A problem without a resource (malformed YAML): show its document.
    const Workspace &ws = m_session->workspace();
    for (const SourceFile &f : ws.files()) {
        if (f.path != d.location.file)
            continue;
        for (DocumentId id : f.documents) {
            const SourceDocument *doc = ws.document(id);
            if (d.location.line > doc->firstLine &&
                d.location.line <= doc->firstLine + int(doc->text.count('\n')) + 1) {
                m_selection.clear();
                m_properties->clear();
                m_yaml->showDocument(id, doc->text, doc->firstLine + 1);
                m_yaml->setDiagnostics({d});
                return;
            }
        }
    }
}

void MainWindow::deleteSelection() {
    if (m_yaml->hasFocus())
        return; // the editor deletes text itself
    // Selected hops go with exactly what makes them; else the selected resources go.
    if (m_hopsSelected && !m_resourceView->hasFocus() && removeSelectedHops())
        return;
    m_session->removeResources(m_selection);
}

void MainWindow::selectAll() {
    if (m_canvas->hasFocus()) {
        for (QGraphicsItem *item : m_scene->items())
            if (item->flags() & QGraphicsItem::ItemIsSelectable)
                item->setSelected(true);
        return;
    }
    m_resourceView->expandAll();
    m_resourceView->selectAll();
}

void MainWindow::closeEvent(QCloseEvent *event) {
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    m_autosave.stop();
    m_recovery->discardOwn();
    event->accept();
}

} // namespace egret::gui

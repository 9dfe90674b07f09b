#include "app/gui/MainWindow.h"

#include "app/gui/CanvasDesigner.h"
#include "app/gui/ChangeReview.h"
#include "app/gui/EditorSession.h"
#include "app/gui/InfoBar.h"
#include "app/gui/RecentFiles.h"
#include "app/gui/SelectionSync.h"
#include "model/io/Recovery.h"
#include "views/graph/FlowScene.h"
#include "views/graph/FlowSelection.h"
#include "views/graph/FlowView.h"
#include "views/panels/FindBar.h"
#include "views/panels/PaletteWidget.h"
#include "views/panels/ProblemsPanel.h"
#include "views/panels/ResourceTreeModel.h"
#include "views/panels/ResourcesPanel.h"
#include "views/panels/YamlEditor.h"
#include "views/properties/PropertiesPanel.h"
#include "views/selection/SelectionModel.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QGraphicsItem>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolButton>
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

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_session(new EditorSession(this))
    , m_recovery(std::make_unique<RecoveryStore>(recoveryDirectory()))
    , m_watcher(new QFileSystemWatcher(this))
    , m_selection(new views::SelectionModel(this)) {
    setObjectName(QStringLiteral("mainWindow"));
    resize(1400, 900);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_infoBar = new InfoBar(central);
    layout->addWidget(m_infoBar);
    m_findBar = new views::FindBar(central);
    layout->addWidget(m_findBar);
    connect(m_findBar, &views::FindBar::targetChosen, this, &MainWindow::goTo);
    createCanvas(central);
    layout->addWidget(m_canvas, 1);
    setCentralWidget(central);

    createDocks();
    m_selectionSync =
        new SelectionSync(m_session, m_selection, m_resources, m_scene, m_properties, m_yaml, this);
    createActions();
    createStatusBar();

    connect(m_session, &EditorSession::workspaceReplaced, this, &MainWindow::onWorkspaceReplaced);
    connect(m_session, &EditorSession::workspaceChanged, this, &MainWindow::onWorkspaceChanged);
    connect(m_session, &EditorSession::problemsChanged, this, &MainWindow::onProblemsChanged);
    connect(m_session, &EditorSession::analysisFinished, this, &MainWindow::onAnalysisFinished);
    connect(m_session, &EditorSession::analysisStage, this, &MainWindow::updateCatchingUp);
    connect(m_scene, &views::FlowScene::layoutFinished, this, &MainWindow::updateCatchingUp);
    connect(m_session, &EditorSession::errorOccurred, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    connect(m_session, &EditorSession::saved, this, [this](const QStringList &files) {
        statusBar()->showMessage(tr("Saved %n file(s)", nullptr, int(files.size())), 5000);
        autosave(); // drops the recovery snapshot once nothing is unsaved
        watchFiles();
    });
    connect(m_session->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &MainWindow::fileChangedOnDisk);

    connect(&m_autosaving, &QFutureWatcher<AutosaveOutcome>::finished, this,
            &MainWindow::autosaveDone);
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
    m_autosaving.waitForFinished(); // it writes through m_recovery
    // The scene and the session are children destroyed after our members: stop listening first.
    m_scene->disconnect(this);
    m_session->disconnect(this);
    m_session->undoStack()->disconnect(this); // it emits cleanChanged as it is destroyed
}

QAction *MainWindow::action(const QString &name) const {
    return m_actions.value(name);
}

views::ProblemsModel *MainWindow::problemsModel() const {
    return m_problems->model();
}

QTreeView *MainWindow::resourceView() const {
    return m_resources->view();
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

    m_resources = new views::ResourcesPanel(this);
    dock(tr("Resources"), QStringLiteral("resourcesDock"), m_resources, Qt::LeftDockWidgetArea);

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

    m_problems = new views::ProblemsPanel(this);
    dock(tr("Problems"), QStringLiteral("problemsDock"), m_problems, Qt::BottomDockWidgetArea);
    connect(m_problems, &views::ProblemsPanel::activated, this,
            [this](const Diagnostic &d) { m_selectionSync->activateProblem(d); });
    createInstallationDock();
    tabifyDockWidget(findChild<QDockWidget *>(QStringLiteral("problemsDock")),
                     findChild<QDockWidget *>(QStringLiteral("installationDock")));
    findChild<QDockWidget *>(QStringLiteral("problemsDock"))->raise();
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
    QAction *review =
        add(file, QStringLiteral("reviewBeforeSave"), tr("&Review Changes Before Saving"),
            [](bool on) { setReviewBeforeSave(on); });
    review->setCheckable(true);
    // The review's own check box may have changed the setting since.
    connect(file, &QMenu::aboutToShow, review,
            [review] { review->setChecked(reviewBeforeSave()); });
    review->setChecked(reviewBeforeSave());
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
    add(editMenu, QStringLiteral("addRoute"), tr("Add &Route..."), [this] {
        m_designer->addRouteFromSelection();
    })->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    add(editMenu, QStringLiteral("delete"), tr("&Delete"), &MainWindow::deleteSelection,
        QKeySequence::Delete);
    add(editMenu, QStringLiteral("selectAll"), tr("Select &All"), &MainWindow::selectAll,
        QKeySequence::SelectAll);
    editMenu->addSeparator();
    add(editMenu, QStringLiteral("find"), tr("&Find..."), &MainWindow::openFind,
        QKeySequence::Find);
    add(editMenu, QStringLiteral("filterResources"), tr("Filter &Resources"), [this] {
        m_resources->filterField()->setFocus(Qt::ShortcutFocusReason);
        m_resources->filterField()->selectAll();
    })->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_R));
    add(editMenu, QStringLiteral("filterProblems"), tr("Filter &Problems"), [this] {
        m_problems->filterField()->setFocus(Qt::ShortcutFocusReason);
        m_problems->filterField()->selectAll();
    })->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_P));

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

void MainWindow::createStatusBar() {
    // What a long open is doing: reading (with a count, and Cancel), then checking and drawing.
    m_stage = new QLabel(this);
    m_stage->setObjectName(QStringLiteral("stage"));
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(200);
    m_cancelOpen = new QToolButton(this);
    m_cancelOpen->setObjectName(QStringLiteral("cancelOpen"));
    m_cancelOpen->setText(tr("Cancel"));
    m_cancelOpen->setToolTip(tr("Stop opening; the files open now stay"));
    statusBar()->addPermanentWidget(m_stage);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancelOpen);
    m_stage->hide();
    m_progress->hide();
    m_cancelOpen->hide();
    connect(m_cancelOpen, &QToolButton::clicked, m_session, &EditorSession::cancelOpen);
    connect(m_session, &EditorSession::openProgress, this, [this](qint64 done, qint64 total) {
        m_stage->setText(tr("Reading %1 of %2 documents").arg(done).arg(total));
        m_stage->show();
        m_progress->setRange(0, int(total));
        m_progress->setValue(int(done));
        m_progress->show();
        m_cancelOpen->show();
    });
    connect(m_session, &EditorSession::openCancelled, this, [this] {
        m_cancelOpen->hide();
        statusBar()->showMessage(tr("Opening cancelled"), 8000);
        updateCatchingUp();
    });
    connect(m_session, &EditorSession::openFinished, this,
            [this](const QStringList &files, const Diagnostics &problems) {
                m_cancelOpen->hide();
                const Workspace &ws = m_session->workspace();
                qsizetype loadProblems = problems.size();
                for (const SourceFile &f : ws.files()) {
                    loadProblems += f.diagnostics.size();
                    for (DocumentId id : f.documents)
                        loadProblems += ws.document(id)->diagnostics.size();
                }
                QString message = tr("Opened %n file(s): %1 resource(s), %2 load problem(s)",
                                     nullptr, int(files.size()))
                                      .arg(m_resources->model()->resourceCount())
                                      .arg(loadProblems);
                for (const SourceFile &f : ws.files())
                    if (!f.renderedBy.isEmpty())
                        message += tr("; %1 is read-only (Export writes it to a file)").arg(f.path);
                statusBar()->showMessage(message, 8000);
                updateCatchingUp();
            });
}

void MainWindow::updateRecentMenu() {
    m_recentMenu->clear();
    const QStringList recent = RecentFiles::list();
    for (const QString &path : recent)
        m_recentMenu->addAction(path, this, [this, path] {
            if (!maybeSave())
                return;
            if (QFileInfo(path).isDir())
                openFolder(path); // a kustomization or chart asks again how to read it
            else
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

void MainWindow::openPaths(const QStringList &paths, const InputOptions &options) {
    if (paths.isEmpty() || m_session->isOpening())
        return;
    RecentFiles::add(paths);
    statusBar()->showMessage(tr("Opening %1...").arg(paths.join(QStringLiteral(", "))));
    m_stage->setText(tr("Reading..."));
    m_stage->show();
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancelOpen->show();
    m_session->open(paths, options);
}

bool MainWindow::isCatchingUp() const {
    return m_session->isOpening() || m_session->isCatchingUp() || m_scene->isLayoutPending();
}

void MainWindow::updateCatchingUp() {
    // Each view says what it is behind on; the status bar says what runs.
    const bool checking = !m_session->areProblemsCurrent();
    const bool analysing = m_session->isCatchingUp();
    const bool drawing = !analysing && m_scene->isLayoutPending();
    const QString checkingText = checking ? tr("Checking %n resource(s)...", nullptr,
                                               int(m_resources->model()->resourceCount()))
                                          : QString();
    m_problems->setCatchingUp(checkingText);
    m_canvas->setStatusText(analysing ? tr("Updating the flows...")
                            : drawing ? tr("Laying out...")
                                      : QString());
    if (!m_session->isOpening()) {
        const bool busy = analysing || drawing;
        m_stage->setText(checking    ? checkingText
                         : analysing ? tr("Deriving the flows...")
                         : drawing   ? tr("Laying out the flows...")
                                     : QString());
        m_stage->setVisible(busy);
        m_progress->setRange(0, 0); // busy: the stages have no count to show
        m_progress->setVisible(busy);
    }
    const bool catchingUp = isCatchingUp();
    if (m_wasCatchingUp && !catchingUp)
        Q_EMIT caughtUp();
    m_wasCatchingUp = catchingUp;
}

void MainWindow::onWorkspaceReplaced() {
    m_infoBar->dismiss();
    m_problems->setDiagnostics({});
    m_selectionSync->workspaceReplaced();
    watchFiles();
    updateTitle();
    updateCatchingUp();
}

void MainWindow::onWorkspaceChanged() {
    m_selectionSync->workspaceChanged();
    updateTitle();
    updateCatchingUp();
}

void MainWindow::onProblemsChanged() {
    showProblems();
    m_selectionSync->showDocumentProblems();
    updateCatchingUp();
}

void MainWindow::onAnalysisFinished() {
    m_scene->setFlows(m_session->flows());
    refreshInstallation();
    if (m_findBar->isVisible()) // new hosts and resources to find; the keyboard stays put
        m_findBar->setTargets(views::findTargets(m_session->workspace(), m_session->flows()));
    updateCatchingUp();
}

void MainWindow::showProblems() {
    const Diagnostics &all = m_session->problems();
    m_problems->setDiagnostics(all);
    QHash<ResourceId, int> worst;
    for (const Diagnostic &d : all)
        if (d.resourceId.isValid())
            worst[d.resourceId] = qMax(worst.value(d.resourceId, -1), int(d.severity));
    m_resources->setProblems(worst);
}

QVector<ResourceId> MainWindow::selectedResources() const {
    return m_selection->resources();
}

void MainWindow::selectResource(const ResourceId &id, const QString &fieldPath) {
    m_selection->select(id.isValid() ? QVector<ResourceId>{id} : QVector<ResourceId>{}, fieldPath,
                        views::SelectionModel::Origin::Program);
}

void MainWindow::deleteSelection() {
    if (m_yaml->hasFocus())
        return; // the editor deletes text itself
    // Selected hops go with exactly what makes them; else the selected resources go.
    if (m_selection->hopsChosen() && !m_resources->view()->hasFocus() &&
        m_designer->removeSelectedHops())
        return;
    m_session->removeResources(m_selection->resources());
}

void MainWindow::selectAll() {
    if (m_canvas->hasFocus()) {
        for (QGraphicsItem *item : m_scene->items())
            if (item->flags() & QGraphicsItem::ItemIsSelectable)
                item->setSelected(true);
        return;
    }
    m_resources->view()->expandAll();
    m_resources->view()->selectAll();
}

void MainWindow::closeEvent(QCloseEvent *event) {
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    m_autosave.stop();
    m_autosaving.waitForFinished();
    m_recovery->discardOwn();
    event->accept();
}

} // namespace egret::gui

#pragma once

#include "model/core/Diagnostic.h"
#include "model/core/Ids.h"
#include "model/io/RenderedInputs.h"
#include "views/review/ReviewDialog.h"

#include <QFutureWatcher>
#include <QMainWindow>
#include <QTimer>

#include <memory>

class QAction;
class QFileSystemWatcher;
class QLabel;
class QMenu;
class QProgressBar;
class QToolButton;
class QTreeView;

namespace egret {
class RecoveryStore;
}

namespace egret::views {
class CanvasInteraction;
class FindBar;
struct FindTarget;
class FlowScene;
class FlowView;
struct FlowSelection;
class PaletteWidget;
class ProblemsModel;
class InstallationPanel;
class ProblemsPanel;
class PropertiesPanel;
class ResourcesPanel;
class SelectionModel;
class YamlEditor;
} // namespace egret::views

namespace egret::gui {

class EditorSession;
class CanvasDesigner;
class InfoBar;
class SelectionSync;

// What an autosave running off the GUI thread comes back with.
struct AutosaveOutcome {
    bool ok = false;
    bool unsaved = false; // the snapshot holds unsaved work (else it was dropped)
    quint64 revision = 0;
    QString error;
};

// The editor's main window: the canvas in the centre, the Palette, Resources, Properties, YAML and
// Problems docks around it. Selection is one thing everywhere (views::SelectionModel, kept in
// the views by SelectionSync): a resource (and a field of it) picked in any view is shown in all
// of them. Designing on the canvas is CanvasDesigner's.
//
// Edits show at once in the views that show the files (Resources, Properties, YAML); Problems
// and the canvas follow when the session's analysis of the new state comes in, and say that they
// are catching up meanwhile. Nothing here waits for validation, derivation or layout.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    EditorSession *session() const { return m_session; }
    void openPaths(const QStringList &paths, const InputOptions &options = {});
    // Opens a folder; one that a renderer builds (a kustomization, a Helm chart) is opened as
    // the user answers: its files as they are, or rendered (read-only).
    void openFolder(const QString &folder);
    // Offers to restore work left by an editor that did not close cleanly.
    void checkForRecovery();

    // The current selection: resources, and the field the user pointed at.
    QVector<ResourceId> selectedResources() const;
    void selectResource(const ResourceId &id, const QString &fieldPath = QString());
    views::SelectionModel *selectionModel() const { return m_selection; }

    // True while some view shows an earlier state of the files than the editor holds (the
    // analysis or the layout of the last edit is still running).
    bool isCatchingUp() const;

    // Parts, for tests and for the canvas integration.
    views::PropertiesPanel *propertiesPanel() const { return m_properties; }
    views::FlowScene *flowScene() const { return m_scene; }
    views::FlowView *canvas() const { return m_canvas; }
    views::CanvasInteraction *canvasInteraction() const { return m_interaction; }
    views::YamlEditor *yamlEditor() const { return m_yaml; }
    views::ProblemsModel *problemsModel() const;
    views::ProblemsPanel *problemsPanel() const { return m_problems; }
    views::InstallationPanel *installationPanel() const { return m_installation; }
    views::ResourcesPanel *resourcesPanel() const { return m_resources; }
    views::FindBar *findBar() const { return m_findBar; }
    QTreeView *resourceView() const;
    InfoBar *infoBar() const { return m_infoBar; }
    QAction *action(const QString &name) const;

Q_SIGNALS:
    void autosaved(); // a snapshot of unsaved work was written to the recovery folder
    void caughtUp();  // every view shows the files as they are now

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createDocks();
    void createInstallationDock(); // MainWindowInstallation.cpp
    void refreshInstallation();
    void loadInstallation();
    void addGatewayPort(const QString &ns, const QString &name);
    void saveInstallationEdits();
    void createActions();
    void createStatusBar();
    void updateTitle();
    void updateRecentMenu();
    void onWorkspaceReplaced();
    void onWorkspaceChanged();
    void onProblemsChanged();
    void onAnalysisFinished();
    void updateCatchingUp();
    void showProblems();
    void watchFiles();
    void fileChangedOnDisk(const QString &path);
    void autosave();
    void autosaveDone();

    // The canvas (MainWindowCanvas.cpp): the view, its actions, its design gestures' wiring.
    void createCanvas(QWidget *parent);
    void createViewActions(QMenu *view);
    void exportDiagram();
    // Find (MainWindowFind.cpp).
    void openFind();
    void goTo(const views::FindTarget &target);
    // File actions (MainWindowFiles.cpp).
    void newWorkspace();
    void chooseFiles();
    void chooseFolder();
    bool save();
    bool saveAs();
    void exportToFile();
    void exportToFolder();
    void closeWorkspace();
    bool maybeSave(); // false when the user cancels
    // "Review changes" before writing: false when the user cancels.
    bool reviewChanges(const QString &title, const QString &acceptText,
                       const QVector<views::FileChange> &changes, const FindingsDelta &findings,
                       bool offerSetting);
    bool reviewSave();
    void deleteSelection();
    void selectAll();

    EditorSession *m_session;
    std::unique_ptr<RecoveryStore> m_recovery;
    QTimer m_autosave;
    QFutureWatcher<AutosaveOutcome> m_autosaving;
    quint64 m_autosavedRevision = 0;
    bool m_autosaveAgain = false;
    QFileSystemWatcher *m_watcher;

    views::FlowScene *m_scene = nullptr;
    views::FlowView *m_canvas = nullptr;
    views::CanvasInteraction *m_interaction = nullptr;
    views::FindBar *m_findBar = nullptr;
    InfoBar *m_infoBar = nullptr;
    views::PaletteWidget *m_palette = nullptr;
    views::ResourcesPanel *m_resources = nullptr;
    views::PropertiesPanel *m_properties = nullptr;
    views::YamlEditor *m_yaml = nullptr;
    views::ProblemsPanel *m_problems = nullptr;
    views::InstallationPanel *m_installation = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_stage = nullptr;
    QToolButton *m_cancelOpen = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMap<QString, QAction *> m_actions;

    views::SelectionModel *m_selection = nullptr;
    SelectionSync *m_selectionSync = nullptr;
    CanvasDesigner *m_designer = nullptr;
    bool m_wasCatchingUp = false;
};

} // namespace egret::gui

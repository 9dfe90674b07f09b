#pragma once

#include "model/core/Diagnostic.h"
#include "model/core/Ids.h"

#include <QMainWindow>
#include <QTimer>

#include <memory>

class QAction;
class QDockWidget;
class QFileSystemWatcher;
class QLabel;
class QMenu;
class QProgressBar;
class QTableView;
class QTreeView;

namespace egret {
class RecoveryStore;
}

namespace egret::views {
class CanvasInteraction;
class FlowScene;
class FlowView;
struct FlowSelection;
class PaletteWidget;
class ProblemsModel;
class PropertiesPanel;
class ResourceTreeModel;
class YamlEditor;
} // namespace egret::views

namespace egret::gui {

class EditorSession;
class InfoBar;

// The editor's main window: the canvas in the centre, the Palette, Resources, Properties, YAML and
// Problems docks around it. Selection is one thing everywhere: a resource (and a field of it)
// picked in any view is shown in all of them.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    EditorSession *session() const { return m_session; }
    void openPaths(const QStringList &paths);
    // Offers to restore work left by an editor that did not close cleanly.
    void checkForRecovery();

    // The current selection: resources, and the field the user pointed at.
    QVector<ResourceId> selectedResources() const { return m_selection; }
    void selectResource(const ResourceId &id, const QString &fieldPath = QString());

    // Parts, for tests and for the canvas integration.
    views::PropertiesPanel *propertiesPanel() const { return m_properties; }
    views::FlowScene *flowScene() const { return m_scene; }
    views::FlowView *canvas() const { return m_canvas; }
    views::CanvasInteraction *canvasInteraction() const { return m_interaction; }
    views::YamlEditor *yamlEditor() const { return m_yaml; }
    views::ProblemsModel *problemsModel() const { return m_problems; }
    QTreeView *resourceView() const { return m_resourceView; }
    InfoBar *infoBar() const { return m_infoBar; }
    QAction *action(const QString &name) const;

    // The diagnostics shown in Problems: load problems plus validator findings.
    Diagnostics currentProblems() const;

Q_SIGNALS:
    void autosaved(); // a snapshot of unsaved work was written to the recovery folder

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createDocks();
    void createActions();
    void updateTitle();
    void updateRecentMenu();
    void refreshAll();
    void refreshSelectionViews(const QString &fieldPath);
    void showProblems();
    void activateProblem(int row);
    void onWorkspaceReplaced();
    void onWorkspaceChanged();
    void watchFiles();
    void fileChangedOnDisk(const QString &path);
    void autosave();

    // The canvas (MainWindowCanvas.cpp): selection both ways, view actions, design gestures.
    void createCanvas(QWidget *parent);
    void createViewActions(QMenu *view);
    void onCanvasSelection(const views::FlowSelection &selection);
    void selectOnCanvas(const QVector<ResourceId> &ids);
    void exportDiagram();
    void paletteItemDropped(const QString &kind);
    void designRoute(const QString &fromNodeId, const QString &toNodeId);
    bool removeSelectedHops();
    QString targetFile() const; // where new documents go
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
    void deleteSelection();
    void selectAll();

    EditorSession *m_session;
    std::unique_ptr<RecoveryStore> m_recovery;
    QTimer m_autosave;
    quint64 m_autosavedRevision = 0;
    QFileSystemWatcher *m_watcher;

    views::FlowScene *m_scene = nullptr;
    views::FlowView *m_canvas = nullptr;
    views::CanvasInteraction *m_interaction = nullptr;
    InfoBar *m_infoBar = nullptr;
    views::PaletteWidget *m_palette = nullptr;
    views::ResourceTreeModel *m_resources = nullptr;
    QTreeView *m_resourceView = nullptr;
    views::PropertiesPanel *m_properties = nullptr;
    views::YamlEditor *m_yaml = nullptr;
    views::ProblemsModel *m_problems = nullptr;
    QTableView *m_problemView = nullptr;
    QLabel *m_problemSummary = nullptr;
    QProgressBar *m_progress = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMap<QString, QAction *> m_actions;

    QVector<ResourceId> m_selection;
    QString m_selectedField;
    bool m_syncing = false;      // while one view's selection is pushed to the others
    bool m_hopsSelected = false; // the selection came from hops on the canvas
};

} // namespace egret::gui

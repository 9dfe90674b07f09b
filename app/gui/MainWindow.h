#pragma once

#include "model/workspace/Workspace.h"

#include <QMainWindow>

class QPlainTextEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace egret::gui {

// The editor's main window: the open manifests as a tree, the selected document's YAML.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

    void openPaths(const QStringList &paths);
    const Workspace &workspace() const { return m_workspace; }

private:
    void createActions();
    void rebuildTree();
    void showSelected();
    void chooseFiles();
    void chooseFolder();

    Workspace m_workspace;
    QTreeWidget *m_tree = nullptr;
    QPlainTextEdit *m_yaml = nullptr;
};

} // namespace egret::gui

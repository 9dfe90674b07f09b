#pragma once

#include "model/core/Ids.h"

#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace egret {
class Workspace;
}

namespace egret::views {

class ResourceTreeModel;

// The Resources dock: the resource tree under a filter field. Selection goes both ways by
// ResourceId; `selectionChanged` reports only what the user selected here.
class ResourcesPanel : public QWidget {
    Q_OBJECT

public:
    explicit ResourcesPanel(QWidget *parent = nullptr);

    void setWorkspace(const Workspace *ws); // a different workspace
    void sync();                            // after edits of the shown one
    void setProblems(const QHash<ResourceId, int> &worstSeverity);

    // Selects these resources (the first is scrolled to) without reporting it back.
    void selectResources(const QVector<ResourceId> &ids);
    QVector<ResourceId> selectedResources() const;

    void setFilterText(const QString &text);
    QLineEdit *filterField() const { return m_filter; }
    QTreeView *view() const { return m_view; }
    ResourceTreeModel *model() const { return m_model; }

Q_SIGNALS:
    void selectionChanged(const QVector<egret::ResourceId> &ids);

private:
    void applyFilter();

    ResourceTreeModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTreeView *m_view;
    bool m_selecting = false;
};

} // namespace egret::views

#include "views/panels/ResourcesPanel.h"

#include "views/panels/ResourceTreeModel.h"

#include <QHeaderView>
#include <QItemSelection>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace egret::views {

ResourcesPanel::ResourcesPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new ResourceTreeModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_view(new QTreeView(this)) {
    setObjectName(QStringLiteral("resourcesPanel"));
    // A namespace or kind that matches shows all it holds; a resource that matches shows with
    // its namespace and kind.
    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setAutoAcceptChildRows(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(ResourceTreeModel::NameColumn);

    m_filter->setObjectName(QStringLiteral("resourceFilter"));
    m_filter->setPlaceholderText(tr("Filter resources"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, &ResourcesPanel::applyFilter);

    m_view->setObjectName(QStringLiteral("resources"));
    m_view->setModel(m_proxy);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    // Rows are one line each: the view never measures thousands of them, and the name column
    // keeps a fixed width the user can drag rather than being sized to every row's contents.
    m_view->setUniformRowHeights(true);
    m_view->header()->setSectionResizeMode(ResourceTreeModel::NameColumn, QHeaderView::Interactive);
    m_view->header()->resizeSection(ResourceTreeModel::NameColumn, 180);
    m_view->header()->setStretchLastSection(true);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (!m_selecting)
            Q_EMIT selectionChanged(selectedResources());
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);
}

void ResourcesPanel::setWorkspace(const Workspace *ws) {
    m_model->setWorkspace(ws);
    if (m_filter->text().isEmpty())
        m_view->expandToDepth(1);
    else
        m_view->expandAll();
}

void ResourcesPanel::sync() {
    m_model->sync();
}

void ResourcesPanel::setProblems(const QHash<ResourceId, int> &worstSeverity) {
    m_model->setProblems(worstSeverity);
}

void ResourcesPanel::selectResources(const QVector<ResourceId> &ids) {
    // One selection change for all of them: selecting rows one by one would repaint (and tell
    // every listener) once per row.
    QItemSelection selection;
    QModelIndex first;
    for (const ResourceId &id : ids) {
        const QModelIndex i = m_proxy->mapFromSource(m_model->indexOf(id));
        if (!i.isValid())
            continue;
        if (!first.isValid())
            first = i;
        selection.select(i, i.siblingAtColumn(ResourceTreeModel::ColumnCount - 1));
    }
    m_selecting = true;
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (first.isValid()) {
        m_view->selectionModel()->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
        m_view->scrollTo(first);
    }
    m_selecting = false;
}

QVector<ResourceId> ResourcesPanel::selectedResources() const {
    QVector<ResourceId> ids;
    for (const QModelIndex &i : m_view->selectionModel()->selectedRows())
        if (const ResourceId id = m_model->resourceAt(m_proxy->mapToSource(i)); id.isValid())
            ids << id;
    return ids;
}

void ResourcesPanel::setFilterText(const QString &text) {
    m_filter->setText(text);
}

void ResourcesPanel::applyFilter() {
    const QVector<ResourceId> selected = selectedResources();
    m_proxy->setFilterFixedString(m_filter->text());
    if (m_filter->text().isEmpty())
        m_view->expandToDepth(1);
    else
        m_view->expandAll();
    selectResources(selected);
}

} // namespace egret::views

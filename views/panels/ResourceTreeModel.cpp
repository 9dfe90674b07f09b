#include "views/panels/ResourceTreeModel.h"

#include "model/workspace/Workspace.h"

#include <QApplication>
#include <QFileInfo>
#include <QMap>
#include <QStyle>

namespace egret::views {

ResourceTreeModel::ResourceTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>()) {
}

void ResourceTreeModel::setWorkspace(const Workspace *ws) {
    beginResetModel();
    m_root = std::make_unique<Node>();
    m_byId.clear();
    if (ws) {
        // Sorted: namespaces, then kinds, then names; cluster-scoped objects last.
        QMap<QString, QMap<QString, QMap<QString, const Resource *>>> tree;
        ws->forEachResource([&](const Resource &r) {
            const QString ns = r.ns.isEmpty() ? tr("(cluster)") : r.ns;
            const QString name = r.meta.name.isEmpty() ? tr("(unnamed)") : r.meta.name;
            tree[ns][r.kindName][name + QChar(0) + QString::number(r.id.document) +
                                 QLatin1Char('/') + QString::number(r.id.item)] = &r;
        });
        for (auto ns = tree.cbegin(); ns != tree.cend(); ++ns) {
            auto nsNode = std::make_unique<Node>();
            nsNode->label = ns.key();
            nsNode->parent = m_root.get();
            nsNode->row = int(m_root->children.size());
            for (auto kind = ns->cbegin(); kind != ns->cend(); ++kind) {
                auto kindNode = std::make_unique<Node>();
                kindNode->label = kind.key();
                kindNode->kind = kind.key();
                kindNode->parent = nsNode.get();
                kindNode->row = int(nsNode->children.size());
                for (const Resource *r : *kind) {
                    auto leaf = std::make_unique<Node>();
                    leaf->label = r->meta.name.isEmpty() ? tr("(unnamed)") : r->meta.name;
                    leaf->detail = QStringLiteral("%1:%2")
                                       .arg(QFileInfo(r->location.file).fileName())
                                       .arg(r->location.line);
                    leaf->id = r->id;
                    leaf->kind = r->kindName;
                    leaf->parent = kindNode.get();
                    leaf->row = int(kindNode->children.size());
                    m_byId.insert(r->id, leaf.get());
                    kindNode->children.push_back(std::move(leaf));
                }
                nsNode->children.push_back(std::move(kindNode));
            }
            m_root->children.push_back(std::move(nsNode));
        }
    }
    endResetModel();
}

void ResourceTreeModel::setProblems(const QHash<ResourceId, int> &worstSeverity) {
    m_severity = worstSeverity;
    for (Node *leaf : std::as_const(m_byId)) {
        const QModelIndex i = createIndex(leaf->row, 0, leaf);
        Q_EMIT dataChanged(i, i, {Qt::DecorationRole, SeverityRole});
    }
}

QModelIndex ResourceTreeModel::indexOf(const ResourceId &id) const {
    Node *n = m_byId.value(id);
    return n ? createIndex(n->row, 0, n) : QModelIndex();
}

ResourceId ResourceTreeModel::resourceAt(const QModelIndex &index) const {
    const Node *n = nodeAt(index);
    return n ? n->id : ResourceId{};
}

ResourceTreeModel::Node *ResourceTreeModel::nodeAt(const QModelIndex &index) const {
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : nullptr;
}

QModelIndex ResourceTreeModel::index(int row, int column, const QModelIndex &parent) const {
    const Node *p = parent.isValid() ? nodeAt(parent) : m_root.get();
    if (!p || row < 0 || row >= int(p->children.size()) || column < 0 || column >= columnCount())
        return {};
    return createIndex(row, column, p->children[std::size_t(row)].get());
}

QModelIndex ResourceTreeModel::parent(const QModelIndex &child) const {
    const Node *n = nodeAt(child);
    if (!n || !n->parent || n->parent == m_root.get())
        return {};
    return createIndex(n->parent->row, 0, n->parent);
}

int ResourceTreeModel::rowCount(const QModelIndex &parent) const {
    if (parent.column() > 0)
        return 0;
    const Node *p = parent.isValid() ? nodeAt(parent) : m_root.get();
    return p ? int(p->children.size()) : 0;
}

int ResourceTreeModel::columnCount(const QModelIndex &) const {
    return 2;
}

QVariant ResourceTreeModel::data(const QModelIndex &index, int role) const {
    const Node *n = nodeAt(index);
    if (!n)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == 0)
            return n->children.empty() || n->id.isValid()
                       ? n->label
                       : QStringLiteral("%1 (%2)").arg(n->label).arg(n->children.size());
        return n->detail;
    case Qt::ToolTipRole:
        return n->id.isValid() ? QStringLiteral("%1 %2\n%3").arg(n->kind, n->label, n->detail)
                               : QVariant();
    case Qt::DecorationRole:
        if (index.column() == 0 && n->id.isValid() && m_severity.contains(n->id)) {
            const int s = m_severity.value(n->id);
            const QStyle::StandardPixmap icon =
                s >= int(Severity::Error)     ? QStyle::SP_MessageBoxCritical
                : s >= int(Severity::Warning) ? QStyle::SP_MessageBoxWarning
                                              : QStyle::SP_MessageBoxInformation;
            return QApplication::style()->standardIcon(icon);
        }
        return {};
    case ResourceIdRole:
        return n->id.isValid()
                   ? QVariant::fromValue(quint64(n->id.document) << 32 | quint32(n->id.item + 1))
                   : QVariant();
    case KindRole:
        return n->kind;
    case SeverityRole:
        return m_severity.value(n->id, -1);
    default:
        return {};
    }
}

QVariant ResourceTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == 0 ? tr("Resource") : tr("Where");
}

} // namespace egret::views

#include "views/panels/ResourceTreeModel.h"

#include "model/workspace/Workspace.h"

#include <QApplication>
#include <QFileInfo>
#include <QStyle>

#include <algorithm>

namespace egret::views {

// Three levels under the root: namespace, kind, resource.
struct ResourceTreeModel::Node {
    QString label; // the namespace, the kind or the resource's name
    QString kind;
    ResourceId id; // valid for resources
    Node *parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Node>> children;

    bool isResource() const { return id.isValid(); }
    void renumberFrom(int first) {
        for (int i = first; i < int(children.size()); ++i)
            children[size_t(i)]->row = i;
    }
};

struct ResourceTreeModel::Entry {
    QString ns;
    QString kind;
    QString name;
    bool operator==(const Entry &) const = default;
};

namespace {

// Resource rows in a kind: by name, then by where they are, so that duplicates keep file order.
bool leafBefore(const QString &label, const ResourceId &id, const QString &otherLabel,
                const ResourceId &otherId) {
    if (label != otherLabel)
        return label < otherLabel;
    return id < otherId;
}

} // namespace

ResourceTreeModel::ResourceTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>()) {
    const QStyle *style = QApplication::style();
    m_icons[0] = style->standardIcon(QStyle::SP_MessageBoxInformation);
    m_icons[1] = style->standardIcon(QStyle::SP_MessageBoxWarning);
    m_icons[2] = style->standardIcon(QStyle::SP_MessageBoxCritical);
}

ResourceTreeModel::~ResourceTreeModel() = default;

ResourceTreeModel::Entry ResourceTreeModel::entryOf(const Resource &r) {
    return {r.ns.isEmpty() ? tr("(cluster)") : r.ns, egret::kindLabel(r.kind, r.kindName),
            r.meta.name.isEmpty() ? tr("(unnamed)") : r.meta.name};
}

void ResourceTreeModel::setWorkspace(const Workspace *ws) {
    beginResetModel();
    m_ws = ws;
    m_root = std::make_unique<Node>();
    m_byId.clear();
    m_byDocument.clear();
    m_severity.clear();
    m_tracker.reset();
    if (ws) {
        m_tracker.update(*ws); // everything is shown from here on
        // Sorted once (namespaces, kinds, names), then appended in order: no searching.
        struct Row {
            Entry entry;
            const Resource *resource;
        };
        std::vector<Row> rows;
        ws->forEachResource([&](const Resource &r) { rows.push_back({entryOf(r), &r}); });
        std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
            if (a.entry.ns != b.entry.ns)
                return a.entry.ns < b.entry.ns;
            if (a.entry.kind != b.entry.kind)
                return a.entry.kind < b.entry.kind;
            return leafBefore(a.entry.name, a.resource->id, b.entry.name, b.resource->id);
        });
        Node *nsNode = nullptr;
        Node *kindNode = nullptr;
        for (const Row &row : rows) {
            if (!nsNode || nsNode->label != row.entry.ns) {
                auto n = std::make_unique<Node>();
                n->label = row.entry.ns;
                n->parent = m_root.get();
                n->row = int(m_root->children.size());
                nsNode = n.get();
                kindNode = nullptr;
                m_root->children.push_back(std::move(n));
            }
            if (!kindNode || kindNode->label != row.entry.kind) {
                auto k = std::make_unique<Node>();
                k->label = k->kind = row.entry.kind;
                k->parent = nsNode;
                k->row = int(nsNode->children.size());
                kindNode = k.get();
                nsNode->children.push_back(std::move(k));
            }
            auto leaf = std::make_unique<Node>();
            leaf->label = row.entry.name;
            leaf->kind = row.entry.kind;
            leaf->id = row.resource->id;
            leaf->parent = kindNode;
            leaf->row = int(kindNode->children.size());
            m_byId.insert(leaf->id, leaf.get());
            m_byDocument[leaf->id.document].append(leaf.get());
            kindNode->children.push_back(std::move(leaf));
        }
        // m_byDocument lists each document's rows in the document's order.
        for (QVector<Node *> &leaves : m_byDocument)
            std::sort(leaves.begin(), leaves.end(),
                      [](const Node *a, const Node *b) { return a->id < b->id; });
    }
    endResetModel();
}

void ResourceTreeModel::sync() {
    if (!m_ws)
        return;
    const DocumentDelta delta = m_tracker.update(*m_ws);
    if (delta.isEmpty())
        return;
    for (DocumentId id : delta.removed)
        removeDocument(id);
    for (DocumentId id : delta.changed) {
        if (updateInPlace(id))
            continue;
        removeDocument(id);
        addDocument(id);
    }
    for (DocumentId id : delta.added)
        addDocument(id);
    // Line numbers below an edit move: the Where column is read from the workspace, so telling
    // the views costs one signal per kind, not one per row.
    for (const auto &ns : m_root->children)
        for (const auto &kind : ns->children)
            if (!kind->children.empty())
                Q_EMIT dataChanged(createIndex(0, WhereColumn, kind->children.front().get()),
                                   createIndex(int(kind->children.size()) - 1, WhereColumn,
                                               kind->children.back().get()),
                                   {Qt::DisplayRole, Qt::ToolTipRole});
}

bool ResourceTreeModel::updateInPlace(DocumentId id) {
    // The usual edit keeps the document's resources where they are (same namespace, kind and
    // name): their rows stay, selected and scrolled to as they were.
    const QVector<Node *> leaves = m_byDocument.value(id);
    const SourceDocument *doc = m_ws->document(id);
    if (!doc || leaves.size() != doc->resources.size())
        return false;
    for (int i = 0; i < leaves.size(); ++i) {
        const Resource &r = doc->resources[i];
        const Node *leaf = leaves[i];
        const Entry e = entryOf(r);
        if (leaf->id != r.id || leaf->label != e.name || leaf->kind != e.kind ||
            leaf->parent->parent->label != e.ns)
            return false;
    }
    for (Node *leaf : leaves)
        Q_EMIT dataChanged(indexOfNode(leaf, NameColumn), indexOfNode(leaf, WhereColumn));
    return true;
}

void ResourceTreeModel::removeDocument(DocumentId id) {
    const QVector<Node *> leaves = m_byDocument.take(id);
    for (Node *leaf : leaves)
        removeLeaf(leaf);
}

void ResourceTreeModel::addDocument(DocumentId id) {
    const SourceDocument *doc = m_ws->document(id);
    if (!doc)
        return;
    for (const Resource &r : doc->resources)
        insertLeaf(r);
}

ResourceTreeModel::Node *ResourceTreeModel::childFor(Node *parent, const QString &label,
                                                     bool create) {
    auto &children = parent->children;
    const auto it = std::lower_bound(
        children.begin(), children.end(), label,
        [](const std::unique_ptr<Node> &n, const QString &l) { return n->label < l; });
    if (it != children.end() && (*it)->label == label)
        return it->get();
    if (!create)
        return nullptr;
    const int row = int(it - children.begin());
    beginInsertRows(parent == m_root.get() ? QModelIndex() : indexOfNode(parent), row, row);
    auto n = std::make_unique<Node>();
    n->label = label;
    n->parent = parent;
    if (parent != m_root.get())
        n->kind = label;
    Node *raw = n.get();
    children.insert(children.begin() + row, std::move(n));
    parent->renumberFrom(row);
    endInsertRows();
    countChanged(parent);
    return raw;
}

void ResourceTreeModel::insertLeaf(const Resource &r) {
    const Entry e = entryOf(r);
    Node *kindNode = childFor(childFor(m_root.get(), e.ns, true), e.kind, true);
    auto &children = kindNode->children;
    const auto it = std::lower_bound(children.begin(), children.end(), r.id,
                                     [&](const std::unique_ptr<Node> &n, const ResourceId &id) {
                                         return leafBefore(n->label, n->id, e.name, id);
                                     });
    const int row = int(it - children.begin());
    beginInsertRows(indexOfNode(kindNode), row, row);
    auto leaf = std::make_unique<Node>();
    leaf->label = e.name;
    leaf->kind = e.kind;
    leaf->id = r.id;
    leaf->parent = kindNode;
    Node *raw = leaf.get();
    children.insert(children.begin() + row, std::move(leaf));
    kindNode->renumberFrom(row);
    m_byId.insert(r.id, raw);
    QVector<Node *> &ofDocument = m_byDocument[r.id.document];
    ofDocument.insert(std::lower_bound(ofDocument.begin(), ofDocument.end(), raw,
                                       [](const Node *a, const Node *b) { return a->id < b->id; }),
                      raw);
    endInsertRows();
    countChanged(kindNode);
}

void ResourceTreeModel::removeLeaf(Node *leaf) {
    m_byId.remove(leaf->id);
    // The row, then any namespace or kind it leaves empty.
    Node *n = leaf;
    while (n != m_root.get()) {
        Node *parent = n->parent;
        const int row = n->row;
        beginRemoveRows(parent == m_root.get() ? QModelIndex() : indexOfNode(parent), row, row);
        parent->children.erase(parent->children.begin() + row);
        parent->renumberFrom(row);
        endRemoveRows();
        if (!parent->children.empty() || parent == m_root.get()) {
            countChanged(parent);
            break;
        }
        n = parent;
    }
}

void ResourceTreeModel::countChanged(Node *n) {
    if (n == m_root.get())
        return;
    const QModelIndex i = indexOfNode(n);
    Q_EMIT dataChanged(i, i, {Qt::DisplayRole});
}

void ResourceTreeModel::setProblems(const QHash<ResourceId, int> &worstSeverity) {
    QVector<ResourceId> changed;
    for (auto it = m_severity.cbegin(); it != m_severity.cend(); ++it)
        if (worstSeverity.value(it.key(), -1) != it.value())
            changed << it.key();
    for (auto it = worstSeverity.cbegin(); it != worstSeverity.cend(); ++it)
        if (!m_severity.contains(it.key()))
            changed << it.key();
    m_severity = worstSeverity;
    for (const ResourceId &id : std::as_const(changed))
        if (const Node *leaf = m_byId.value(id)) {
            const QModelIndex i = indexOfNode(leaf);
            Q_EMIT dataChanged(i, i, {Qt::DecorationRole, SeverityRole});
        }
}

QModelIndex ResourceTreeModel::indexOf(const ResourceId &id) const {
    const Node *n = m_byId.value(id);
    return n ? indexOfNode(n) : QModelIndex();
}

QModelIndex ResourceTreeModel::indexOfNode(const Node *n, int column) const {
    return n && n != m_root.get() ? createIndex(n->row, column, const_cast<Node *>(n))
                                  : QModelIndex();
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
    if (!p || row < 0 || row >= int(p->children.size()) || column < 0 || column >= ColumnCount)
        return {};
    return createIndex(row, column, p->children[std::size_t(row)].get());
}

QModelIndex ResourceTreeModel::parent(const QModelIndex &child) const {
    const Node *n = nodeAt(child);
    if (!n || !n->parent || n->parent == m_root.get())
        return {};
    return indexOfNode(n->parent);
}

int ResourceTreeModel::rowCount(const QModelIndex &parent) const {
    if (parent.column() > 0)
        return 0;
    const Node *p = parent.isValid() ? nodeAt(parent) : m_root.get();
    return p ? int(p->children.size()) : 0;
}

int ResourceTreeModel::columnCount(const QModelIndex &) const {
    return ColumnCount;
}

QVariant ResourceTreeModel::data(const QModelIndex &index, int role) const {
    const Node *n = nodeAt(index);
    if (!n)
        return {};
    // Where a resource is changes with edits above it: read it from the workspace when asked.
    const auto where = [&] {
        const Resource *r = n->isResource() && m_ws ? m_ws->resource(n->id) : nullptr;
        return r ? QStringLiteral("%1:%2")
                       .arg(QFileInfo(r->location.file).fileName())
                       .arg(r->location.line)
                 : QString();
    };
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == WhereColumn)
            return where();
        return n->isResource() ? n->label
                               : QStringLiteral("%1 (%2)").arg(n->label).arg(n->children.size());
    case Qt::ToolTipRole:
        return n->isResource() ? QStringLiteral("%1 %2\n%3").arg(n->kind, n->label, where())
                               : QVariant();
    case Qt::DecorationRole:
        if (index.column() == NameColumn && n->isResource()) {
            const auto it = m_severity.constFind(n->id);
            if (it == m_severity.cend())
                return {};
            return m_icons[*it >= int(Severity::Error) ? 2 : *it >= int(Severity::Warning) ? 1 : 0];
        }
        return {};
    case ResourceIdRole:
        return n->isResource() ? idToVariant(n->id) : QVariant();
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
    return section == NameColumn ? tr("Resource") : tr("Where");
}

QVariant ResourceTreeModel::idToVariant(const ResourceId &id) {
    return QVariant::fromValue(quint64(id.document) << 32 | quint32(id.item + 1));
}

ResourceId ResourceTreeModel::idFromVariant(const QVariant &v) {
    if (!v.isValid())
        return {};
    const quint64 raw = v.toULongLong();
    return {DocumentId(raw >> 32), int(quint32(raw)) - 1};
}

} // namespace egret::views

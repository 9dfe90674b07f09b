#pragma once

#include "model/resources/Resource.h"
#include "model/workspace/DocumentTracker.h"

#include <QAbstractItemModel>
#include <QIcon>

#include <memory>
#include <vector>

namespace egret {
class Workspace;
}

namespace egret::views {

// The open resources by namespace and kind: "shop" > "ServiceEntry" > "httpbin". Resource rows
// carry their ResourceId (ResourceIdRole), so selection crosses to other views by id.
//
// It follows the workspace incrementally: after an edit, sync() inserts, removes and changes
// only the rows of the documents that changed, so selection, expansion and scrolling survive
// and an edit costs what it touches, not what is open.
class ResourceTreeModel : public QAbstractItemModel {
    Q_OBJECT

public:
    enum Roles { ResourceIdRole = Qt::UserRole + 1, KindRole, SeverityRole };
    enum Column { NameColumn, WhereColumn, ColumnCount };

    explicit ResourceTreeModel(QObject *parent = nullptr);
    ~ResourceTreeModel() override;

    // Shows a different workspace (kept by pointer: it must outlive the model or be replaced).
    void setWorkspace(const Workspace *ws);
    // Follows the edits made to the workspace since the last call.
    void sync();
    // Resources with an error (or warning) get a marker; pass the current findings. Only rows
    // whose marker changes are updated.
    void setProblems(const QHash<ResourceId, int> &worstSeverity);

    QModelIndex indexOf(const ResourceId &id) const;
    ResourceId resourceAt(const QModelIndex &index) const;
    int resourceCount() const { return int(m_byId.size()); }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // The ResourceIdRole value of a resource, and back.
    static QVariant idToVariant(const ResourceId &id);
    static ResourceId idFromVariant(const QVariant &v);

private:
    struct Node;
    struct Entry; // what a resource row shows, read from the workspace

    static Entry entryOf(const Resource &r);
    Node *nodeAt(const QModelIndex &index) const;
    QModelIndex indexOfNode(const Node *n, int column = 0) const;
    Node *childFor(Node *parent, const QString &label, bool create);
    void insertLeaf(const Resource &r);
    void removeLeaf(Node *leaf);
    void removeDocument(DocumentId id);
    bool updateInPlace(DocumentId id);
    void addDocument(DocumentId id);
    void countChanged(Node *n);

    const Workspace *m_ws = nullptr;
    DocumentTracker m_tracker;
    std::unique_ptr<Node> m_root;
    QHash<ResourceId, Node *> m_byId;
    QHash<DocumentId, QVector<Node *>> m_byDocument;
    QHash<ResourceId, int> m_severity;
    QIcon m_icons[3]; // info, warning, error: made once, not per data() call
};

} // namespace egret::views

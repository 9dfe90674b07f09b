#pragma once

#include "model/resources/Resource.h"

#include <QAbstractItemModel>
#include <QSet>

namespace egret {
class Workspace;
}

namespace egret::views {

// The open resources by namespace and kind: "shop" > "ServiceEntry" > "httpbin". Resource rows
// carry their ResourceId (ResourceIdRole), so selection crosses to other views by id.
class ResourceTreeModel : public QAbstractItemModel {
    Q_OBJECT

public:
    enum Roles { ResourceIdRole = Qt::UserRole + 1, KindRole, SeverityRole };

    explicit ResourceTreeModel(QObject *parent = nullptr);

    // Rebuilds from the workspace (kept by pointer; call again after every change).
    void setWorkspace(const Workspace *ws);
    // Resources with an error (or warning) get a marker; pass the current findings.
    void setProblems(const QHash<ResourceId, int> &worstSeverity);

    QModelIndex indexOf(const ResourceId &id) const;
    ResourceId resourceAt(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Node {
        QString label;
        QString detail; // file:line for resources
        ResourceId id;  // valid for resources
        QString kind;
        Node *parent = nullptr;
        int row = 0;
        std::vector<std::unique_ptr<Node>> children;
    };
    Node *nodeAt(const QModelIndex &index) const;

    std::unique_ptr<Node> m_root;
    QHash<ResourceId, Node *> m_byId;
    QHash<ResourceId, int> m_severity;
};

} // namespace egret::views

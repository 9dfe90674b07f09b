#pragma once

#include "model/schema/SchemaNode.h"

#include <yaml-cpp/yaml.h>

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace egret::views {

// The fields of one resource as a tree (Field | Value), typed by its kind's schema: each row knows
// its field path and schema node, so the delegate can pick the right editor (enums as combo
// boxes, ports as spin boxes, lists with add/remove). Editing a value does not change the model:
// it emits valueEdited, and the owner applies the edit to the document and shows it again.
class PropertyTreeModel : public QAbstractItemModel {
    Q_OBJECT

public:
    enum Roles { PathRole = Qt::UserRole + 1, EditKindRole };
    // What editor a value wants.
    enum class EditKind { None, Text, Enum, Integer, Boolean };

    explicit PropertyTreeModel(QObject *parent = nullptr);

    // `root` is the resource's node (a document, or a List item), `schema` its document schema
    // (null for kinds without one: then every scalar is edited as text), `schemaName` whose it is
    // ("Istio's schema"), named where a field is not in it.
    void setResource(const YAML::Node &root, const schema::Node *schema, const QString &schemaName,
                     bool readOnly);
    void clear();

    QString pathAt(const QModelIndex &index) const;
    const schema::Node *schemaAt(const QModelIndex &index) const;
    YAML::Node valueAt(const QModelIndex &index) const;
    EditKind editKindAt(const QModelIndex &index) const;
    QStringList enumValuesAt(const QModelIndex &index) const;
    QPair<qint64, qint64> rangeAt(const QModelIndex &index) const;
    bool isListAt(const QModelIndex &index) const;
    bool isMapAt(const QModelIndex &index) const;
    bool isRemovableAt(const QModelIndex &index) const; // not apiVersion/kind/metadata.name
    // Known fields of the object at index that the resource does not set yet.
    QStringList absentFieldsAt(const QModelIndex &index) const;
    QModelIndex indexOfPath(const QString &path) const;

    // The node to write for text typed into a field of this schema (strings stay strings).
    static YAML::Node valueFromText(const schema::Node *schema, const QString &text);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    void valueEdited(const QString &path, const YAML::Node &value);

private:
    struct Item {
        QString label;
        QString path;
        const schema::Node *schema = nullptr;
        YAML::Node value;
        Item *parent = nullptr;
        int row = 0;
        std::vector<std::unique_ptr<Item>> children;
    };
    void build(Item *item, int depth);
    Item *itemAt(const QModelIndex &index) const;
    QModelIndex indexFor(Item *item) const;

    std::unique_ptr<Item> m_root;
    bool m_readOnly = false;
    QString m_schemaName;
};

} // namespace egret::views

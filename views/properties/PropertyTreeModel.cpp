#include "views/properties/PropertyTreeModel.h"

#include "model/edit/NodeEdit.h"
#include "model/yaml/Scalars.h"
#include "model/yaml/YamlPath.h"

#include <QFont>
#include <QStringList>

namespace egret::views {

namespace {

bool isScalarType(const schema::Node *s) {
    return s && (s->type == schema::Type::String || s->type == schema::Type::Integer ||
                 s->type == schema::Type::Number || s->type == schema::Type::Boolean ||
                 s->type == schema::Type::IntOrString);
}

// Ports get the range people mean, not the schema's uint32.
bool isPortField(const QString &path) {
    return path.endsWith(QLatin1String(".number")) || path.endsWith(QLatin1String(".port")) ||
           path.endsWith(QLatin1String(".targetPort"));
}

QString summary(const YAML::Node &v) {
    if (!v.IsDefined() || v.IsNull())
        return {};
    if (v.IsScalar())
        return QString::fromStdString(v.Scalar());
    if (v.IsSequence()) {
        QStringList items;
        for (const YAML::Node &item : v) {
            if (!item.IsScalar())
                return QObject::tr("%n item(s)", nullptr, int(v.size()));
            items << QString::fromStdString(item.Scalar());
        }
        return items.join(QStringLiteral(", "));
    }
    return QObject::tr("%n field(s)", nullptr, int(v.size()));
}

} // namespace

PropertyTreeModel::PropertyTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Item>()) {
}

void PropertyTreeModel::clear() {
    beginResetModel();
    m_root = std::make_unique<Item>();
    endResetModel();
}

void PropertyTreeModel::setResource(const YAML::Node &root, const schema::Node *schema,
                                    const QString &schemaName, bool readOnly) {
    beginResetModel();
    m_schemaName = schemaName;
    m_root = std::make_unique<Item>();
    m_root->value.reset(root);
    m_root->schema = schema;
    m_readOnly = readOnly;
    build(m_root.get(), 0);
    endResetModel();
}

void PropertyTreeModel::build(Item *item, int depth) {
    const YAML::Node &v = item->value;
    if (depth > 64 || !v.IsDefined())
        return;
    const schema::Node *s = item->schema;
    auto add = [&](const QString &label, const QString &path, const schema::Node *childSchema,
                   const YAML::Node &value) {
        auto child = std::make_unique<Item>();
        child->label = label;
        child->path = path;
        child->schema = childSchema;
        child->value.reset(value);
        child->parent = item;
        child->row = int(item->children.size());
        build(child.get(), depth + 1);
        item->children.push_back(std::move(child));
    };
    if (v.IsMap()) {
        for (auto it = v.begin(); it != v.end(); ++it) {
            const QString key = QString::fromStdString(it->first.IsScalar() ? it->first.Scalar()
                                                                            : std::string("?"));
            const schema::Node *childSchema = nullptr;
            if (s && s->type == schema::Type::Object)
                childSchema = s->field(key.toStdString());
            else if (s && s->type == schema::Type::Map)
                childSchema = s->element;
            add(key, yaml::appendKey(item->path, key), childSchema, it->second);
        }
    } else if (v.IsSequence()) {
        int i = 0;
        for (const YAML::Node &element : v) {
            add(QStringLiteral("[%1]").arg(i), yaml::appendIndex(item->path, i),
                s ? s->element : nullptr, element);
            ++i;
        }
    }
}

PropertyTreeModel::Item *PropertyTreeModel::itemAt(const QModelIndex &index) const {
    return index.isValid() ? static_cast<Item *>(index.internalPointer()) : nullptr;
}

QModelIndex PropertyTreeModel::indexFor(Item *item) const {
    return item && item != m_root.get() ? createIndex(item->row, 0, item) : QModelIndex();
}

QString PropertyTreeModel::pathAt(const QModelIndex &index) const {
    const Item *i = itemAt(index);
    return i ? i->path : QString();
}

const schema::Node *PropertyTreeModel::schemaAt(const QModelIndex &index) const {
    const Item *i = itemAt(index);
    return i ? i->schema : m_root->schema;
}

YAML::Node PropertyTreeModel::valueAt(const QModelIndex &index) const {
    const Item *i = itemAt(index);
    return i ? i->value : m_root->value;
}

PropertyTreeModel::EditKind PropertyTreeModel::editKindAt(const QModelIndex &index) const {
    const Item *i = itemAt(index);
    if (!i || m_readOnly)
        return EditKind::None;
    if (i->schema && !isScalarType(i->schema))
        return EditKind::None;
    if (!i->schema && (i->value.IsMap() || i->value.IsSequence()))
        return EditKind::None;
    if (!i->schema)
        return EditKind::Text;
    if (!i->schema->enumValues.empty())
        return EditKind::Enum;
    if (i->schema->type == schema::Type::Integer)
        return EditKind::Integer;
    if (i->schema->type == schema::Type::Boolean)
        return EditKind::Boolean;
    return EditKind::Text;
}

QStringList PropertyTreeModel::enumValuesAt(const QModelIndex &index) const {
    QStringList out;
    if (const schema::Node *s = schemaAt(index))
        for (const char *v : s->enumValues)
            out << QLatin1String(v);
    return out;
}

QPair<qint64, qint64> PropertyTreeModel::rangeAt(const QModelIndex &index) const {
    const schema::Node *s = schemaAt(index);
    if (isPortField(pathAt(index)))
        return {1, 65535};
    if (!s)
        return {0, std::numeric_limits<int>::max()};
    return {qMax<qint64>(s->minimum, std::numeric_limits<int>::min()),
            qMin<qint64>(s->maximum, std::numeric_limits<int>::max())};
}

bool PropertyTreeModel::isListAt(const QModelIndex &index) const {
    const Item *i = itemAt(index);
    return i && !m_readOnly &&
           (i->value.IsSequence() || (i->schema && i->schema->type == schema::Type::Array));
}

bool PropertyTreeModel::isMapAt(const QModelIndex &index) const {
    const Item *i = itemAt(index);
    return i && !m_readOnly && i->schema && i->schema->type == schema::Type::Map;
}

bool PropertyTreeModel::isRemovableAt(const QModelIndex &index) const {
    const Item *i = itemAt(index);
    if (!i || m_readOnly)
        return false;
    static const QStringList fixed = {QStringLiteral("apiVersion"), QStringLiteral("kind"),
                                      QStringLiteral("metadata"), QStringLiteral("metadata.name")};
    return !fixed.contains(i->path);
}

QStringList PropertyTreeModel::absentFieldsAt(const QModelIndex &index) const {
    const Item *i = index.isValid() ? itemAt(index) : m_root.get();
    QStringList out;
    if (!i || m_readOnly || !i->schema || i->schema->type != schema::Type::Object)
        return out;
    for (const schema::Field &f : i->schema->fields) {
        bool present = false;
        for (const auto &c : i->children)
            present = present || c->label == QLatin1String(f.name);
        if (!present)
            out << QLatin1String(f.name);
    }
    return out;
}

QModelIndex PropertyTreeModel::indexOfPath(const QString &path) const {
    std::vector<Item *> stack{m_root.get()};
    while (!stack.empty()) {
        Item *i = stack.back();
        stack.pop_back();
        if (i != m_root.get() && i->path == path)
            return indexFor(i);
        for (const auto &c : i->children)
            stack.push_back(c.get());
    }
    return {};
}

YAML::Node PropertyTreeModel::valueFromText(const schema::Node *s, const QString &text) {
    if (!s) // a field the schema does not define: read it as YAML would
        return yaml::resolvePlain(text.toStdString()) == yaml::PlainType::String
                   ? edit::stringScalar(text)
                   : edit::plainScalar(text);
    switch (s->type) {
    case schema::Type::Integer:
    case schema::Type::Number:
    case schema::Type::Boolean:
        return edit::plainScalar(text.trimmed());
    case schema::Type::IntOrString: {
        bool number = false;
        text.toLongLong(&number);
        return number ? edit::plainScalar(text) : edit::stringScalar(text);
    }
    default:
        return edit::stringScalar(text);
    }
}

QModelIndex PropertyTreeModel::index(int row, int column, const QModelIndex &parent) const {
    const Item *p = parent.isValid() ? itemAt(parent) : m_root.get();
    if (!p || row < 0 || row >= int(p->children.size()) || column < 0 || column > 1)
        return {};
    return createIndex(row, column, p->children[std::size_t(row)].get());
}

QModelIndex PropertyTreeModel::parent(const QModelIndex &child) const {
    const Item *i = itemAt(child);
    return i ? indexFor(i->parent) : QModelIndex();
}

int PropertyTreeModel::rowCount(const QModelIndex &parent) const {
    if (parent.column() > 0)
        return 0;
    const Item *p = parent.isValid() ? itemAt(parent) : m_root.get();
    return p ? int(p->children.size()) : 0;
}

int PropertyTreeModel::columnCount(const QModelIndex &) const {
    return 2;
}

QVariant PropertyTreeModel::data(const QModelIndex &index, int role) const {
    const Item *i = itemAt(index);
    if (!i)
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return index.column() == 0 ? i->label : summary(i->value);
    case Qt::ToolTipRole:
        if (!i->schema && i->parent && i->parent->schema &&
            i->parent->schema->type == schema::Type::Object &&
            !i->parent->schema->preserveUnknownFields)
            return tr("%1: %2 does not define this field").arg(i->path, m_schemaName);
        return i->path;
    case Qt::FontRole:
        if (index.column() == 1 &&
            (i->value.IsMap() ||
             (i->value.IsSequence() && i->value.size() > 0 && !i->value[0].IsScalar()))) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        return {};
    case PathRole:
        return i->path;
    case EditKindRole:
        return int(editKindAt(index));
    default:
        return {};
    }
}

bool PropertyTreeModel::setData(const QModelIndex &index, const QVariant &value, int role) {
    if (role != Qt::EditRole || index.column() != 1 || editKindAt(index) == EditKind::None)
        return false;
    const QString text = value.toString();
    if (text == summary(valueAt(index)))
        return false;
    Q_EMIT valueEdited(pathAt(index), valueFromText(schemaAt(index), text));
    return true;
}

Qt::ItemFlags PropertyTreeModel::flags(const QModelIndex &index) const {
    Qt::ItemFlags f = QAbstractItemModel::flags(index);
    if (index.column() == 1 && editKindAt(index) != EditKind::None)
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant PropertyTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == 0 ? tr("Field") : tr("Value");
}

} // namespace egret::views

#include "views/properties/PropertyDelegate.h"

#include "views/properties/PropertyTreeModel.h"

#include <QComboBox>
#include <QLineEdit>
#include <QSpinBox>

namespace egret::views {

namespace {

const PropertyTreeModel *propertyModel(const QModelIndex &index) {
    return qobject_cast<const PropertyTreeModel *>(index.model());
}

} // namespace

QWidget *PropertyDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                        const QModelIndex &index) const {
    const PropertyTreeModel *model = propertyModel(index);
    if (!model)
        return QStyledItemDelegate::createEditor(parent, option, index);
    switch (model->editKindAt(index)) {
    case PropertyTreeModel::EditKind::Enum: {
        auto *combo = new QComboBox(parent);
        combo->addItems(model->enumValuesAt(index));
        return combo;
    }
    case PropertyTreeModel::EditKind::Boolean: {
        auto *combo = new QComboBox(parent);
        combo->addItems({QStringLiteral("true"), QStringLiteral("false")});
        return combo;
    }
    case PropertyTreeModel::EditKind::Integer: {
        auto *spin = new QSpinBox(parent);
        const auto range = model->rangeAt(index);
        spin->setRange(int(range.first), int(range.second));
        return spin;
    }
    case PropertyTreeModel::EditKind::Text:
        return new QLineEdit(parent);
    case PropertyTreeModel::EditKind::None:
        break;
    }
    return nullptr;
}

void PropertyDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const {
    const QString text = index.data(Qt::EditRole).toString();
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        const int i = combo->findText(text);
        if (i < 0 && !text.isEmpty())
            combo->addItem(
                text); // keep a value outside the enum visible; the schema check reports it
        combo->setCurrentIndex(i < 0 ? combo->count() - 1 : i);
    } else if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        spin->setValue(text.toInt());
    } else if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        line->setText(text);
    }
}

void PropertyDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                    const QModelIndex &index) const {
    if (auto *combo = qobject_cast<QComboBox *>(editor))
        model->setData(index, combo->currentText());
    else if (auto *spin = qobject_cast<QSpinBox *>(editor))
        model->setData(index, QString::number(spin->value()));
    else if (auto *line = qobject_cast<QLineEdit *>(editor))
        model->setData(index, line->text());
}

} // namespace egret::views

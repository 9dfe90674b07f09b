#pragma once

#include <QStyledItemDelegate>

namespace egret::views {

// Picks the editor a field's schema asks for: a combo box for enums and booleans, a spin box for
// integers (1..65535 for ports), a line edit for the rest.
class PropertyDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;
};

} // namespace egret::views

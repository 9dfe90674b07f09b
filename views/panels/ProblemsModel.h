#pragma once

#include "model/core/Diagnostic.h"

#include <QAbstractTableModel>
#include <QIcon>

namespace egret::views {

// The Problems list: load diagnostics and validator findings, errors first, then by place.
// A new list is merged into the shown one: rows that stay keep their place in the view (and its
// selection); only rows that come or go are inserted or removed.
class ProblemsModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        SeverityColumn,
        MessageColumn,
        CodeColumn,
        ResourceColumn,
        LocationColumn,
        ColumnCount
    };
    enum Roles { SeverityRole = Qt::UserRole + 1 };

    explicit ProblemsModel(QObject *parent = nullptr);

    void setDiagnostics(Diagnostics diagnostics);
    const Diagnostics &diagnostics() const { return m_items; }
    const Diagnostic &diagnosticAt(int row) const { return m_items.at(row); }
    int count(Severity s) const { return m_counts[int(s)]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    Diagnostics m_items;
    int m_counts[3] = {0, 0, 0};
    QIcon m_icons[3]; // info, warning, error: made once, not per data() call
};

} // namespace egret::views

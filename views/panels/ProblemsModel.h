#pragma once

#include "model/core/Diagnostic.h"

#include <QAbstractTableModel>

namespace egret::views {

// The Problems list: load diagnostics and validator findings, errors first.
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

    explicit ProblemsModel(QObject *parent = nullptr);

    void setDiagnostics(Diagnostics diagnostics);
    const Diagnostic &diagnosticAt(int row) const { return m_items.at(row); }
    int count(Severity s) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    Diagnostics m_items;
};

} // namespace egret::views

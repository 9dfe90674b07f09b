#include "views/panels/ProblemsModel.h"

#include <QApplication>
#include <QFileInfo>
#include <QStyle>

#include <algorithm>

namespace egret::views {

ProblemsModel::ProblemsModel(QObject *parent)
    : QAbstractTableModel(parent) {
}

void ProblemsModel::setDiagnostics(Diagnostics diagnostics) {
    // Errors first, then by place: what to fix first is on top.
    std::stable_sort(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic &a, const Diagnostic &b) {
                         if (a.severity != b.severity)
                             return a.severity > b.severity;
                         if (a.location.file != b.location.file)
                             return a.location.file < b.location.file;
                         return a.location.line < b.location.line;
                     });
    beginResetModel();
    m_items = std::move(diagnostics);
    endResetModel();
}

int ProblemsModel::count(Severity s) const {
    return int(std::count_if(m_items.cbegin(), m_items.cend(),
                             [s](const Diagnostic &d) { return d.severity == s; }));
}

int ProblemsModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_items.size());
}

int ProblemsModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProblemsModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const Diagnostic &d = m_items.at(index.row());
    if (role == Qt::DecorationRole && index.column() == SeverityColumn) {
        const QStyle::StandardPixmap icon =
            d.severity == Severity::Error     ? QStyle::SP_MessageBoxCritical
            : d.severity == Severity::Warning ? QStyle::SP_MessageBoxWarning
                                              : QStyle::SP_MessageBoxInformation;
        return QApplication::style()->standardIcon(icon);
    }
    if (role == Qt::ToolTipRole)
        return d.toString();
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case SeverityColumn:
        return severityName(d.severity);
    case MessageColumn:
        return d.path.isEmpty() ? d.message : QStringLiteral("%1 [%2]").arg(d.message, d.path);
    case CodeColumn:
        return d.code;
    case ResourceColumn:
        return d.resource.kind.isEmpty() ? QString() : d.resource.toString();
    case LocationColumn:
        return d.location.line > 0 ? QStringLiteral("%1:%2:%3")
                                         .arg(QFileInfo(d.location.file).fileName())
                                         .arg(d.location.line)
                                         .arg(d.location.column)
                                   : QFileInfo(d.location.file).fileName();
    default:
        return {};
    }
}

QVariant ProblemsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Level");
    case MessageColumn:
        return tr("Problem");
    case CodeColumn:
        return tr("Code");
    case ResourceColumn:
        return tr("Resource");
    case LocationColumn:
        return tr("Where");
    default:
        return {};
    }
}

} // namespace egret::views

#include "views/panels/ProblemsModel.h"

#include <QApplication>
#include <QFileInfo>
#include <QStyle>

#include <algorithm>

namespace egret::views {

namespace {

// Errors first, then by place: what to fix first is on top. A total order, so that two lists
// can be merged row by row.
int compare(const Diagnostic &a, const Diagnostic &b) {
    if (a.severity != b.severity)
        return a.severity > b.severity ? -1 : 1;
    if (const int c = a.location.file.compare(b.location.file))
        return c;
    if (a.location.line != b.location.line)
        return a.location.line < b.location.line ? -1 : 1;
    if (a.location.column != b.location.column)
        return a.location.column < b.location.column ? -1 : 1;
    if (const int c = a.code.compare(b.code))
        return c;
    if (const int c = a.message.compare(b.message))
        return c;
    if (const int c = a.path.compare(b.path))
        return c;
    if (const int c = a.resource.toString().compare(b.resource.toString()))
        return c;
    if (a.resourceId != b.resourceId)
        return a.resourceId < b.resourceId ? -1 : 1;
    return 0;
}

bool before(const Diagnostic &a, const Diagnostic &b) {
    return compare(a, b) < 0;
}

// Past this many row insertions and removals a merge costs the view more than a reset.
constexpr int kMaxMergeSteps = 200;

} // namespace

ProblemsModel::ProblemsModel(QObject *parent)
    : QAbstractTableModel(parent) {
    const QStyle *style = QApplication::style();
    m_icons[0] = style->standardIcon(QStyle::SP_MessageBoxInformation);
    m_icons[1] = style->standardIcon(QStyle::SP_MessageBoxWarning);
    m_icons[2] = style->standardIcon(QStyle::SP_MessageBoxCritical);
}

void ProblemsModel::setDiagnostics(Diagnostics diagnostics) {
    std::stable_sort(diagnostics.begin(), diagnostics.end(), before);
    for (int &c : m_counts)
        c = 0;
    for (const Diagnostic &d : std::as_const(diagnostics))
        ++m_counts[int(d.severity)];

    // Count the steps a merge would take; both lists are in the same order.
    int steps = 0;
    for (qsizetype i = 0, j = 0;
         (i < m_items.size() || j < diagnostics.size()) && steps <= kMaxMergeSteps;) {
        const int c = i == m_items.size()       ? 1
                      : j == diagnostics.size() ? -1
                                                : compare(m_items[i], diagnostics[j]);
        steps += c != 0;
        i += c <= 0;
        j += c >= 0;
    }
    if (steps > kMaxMergeSteps) {
        beginResetModel();
        m_items = std::move(diagnostics);
        endResetModel();
        return;
    }
    // Merge: runs of rows that are gone are removed, runs of new rows inserted, in one pass.
    qsizetype row = 0, j = 0;
    while (row < m_items.size() || j < diagnostics.size()) {
        if (j == diagnostics.size()) {
            beginRemoveRows({}, int(row), int(m_items.size()) - 1);
            m_items.remove(row, m_items.size() - row);
            endRemoveRows();
            break;
        }
        if (row == m_items.size()) {
            beginInsertRows({}, int(row), int(row + diagnostics.size() - j) - 1);
            m_items.append(diagnostics.mid(j));
            endInsertRows();
            break;
        }
        const int c = compare(m_items[row], diagnostics[j]);
        if (c == 0) {
            ++row;
            ++j;
        } else if (c < 0) {
            qsizetype end = row + 1;
            while (end < m_items.size() && compare(m_items[end], diagnostics[j]) < 0)
                ++end;
            beginRemoveRows({}, int(row), int(end) - 1);
            m_items.remove(row, end - row);
            endRemoveRows();
        } else {
            qsizetype end = j + 1;
            while (end < diagnostics.size() && compare(m_items[row], diagnostics[end]) > 0)
                ++end;
            beginInsertRows({}, int(row), int(row + end - j) - 1);
            m_items.insert(row, end - j, Diagnostic());
            std::copy(diagnostics.cbegin() + j, diagnostics.cbegin() + end, m_items.begin() + row);
            endInsertRows();
            row += end - j;
            j = end;
        }
    }
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
    if (role == Qt::DecorationRole && index.column() == SeverityColumn)
        return m_icons[int(d.severity)];
    if (role == Qt::ToolTipRole)
        return d.toString();
    if (role == SeverityRole)
        return int(d.severity);
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

#pragma once

#include "model/core/Diagnostic.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace egret::views {

class ProblemsModel;

// The Problems dock: a summary line, a filter field and the list. While the list describes an
// earlier state of the files (the validator is catching up with an edit), the summary says so.
class ProblemsPanel : public QWidget {
    Q_OBJECT

public:
    explicit ProblemsPanel(QWidget *parent = nullptr);

    void setDiagnostics(const Diagnostics &diagnostics);
    // The list is about to change: `what` says what is being checked ("" when up to date).
    void setCatchingUp(const QString &what);
    bool isCatchingUp() const { return !m_catchingUp.isEmpty(); }

    void setFilterText(const QString &text);
    QLineEdit *filterField() const { return m_filter; }
    QTableView *view() const { return m_view; }
    ProblemsModel *model() const { return m_model; }
    QString summaryText() const;

Q_SIGNALS:
    void activated(const egret::Diagnostic &diagnostic);

private:
    void updateSummary();

    ProblemsModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLabel *m_summary;
    QLineEdit *m_filter;
    QTableView *m_view;
    QString m_catchingUp;
};

} // namespace egret::views

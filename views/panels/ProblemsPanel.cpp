#include "views/panels/ProblemsPanel.h"

#include "views/panels/ProblemsModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace egret::views {

ProblemsPanel::ProblemsPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new ProblemsModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_summary(new QLabel(this))
    , m_filter(new QLineEdit(this))
    , m_view(new QTableView(this)) {
    setObjectName(QStringLiteral("problemsPanel"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1); // message, code, resource or place

    m_summary->setObjectName(QStringLiteral("problemSummary"));
    m_filter->setObjectName(QStringLiteral("problemFilter"));
    m_filter->setPlaceholderText(tr("Filter problems"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMaximumWidth(320);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        updateSummary();
    });

    m_view->setObjectName(QStringLiteral("problems"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    // Fixed row heights: thousands of findings are never measured one by one.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setSectionResizeMode(ProblemsModel::MessageColumn,
                                                     QHeaderView::Stretch);
    m_view->setWordWrap(false);
    auto activate = [this](const QModelIndex &i) {
        const QModelIndex source = m_proxy->mapToSource(i);
        if (source.isValid())
            Q_EMIT activated(m_model->diagnosticAt(source.row()));
    };
    connect(m_view, &QTableView::activated, this, activate);
    connect(m_view, &QTableView::clicked, this, activate);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(4, 0, 0, 0);
    top->addWidget(m_summary, 1);
    top->addWidget(m_filter);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    updateSummary();
}

void ProblemsPanel::setDiagnostics(const Diagnostics &diagnostics) {
    m_model->setDiagnostics(diagnostics);
    updateSummary();
}

void ProblemsPanel::setCatchingUp(const QString &what) {
    if (m_catchingUp == what)
        return;
    m_catchingUp = what;
    updateSummary();
}

void ProblemsPanel::setFilterText(const QString &text) {
    m_filter->setText(text);
}

QString ProblemsPanel::summaryText() const {
    return m_summary->text();
}

void ProblemsPanel::updateSummary() {
    QString text = tr("%1 error(s), %2 warning(s), %3 info")
                       .arg(m_model->count(Severity::Error))
                       .arg(m_model->count(Severity::Warning))
                       .arg(m_model->count(Severity::Info));
    if (!m_filter->text().isEmpty())
        text += tr(" (%1 shown)").arg(m_proxy->rowCount());
    // Honest while the validator works: the list is of the files as they were a moment ago.
    if (!m_catchingUp.isEmpty())
        text = tr("<i>%1</i> %2").arg(m_catchingUp.toHtmlEscaped(), text);
    m_summary->setText(text);
}

} // namespace egret::views

#include "app/gui/MainWindow.h"

#include "model/io/Loader.h"
#include "views/panels/YamlHighlighter.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QFontDatabase>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStatusBar>
#include <QTreeWidget>

namespace egret::gui {

namespace {

enum Role { DocumentRole = Qt::UserRole + 1 };

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent) {
    setWindowTitle(QStringLiteral("Egret"));
    resize(1200, 800);

    auto *splitter = new QSplitter(this);
    m_tree = new QTreeWidget(splitter);
    m_tree->setHeaderLabels({tr("Resource"), tr("File")});
    m_tree->setObjectName(QStringLiteral("resources"));
    m_yaml = new QPlainTextEdit(splitter);
    m_yaml->setObjectName(QStringLiteral("yaml"));
    m_yaml->setReadOnly(true);
    m_yaml->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new views::YamlHighlighter(m_yaml->document());
    splitter->setStretchFactor(1, 2);
    setCentralWidget(splitter);

    connect(m_tree, &QTreeWidget::currentItemChanged, this, &MainWindow::showSelected);
    createActions();
    statusBar()->showMessage(tr("Open manifests with File > Open (Ctrl+O)"));
}

void MainWindow::createActions() {
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open Files..."), this, &MainWindow::chooseFiles);
    open->setShortcut(QKeySequence::Open);
    file->addAction(tr("Open &Folder..."), this, &MainWindow::chooseFolder);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);
}

void MainWindow::chooseFiles() {
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Open Manifests"), QString(), tr("YAML (*.yaml *.yml);;All files (*)"));
    if (!files.isEmpty())
        openPaths(files);
}

void MainWindow::chooseFolder() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Folder"));
    if (!dir.isEmpty())
        openPaths({dir});
}

void MainWindow::openPaths(const QStringList &paths) {
    Diagnostics problems;
    const QStringList files = expandInputs(paths, &problems);
    m_workspace = loadFiles(files);
    rebuildTree();
    const int issues = int(m_workspace.diagnostics().size() + problems.size());
    statusBar()->showMessage(tr("%n resource(s) in %1 file(s); %2 load problem(s)", nullptr,
                                int(m_workspace.resources().size()))
                                 .arg(files.size())
                                 .arg(issues));
    setWindowTitle(
        tr("%1 - Egret")
            .arg(paths.size() == 1 ? paths.first() : tr("%n files", nullptr, int(files.size()))));
}

void MainWindow::rebuildTree() {
    m_tree->clear();
    QMap<QString, QTreeWidgetItem *> namespaces;
    QMap<QString, QTreeWidgetItem *> kinds;
    m_workspace.forEachResource([&](const Resource &r) {
        const QString ns = r.ns.isEmpty() ? tr("(cluster)") : r.ns;
        QTreeWidgetItem *&nsItem = namespaces[ns];
        if (!nsItem) {
            nsItem = new QTreeWidgetItem(m_tree, {ns});
            nsItem->setExpanded(true);
        }
        QTreeWidgetItem *&kindItem = kinds[ns + QLatin1Char('/') + r.kindName];
        if (!kindItem)
            kindItem = new QTreeWidgetItem(nsItem, {r.kindName});
        auto *item = new QTreeWidgetItem(
            kindItem, {r.meta.name.isEmpty() ? tr("(unnamed)") : r.meta.name,
                       QStringLiteral("%1:%2").arg(r.location.file).arg(r.location.line)});
        item->setData(0, DocumentRole, r.id.document);
    });
    m_tree->sortItems(0, Qt::AscendingOrder);
    m_tree->expandAll();
}

void MainWindow::showSelected() {
    const QTreeWidgetItem *item = m_tree->currentItem();
    const DocumentId id = item ? item->data(0, DocumentRole).toUInt() : 0;
    const SourceDocument *doc = m_workspace.document(id);
    m_yaml->setPlainText(doc ? QString::fromUtf8(doc->text) : QString());
}

} // namespace egret::gui

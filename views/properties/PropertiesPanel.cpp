#include "views/properties/PropertiesPanel.h"

#include "model/edit/NodeEdit.h"
#include "model/schema/ResourceSchema.h"
#include "model/workspace/Workspace.h"
#include "model/yaml/YamlPath.h"
#include "views/properties/PropertyDelegate.h"
#include "views/properties/PropertyTreeModel.h"

#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

namespace egret::views {

PropertiesPanel::PropertiesPanel(QWidget *parent)
    : QWidget(parent)
    , m_header(new QLabel(this))
    , m_pages(new QStackedWidget(this))
    , m_tree(new QTreeView(this))
    , m_explanation(new QTextBrowser(this))
    , m_model(new PropertyTreeModel(this)) {
    setObjectName(QStringLiteral("properties"));
    m_header->setTextFormat(Qt::RichText);
    m_header->setWordWrap(true);
    m_header->setMargin(4);
    m_tree->setObjectName(QStringLiteral("propertyTree"));
    m_tree->setModel(m_model);
    m_tree->setItemDelegate(new PropertyDelegate(m_tree));
    m_tree->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::SelectedClicked);
    m_tree->setAlternatingRowColors(true);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_explanation->setObjectName(QStringLiteral("explanation"));
    m_explanation->setOpenLinks(false);
    m_pages->addWidget(m_tree);
    m_pages->addWidget(m_explanation);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_header);
    layout->addWidget(m_pages, 1);

    connect(m_model, &PropertyTreeModel::valueEdited, this,
            [this](const QString &path, const YAML::Node &value) {
                emitEdit(edit::FieldEdit::Set, path, value);
            });
    connect(m_tree, &QTreeView::customContextMenuRequested, this, &PropertiesPanel::contextMenu);
    connect(m_explanation, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        const int i = url.path().toInt();
        if (url.scheme() == QLatin1String("source") && i >= 0 && i < m_sources.size())
            Q_EMIT resourceActivated(m_sources[i].resource, m_sources[i].path);
    });
    clear();
}

void PropertiesPanel::clear() {
    m_resource = {};
    m_model->clear();
    m_header->setText(tr("<i>Select a resource, a node or a hop.</i>"));
    m_pages->setCurrentWidget(m_tree);
}

void PropertiesPanel::showResource(const Workspace &ws, const ResourceId &id) {
    const Resource *r = ws.resource(id);
    const SourceDocument *doc = ws.document(id.document);
    if (!r || !doc) {
        clear();
        return;
    }
    YAML::Node root;
    try {
        root = YAML::Load(doc->text.toStdString());
    } catch (const YAML::Exception &) {
        clear();
        m_header->setText(tr("<b>%1</b> cannot be shown as a form: fix its YAML first.")
                              .arg(r->ref().toString().toHtmlEscaped()));
        return;
    }
    const YAML::Node node = r->basePath.isEmpty() ? root : edit::findPath(root, r->basePath);
    m_resource = id;
    m_basePath = r->basePath;
    m_model->setResource(node, schema::resourceSchema(r->kind, r->apiVersion),
                         schema::schemaName(r->kind),
                         r->assumed || !writeRefusal(ws.files()[doc->file]).isEmpty());
    m_header->setText(
        QStringLiteral("<b>%1</b> %2<br><small>%3:%4</small>")
            .arg(r->kindName.toHtmlEscaped(),
                 (r->ns.isEmpty() ? r->meta.name : r->ns + QLatin1Char('/') + r->meta.name)
                     .toHtmlEscaped(),
                 QFileInfo(r->location.file).fileName().toHtmlEscaped())
            .arg(r->location.line));
    m_pages->setCurrentWidget(m_tree);
    m_tree->expandToDepth(1);
}

void PropertiesPanel::showExplanation(const Explanation &explanation) {
    m_resource = {};
    m_sources = explanation.sources;
    QString html = QStringLiteral("<p>%1</p><ul>").arg(explanation.summary.toHtmlEscaped());
    for (int i = 0; i < m_sources.size(); ++i) {
        const Explanation::Source &s = m_sources[i];
        html += QStringLiteral("<li><a href=\"source:%1\">%2</a> <code>%3</code><br>%4</li>")
                    .arg(i)
                    .arg(s.resourceLabel.toHtmlEscaped(), s.path.toHtmlEscaped(),
                         s.note.toHtmlEscaped());
    }
    html += QStringLiteral("</ul>");
    m_header->setText(QStringLiteral("<b>%1</b>").arg(explanation.title.toHtmlEscaped()));
    m_explanation->setHtml(html);
    m_pages->setCurrentWidget(m_explanation);
}

bool PropertiesPanel::revealField(const QString &path) {
    QString p = path;
    // Walk up until a row exists: a missing field shows its nearest parent.
    while (!p.isEmpty()) {
        const QModelIndex index = m_model->indexOfPath(p);
        if (index.isValid()) {
            m_tree->scrollTo(index);
            m_tree->setCurrentIndex(index);
            return true;
        }
        const int cut = int(qMax(p.lastIndexOf(QLatin1Char('.')), p.lastIndexOf(QLatin1Char('['))));
        p = cut > 0 ? p.left(cut) : QString();
    }
    return false;
}

void PropertiesPanel::emitEdit(edit::FieldEdit::Operation op, const QString &path,
                               const YAML::Node &value) {
    if (!m_resource.isValid())
        return;
    edit::FieldEdit e;
    e.operation = op;
    e.path = m_basePath.isEmpty() ? path : m_basePath + QLatin1Char('.') + path;
    e.value = value;
    Q_EMIT editRequested(m_resource, e);
}

void PropertiesPanel::contextMenu(const QPoint &pos) {
    const QModelIndex index = m_tree->indexAt(pos).siblingAtColumn(0);
    QMenu menu(this);
    const QString path = m_model->pathAt(index);
    if (m_model->isListAt(index)) {
        menu.addAction(tr("Add Item..."), this, [this, index, path] {
            const schema::Node *element =
                m_model->schemaAt(index) ? m_model->schemaAt(index)->element : nullptr;
            if (element && element->type == schema::Type::Object) {
                emitEdit(edit::FieldEdit::Append, path, YAML::Node(YAML::NodeType::Map));
                return;
            }
            bool ok = false;
            const QString text =
                QInputDialog::getText(this, tr("Add Item"), tr("Value for %1:").arg(path),
                                      QLineEdit::Normal, QString(), &ok);
            if (ok && !text.isEmpty())
                emitEdit(edit::FieldEdit::Append, path,
                         PropertyTreeModel::valueFromText(element, text));
        });
    }
    if (m_model->isMapAt(index)) {
        menu.addAction(tr("Add Entry..."), this, [this, index, path] {
            bool ok = false;
            const QString key = QInputDialog::getText(this, tr("Add Entry"), tr("Key:"),
                                                      QLineEdit::Normal, QString(), &ok);
            if (!ok || key.isEmpty())
                return;
            const QString value =
                QInputDialog::getText(this, tr("Add Entry"), tr("Value for %1:").arg(key),
                                      QLineEdit::Normal, QString(), &ok);
            if (ok)
                emitEdit(
                    edit::FieldEdit::Set, yaml::appendKey(path, key),
                    PropertyTreeModel::valueFromText(m_model->schemaAt(index)->element, value));
        });
    }
    const QStringList absent = m_model->absentFieldsAt(index);
    if (!absent.isEmpty()) {
        QMenu *add = menu.addMenu(tr("Add Field"));
        for (const QString &field : absent) {
            add->addAction(field, this, [this, index, path, field] {
                const schema::Node *objectSchema = m_model->schemaAt(index);
                const schema::Node *s =
                    objectSchema ? objectSchema->field(field.toStdString()) : nullptr;
                const QString fieldPath = yaml::appendKey(path, field);
                if (s && s->type == schema::Type::Object) {
                    emitEdit(edit::FieldEdit::Set, fieldPath, YAML::Node(YAML::NodeType::Map));
                } else if (s && (s->type == schema::Type::Array)) {
                    emitEdit(edit::FieldEdit::Set, fieldPath, YAML::Node(YAML::NodeType::Sequence));
                } else if (s && !s->enumValues.empty()) {
                    emitEdit(
                        edit::FieldEdit::Set, fieldPath,
                        PropertyTreeModel::valueFromText(s, QLatin1String(s->enumValues.front())));
                } else {
                    bool ok = false;
                    const QString text = QInputDialog::getText(this, tr("Add Field"),
                                                               tr("Value for %1:").arg(fieldPath),
                                                               QLineEdit::Normal, QString(), &ok);
                    if (ok)
                        emitEdit(edit::FieldEdit::Set, fieldPath,
                                 PropertyTreeModel::valueFromText(s, text));
                }
            });
        }
    }
    if (index.isValid() && m_model->isRemovableAt(index)) {
        menu.addSeparator();
        menu.addAction(tr("Remove %1").arg(path), this,
                       [this, path] { emitEdit(edit::FieldEdit::Remove, path, {}); });
    }
    if (!menu.isEmpty())
        menu.exec(m_tree->viewport()->mapToGlobal(pos));
}

} // namespace egret::views

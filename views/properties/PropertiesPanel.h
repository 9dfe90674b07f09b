#pragma once

#include "model/core/Ids.h"
#include "model/edit/FieldEdit.h"

#include <QWidget>

class QLabel;
class QStackedWidget;
class QTextBrowser;
class QTreeView;

namespace egret {
class Workspace;
}

namespace egret::views {

class PropertyTreeModel;

// Why a hop or node exists: the resources and fields that make it, for the Properties dock.
struct Explanation {
    QString title;   // "shop/frontend -> istio-egressgateway, port 80, ISTIO_MUTUAL"
    QString summary; // a sentence
    struct Source {
        ResourceId resource;
        QString resourceLabel; // "VirtualService shop/httpbin-through-egress"
        QString path;          // "spec.http[0].route[0]"
        QString note;          // what this field contributes
    };
    QVector<Source> sources;
};

// The Properties dock: the selected resource's fields as a form typed by its kind's schema, or, for
// a selected hop or node, the explanation of where it comes from. Edits are emitted, not applied:
// the owner turns each into one undoable change.
class PropertiesPanel : public QWidget {
    Q_OBJECT

public:
    explicit PropertiesPanel(QWidget *parent = nullptr);

    void showResource(const Workspace &ws, const ResourceId &id);
    void showExplanation(const Explanation &explanation);
    void clear();
    ResourceId resourceId() const { return m_resource; }
    // Selects the row of a field (resource-relative path), as when a problem is activated.
    bool revealField(const QString &path);

    QTreeView *view() const { return m_tree; }
    PropertyTreeModel *model() const { return m_model; }

Q_SIGNALS:
    // A path inside the resource's document (List items included) and what to do there.
    void editRequested(const egret::ResourceId &id, const egret::edit::FieldEdit &edit);
    void resourceActivated(const egret::ResourceId &id, const QString &path);

private:
    void contextMenu(const QPoint &pos);
    void emitEdit(edit::FieldEdit::Operation op, const QString &path, const YAML::Node &value);

    QLabel *m_header = nullptr;
    QStackedWidget *m_pages = nullptr;
    QTreeView *m_tree = nullptr;
    QTextBrowser *m_explanation = nullptr;
    PropertyTreeModel *m_model = nullptr;
    ResourceId m_resource;
    QString m_basePath;
    QVector<Explanation::Source> m_sources;
};

} // namespace egret::views

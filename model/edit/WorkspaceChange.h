#pragma once

#include "model/core/Ids.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVector>

namespace egret {
class Workspace;
}

namespace egret::edit {

// A reversible set of document operations over a Workspace: what one user gesture changes.
// `apply` and `revert` are exact inverses: revert gives back byte-identical files. The editor
// wraps one WorkspaceChange in one QUndoCommand (redo = apply, undo = revert).
//
// Operations address documents by file path and position, not by DocumentId: ids are never
// reused, so a document removed and inserted again by undo/redo gets a new one. Every
// operation records the bytes it expects to find and refuses to act when the workspace no
// longer holds them (someone changed the document in between).
class WorkspaceChange {
public:
    struct Operation {
        enum class Type { ReplaceText, InsertDocument, RemoveDocument, CreateFile };
        Type type = Type::ReplaceText;
        QString file;
        int position = 0;   // index of the document in its file
        QByteArray before;  // ReplaceText, RemoveDocument: the document's text
        QByteArray after;   // ReplaceText, InsertDocument: the new text
        int afterCount = 1; // ReplaceText: documents `after` split into (it may hold `---`)
    };

    WorkspaceChange() = default;
    explicit WorkspaceChange(QString description)
        : m_description(std::move(description)) {}

    // "Add route to api.example.com:443 (tls-passthrough)": the undo command's text.
    const QString &description() const { return m_description; }
    void setDescription(const QString &text) { m_description = text; }

    const QVector<Operation> &operations() const { return m_ops; }
    bool isEmpty() const { return m_ops.isEmpty(); }
    QStringList files() const; // the files it touches, in first-touch order
    // Why it must not touch one of them (rendered input, read-only), or empty. `apply` refuses
    // such a change; a recorder's caller checks before keeping what it recorded.
    QString writeRefusal(const Workspace &ws) const;
    void append(const Operation &op) { m_ops.append(op); }

    // Both stop at the first operation that does not fit the workspace, undo what they did so
    // far, and say why; the workspace is then as before the call.
    bool apply(Workspace &ws, QString *error = nullptr) const;
    bool revert(Workspace &ws, QString *error = nullptr) const;

private:
    QString m_description;
    QVector<Operation> m_ops;
};

// Performs edits on a workspace and records them as a WorkspaceChange. Recipes run it on a
// copy of the user's workspace; the recorded change is then applied to the real one.
class ChangeRecorder {
public:
    explicit ChangeRecorder(Workspace &ws)
        : m_ws(ws) {}

    Workspace &workspace() { return m_ws; }

    QVector<DocumentId> replaceText(DocumentId id, const QByteArray &text);
    DocumentId insertDocument(int file, int position, const QByteArray &text);
    // As Workspace::appendDocument: a `---` line before the body when the file has content.
    DocumentId appendDocument(int file, const QByteArray &body);
    void removeDocument(DocumentId id);
    int createFile(const QString &path);

    const WorkspaceChange &change() const { return m_change; }
    WorkspaceChange take(const QString &description);

private:
    int position(DocumentId id) const;

    Workspace &m_ws;
    WorkspaceChange m_change;
};

} // namespace egret::edit

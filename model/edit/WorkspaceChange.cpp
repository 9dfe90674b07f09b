#include "model/edit/WorkspaceChange.h"

#include "model/workspace/Workspace.h"

namespace egret::edit {

namespace {

using Op = WorkspaceChange::Operation;

bool fail(QString *error, const QString &message) {
    if (error)
        *error = message;
    return false;
}

QString documentName(const Op &op) {
    return QStringLiteral("document %1 of %2").arg(op.position + 1).arg(op.file);
}

// The ids of `count` documents from `position` in the file, or nothing when it has fewer.
QVector<DocumentId> documentsAt(const Workspace &ws, int file, int position, int count) {
    const QVector<DocumentId> &docs = ws.files()[file].documents;
    if (position < 0 || count < 0 || position + count > docs.size())
        return {};
    return docs.mid(position, count);
}

QByteArray textOf(const Workspace &ws, const QVector<DocumentId> &ids) {
    QByteArray out;
    for (DocumentId id : ids)
        out += ws.document(id)->text;
    return out;
}

bool forward(Workspace &ws, const Op &op, QString *error) {
    const int file = ws.fileIndex(op.file);
    if (op.type == Op::Type::CreateFile) {
        if (file >= 0)
            return fail(error, QStringLiteral("%1 is already open").arg(op.file));
        ws.createFile(op.file);
        return true;
    }
    if (file < 0)
        return fail(error, QStringLiteral("%1 is not open").arg(op.file));
    if (const QString refusal = writeRefusal(ws.files()[file]); !refusal.isEmpty())
        return fail(error, refusal);
    switch (op.type) {
    case Op::Type::ReplaceText:
    case Op::Type::RemoveDocument: {
        const QVector<DocumentId> ids = documentsAt(ws, file, op.position, 1);
        if (ids.isEmpty() || ws.document(ids[0])->text != op.before)
            return fail(error,
                        QStringLiteral("%1 changed since the edit was made").arg(documentName(op)));
        if (op.type == Op::Type::ReplaceText)
            ws.setDocumentText(ids[0], op.after);
        else
            ws.removeDocument(ids[0]);
        return true;
    }
    case Op::Type::InsertDocument:
        if (op.position > ws.files()[file].documents.size())
            return fail(
                error, QStringLiteral("%1 has fewer documents than the edit expects").arg(op.file));
        ws.insertDocument(file, op.position, op.after);
        return true;
    case Op::Type::CreateFile:
        break;
    }
    return true;
}

bool backward(Workspace &ws, const Op &op, QString *error) {
    const int file = ws.fileIndex(op.file);
    if (file < 0)
        return fail(error, QStringLiteral("%1 is not open").arg(op.file));
    switch (op.type) {
    case Op::Type::CreateFile:
        if (!ws.files()[file].documents.isEmpty())
            return fail(error, QStringLiteral("%1 has documents again").arg(op.file));
        ws.removeFile(file);
        return true;
    case Op::Type::ReplaceText:
    case Op::Type::InsertDocument: {
        const int count = op.type == Op::Type::ReplaceText ? op.afterCount : 1;
        const QVector<DocumentId> ids = documentsAt(ws, file, op.position, count);
        if (ids.isEmpty() || textOf(ws, ids) != op.after)
            return fail(error,
                        QStringLiteral("%1 changed since the edit was made").arg(documentName(op)));
        for (int i = int(ids.size()) - 1; i >= 1; --i)
            ws.removeDocument(ids[i]);
        if (op.type == Op::Type::ReplaceText)
            ws.setDocumentText(ids[0], op.before);
        else
            ws.removeDocument(ids[0]);
        return true;
    }
    case Op::Type::RemoveDocument:
        if (op.position > ws.files()[file].documents.size())
            return fail(
                error, QStringLiteral("%1 has fewer documents than the edit expects").arg(op.file));
        ws.insertDocument(file, op.position, op.before);
        return true;
    }
    return true;
}

} // namespace

QString WorkspaceChange::writeRefusal(const Workspace &ws) const {
    for (const QString &path : files())
        if (const int file = ws.fileIndex(path); file >= 0)
            if (const QString refusal = egret::writeRefusal(ws.files()[file]); !refusal.isEmpty())
                return refusal;
    return {};
}

QStringList WorkspaceChange::files() const {
    QStringList out;
    for (const Operation &op : m_ops)
        if (!out.contains(op.file))
            out.append(op.file);
    return out;
}

bool WorkspaceChange::apply(Workspace &ws, QString *error) const {
    for (int i = 0; i < m_ops.size(); ++i) {
        if (!forward(ws, m_ops[i], error)) {
            for (int j = i - 1; j >= 0; --j)
                backward(ws, m_ops[j], nullptr);
            return false;
        }
    }
    return true;
}

bool WorkspaceChange::revert(Workspace &ws, QString *error) const {
    for (int i = int(m_ops.size()) - 1; i >= 0; --i) {
        if (!backward(ws, m_ops[i], error)) {
            for (int j = i + 1; j < m_ops.size(); ++j)
                forward(ws, m_ops[j], nullptr);
            return false;
        }
    }
    return true;
}

int ChangeRecorder::position(DocumentId id) const {
    const SourceDocument *d = m_ws.document(id);
    return d ? int(m_ws.files()[d->file].documents.indexOf(id)) : -1;
}

QVector<DocumentId> ChangeRecorder::replaceText(DocumentId id, const QByteArray &text) {
    const SourceDocument *d = m_ws.document(id);
    Op op;
    op.type = Op::Type::ReplaceText;
    op.file = m_ws.files()[d->file].path;
    op.position = position(id);
    op.before = d->text;
    const QVector<DocumentId> ids = m_ws.setDocumentText(id, text);
    op.after = textOf(m_ws, ids);
    op.afterCount = int(ids.size());
    if (op.after != op.before)
        m_change.append(op);
    return ids;
}

DocumentId ChangeRecorder::insertDocument(int file, int position, const QByteArray &text) {
    const DocumentId id = m_ws.insertDocument(file, position, text);
    Op op;
    op.type = Op::Type::InsertDocument;
    op.file = m_ws.files()[file].path;
    op.position = position;
    op.after = m_ws.document(id)->text;
    m_change.append(op);
    return id;
}

DocumentId ChangeRecorder::appendDocument(int file, const QByteArray &body) {
    const DocumentId id = m_ws.appendDocument(file, body);
    Op op;
    op.type = Op::Type::InsertDocument;
    op.file = m_ws.files()[file].path;
    op.position = position(id);
    op.after = m_ws.document(id)->text;
    m_change.append(op);
    return id;
}

void ChangeRecorder::removeDocument(DocumentId id) {
    const SourceDocument *d = m_ws.document(id);
    Op op;
    op.type = Op::Type::RemoveDocument;
    op.file = m_ws.files()[d->file].path;
    op.position = position(id);
    op.before = d->text;
    m_ws.removeDocument(id);
    m_change.append(op);
}

int ChangeRecorder::createFile(const QString &path) {
    Op op;
    op.type = Op::Type::CreateFile;
    op.file = path;
    m_change.append(op);
    return m_ws.createFile(path);
}

WorkspaceChange ChangeRecorder::take(const QString &description) {
    WorkspaceChange out = std::move(m_change);
    out.setDescription(description);
    m_change = WorkspaceChange();
    return out;
}

} // namespace egret::edit

// Loading a stream into the model, exporting what loaded, and editing its documents.
//
// Properties that must hold for any bytes:
// - loading keeps the bytes: the file saves back as it was read;
// - an edit that puts back what was there (the same text, a removed document re-inserted, an
//   appended document removed) gives back the same bytes and the same diagnostics;
// - after any edit, documents know their lines and every location is inside its document;
// - export is deterministic, and what it writes loads again and exports to the same bytes.
#include "checks/FuzzChecks.h"

#include "model/io/Exporter.h"
#include "model/io/Loader.h"

#include <QStringList>

namespace egret::fuzz {

namespace {

// Edits cost a re-parse each: a few documents find the same bugs as all of them.
constexpr int kMaxEditedDocuments = 2;

QStringList describe(const Diagnostics &diags) {
    QStringList out;
    for (const Diagnostic &d : diags)
        out << d.toString() + QLatin1Char('|') + d.resource.toString();
    return out;
}

// The workspace's own bookkeeping: every document starts on the line after the ones above it,
// and the resources and diagnostics it holds point inside it.
QString checkLines(const Workspace &ws) {
    const SourceFile &file = ws.files().at(0);
    int line = 0;
    for (DocumentId id : file.documents) {
        const SourceDocument *d = ws.document(id);
        if (!d)
            return QStringLiteral("document %1 is listed but gone").arg(id);
        if (d->firstLine != line)
            return QStringLiteral("document %1 starts at line %2, expected %3")
                .arg(id)
                .arg(d->firstLine)
                .arg(line);
        const int lines = int(d->text.count('\n'));
        for (const Resource &r : d->resources)
            if (r.location.line < d->firstLine + 1 || r.location.line > d->firstLine + lines + 1)
                return QStringLiteral("resource at line %1 is outside its document (%2..%3)")
                    .arg(r.location.line)
                    .arg(d->firstLine + 1)
                    .arg(d->firstLine + lines + 1);
        for (const Diagnostic &diag : d->diagnostics)
            if (diag.location.line < d->firstLine + 1 ||
                diag.location.line > d->firstLine + lines + 1)
                return QStringLiteral("diagnostic outside its document: ") + diag.toString();
        line += lines;
    }
    return {};
}

// After an edit that should have restored the file.
QString checkRestored(const Workspace &ws, const QByteArray &bytes, const QStringList &diags,
                      const char *edit) {
    if (ws.fileBytes(0) != bytes)
        return QStringLiteral("%1 did not give back the file's bytes").arg(QLatin1String(edit));
    if (describe(ws.diagnostics()) != diags)
        return QStringLiteral("%1 changed the diagnostics:\n%2\n-- now --\n%3")
            .arg(QLatin1String(edit), diags.join(QLatin1Char('\n')),
                 describe(ws.diagnostics()).join(QLatin1Char('\n')));
    return checkLines(ws);
}

QString checkLocate(const Workspace &ws) {
    QString failure;
    ws.forEachResource([&](const Resource &r) {
        if (!failure.isEmpty())
            return;
        const SourceDocument *d = ws.document(r.id.document);
        const int last = d->firstLine + int(d->text.count('\n')) + 1;
        QStringList paths = r.unknownFields;
        paths << QStringLiteral("metadata.name") << QStringLiteral("spec");
        for (const Diagnostic &diag : d->diagnostics)
            if (diag.resourceId == r.id && !diag.path.isEmpty())
                paths << diag.path.mid(r.basePath.isEmpty() ? 0 : r.basePath.size() + 1);
        for (const QString &path : paths) {
            const SourceLocation at = ws.locate(r.id, path);
            if (at.line != 0 && (at.line <= d->firstLine || at.line > last))
                failure = QStringLiteral("locate(%1) gave line %2, outside %3..%4")
                              .arg(path)
                              .arg(at.line)
                              .arg(d->firstLine + 1)
                              .arg(last);
        }
    });
    return failure;
}

QString checkExport(const Workspace &ws) {
    ExportOptions force;
    force.force = true;
    const ExportResult first = exportWorkspace(ws, force);
    if (exportWorkspace(ws, force).yaml != first.yaml)
        return QStringLiteral("export is not deterministic");
    if (!first.ok || first.documents == 0)
        return {};
    // What export writes is the normalized form: reading it back changes nothing.
    LoadOptions oneThread;
    oneThread.threads = 1;
    const Workspace again = loadBytes(QStringLiteral("exported.yaml"), first.yaml, oneThread);
    const ExportResult second = exportWorkspace(again, force);
    if (!second.ok)
        return QStringLiteral("the exported stream does not load cleanly: ") +
               second.problems.value(0).toString() + QStringLiteral("\n") +
               QString::fromUtf8(first.yaml);
    if (second.yaml != first.yaml)
        return QStringLiteral("exporting the export changed it:\n") +
               QString::fromUtf8(first.yaml) + QStringLiteral("-- became --\n") +
               QString::fromUtf8(second.yaml);
    return {};
}

QString checkEdits(Workspace &ws, const QByteArray &bytes) {
    const QStringList diags = describe(ws.diagnostics());
    const QVector<DocumentId> ids = ws.files().at(0).documents;

    for (int i = 0; i < ids.size() && i < kMaxEditedDocuments; ++i) {
        // The same text again.
        const DocumentId id = ws.files().at(0).documents.at(i);
        const QByteArray text = ws.document(id)->text;
        const QVector<DocumentId> now = ws.setDocumentText(id, text);
        if (now.size() == 1) {
            if (QString f = checkRestored(ws, bytes, diags, "setting a document's own text");
                !f.isEmpty())
                return f;
        } else if (ws.fileBytes(0) != bytes) {
            // An opaque document (UTF-16) may split once read as text; its bytes may not change.
            return QStringLiteral("setting a document's own text changed the bytes");
        } else {
            return checkLines(ws); // the documents moved; the rest would compare other things
        }
        // Removed, then inserted where it was.
        ws.removeDocument(id);
        if (QString f = checkLines(ws); !f.isEmpty())
            return QStringLiteral("after removing a document: ") + f;
        ws.insertDocument(0, i, text);
        if (QString f = checkRestored(ws, bytes, diags, "re-inserting a removed document");
            !f.isEmpty())
            return f;
    }

    // A document appended and removed again; its body comes from the input.
    const QVector<DocumentId> &current = ws.files().at(0).documents;
    const QByteArray body =
        current.isEmpty() ? QByteArray("a: 1\n") : ws.document(current.last())->text;
    const DocumentId added = ws.appendDocument(0, body);
    if (QString f = checkLines(ws); !f.isEmpty())
        return QStringLiteral("after appending a document: ") + f;
    ws.removeDocument(added);
    if (QString f = checkRestored(ws, bytes, diags, "removing an appended document"); !f.isEmpty())
        return f;

    // Any other text in place of a document: the first one gets the whole input reversed in
    // halves, which moves separators and content around.
    if (!ids.isEmpty()) {
        const DocumentId first = ws.files().at(0).documents.at(0);
        const QByteArray swapped = bytes.mid(bytes.size() / 2) + bytes.left(bytes.size() / 2);
        ws.setDocumentText(first, swapped);
        if (QString f = checkLines(ws); !f.isEmpty())
            return QStringLiteral("after replacing a document: ") + f;
        if (QString f = checkLocate(ws); !f.isEmpty())
            return QStringLiteral("after replacing a document: ") + f;
        exportWorkspace(ws);
    }
    return {};
}

} // namespace

QString checkLoadStream(const QByteArray &input) {
    LoadOptions options;
    options.threads = 1; // the result does not depend on it; one thread keeps runs reproducible
    Workspace ws = loadBytes(QStringLiteral("fuzz.yaml"), input, options);
    if (ws.files().size() != 1)
        return QStringLiteral("expected one file");
    if (ws.fileBytes(0) != input)
        return QStringLiteral("loading changed the bytes");
    if (QString f = checkLines(ws); !f.isEmpty())
        return f;
    if (QString f = checkLocate(ws); !f.isEmpty())
        return f;
    if (QString f = checkExport(ws); !f.isEmpty())
        return f;
    return checkEdits(ws, input);
}

} // namespace egret::fuzz

#pragma once

#include "model/core/Diagnostic.h"
#include "model/decode/DocumentParser.h"
#include "model/resources/Resource.h"

#include <QByteArray>
#include <QDateTime>
#include <QVector>

#include <functional>
#include <memory>
#include <vector>

namespace egret {

class ParseCache;

// One YAML document of a file, exactly as its bytes are in the file (from its `---` line, or
// the file's start, up to the next document). Its resources are derived from those bytes.
struct SourceDocument {
    DocumentId id = 0;
    int file = -1;     // index into Workspace::files()
    int firstLine = 0; // 0-based line of the document's first byte in its file
    QByteArray text;
    bool hasContent = false;
    bool parsed = false;
    bool modified = false; // its text differs from what was read
    // The workspace revision at which its text or resources last changed (a view that follows
    // the workspace compares it with what it saw; see DocumentTracker).
    quint64 revision = 0;
    Diagnostics diagnostics;
    QVector<Resource> resources;
};

// What was last read from or written to a file, to notice changes made by other programs.
struct DiskState {
    bool exists = false;
    qint64 size = 0;
    QDateTime modified;
    QByteArray digest; // SHA-256 of the bytes
};

struct SourceFile {
    QString path;
    QVector<DocumentId> documents; // in file order
    Diagnostics diagnostics;       // about the file as a whole
    bool modified = false;         // its bytes differ from what was read or last written
    DiskState disk;
    // The command whose output this is ("kubectl kustomize overlays/prod"), when the file is
    // rendered input: read-only, as nothing is ever written back into rendered output.
    QString renderedBy;
};

// Why a file must not be written or edited (it is rendered output), or empty when it may be.
QString writeRefusal(const SourceFile &file);

// The open manifests: files, their documents and the resources read from them. The text of
// every document is the source of truth, so untouched documents save back byte for byte and an
// edit re-reads only the document it changes.
class Workspace {
public:
    Workspace();

    const QVector<SourceFile> &files() const { return m_files; }
    int fileIndex(const QString &path) const;

    const SourceDocument *document(DocumentId id) const;
    const Resource *resource(const ResourceId &id) const;
    QVector<const Resource *> resources() const; // in file and document order

    template <class F> void forEachResource(F &&f) const {
        for (const SourceFile &file : m_files)
            for (DocumentId id : file.documents)
                for (const Resource &r : m_docs[id - 1].resources)
                    f(r);
    }

    // Every load-time diagnostic (files, then documents), in file order.
    Diagnostics diagnostics() const;
    bool isModified() const;
    quint64 revision() const { return m_revision; }

    const ParseOptions &parseOptions() const { return m_options; }
    void setDefaultNamespace(const QString &ns);

    // Where a field of a resource is (its key), or the resource itself when the path does not
    // exist. Re-reads the document text, so it is meant for findings, not for hot loops.
    SourceLocation locate(const ResourceId &id, const QString &fieldPath) const;

    // ---- Building (used by the loader) ------------------------------------------------------
    int addFile(const QString &path, const Diagnostics &fileDiagnostics = {});
    DocumentId appendParsed(int file, QByteArray text, int firstLine, ParsedDocument parsed);
    void setParseOptions(const ParseOptions &options) { m_options = options; }
    void setDiskState(int file, const DiskState &state);
    void setRenderedBy(int file, const QString &command);
    void markModified(int file); // a file whose bytes are not what is on disk (recovered work)

    // ---- Edits: each re-reads the documents it touches --------------------------------------
    // Replaces a document's text. Text holding several documents (`---`) becomes several; the
    // returned ids are the documents now standing where the old one was.
    QVector<DocumentId> setDocumentText(DocumentId id, const QByteArray &text);
    // Adds a document at the end of a file, after a `---` line.
    DocumentId appendDocument(int file, const QByteArray &body);
    // Inserts one document at a position in a file; text is taken as is (the caller's
    // separators), so that removing it gives back the file it was inserted into. Text holding
    // several documents gets an error diagnostic (use setDocumentText to split).
    DocumentId insertDocument(int file, int position, const QByteArray &text);
    void removeDocument(DocumentId id);
    int createFile(const QString &path); // a new, empty file that will be written on save
    // Forgets a file and its documents (undoing createFile); later files' indices shift down.
    void removeFile(int file);

    // ---- Saving (writing is io/Saver.h's) -----------------------------------------------------
    QByteArray fileBytes(int file) const;
    // The file's bytes are now on disk at `path` (which it takes, after a "Save As"), as `disk`
    // says: nothing of it is modified any more.
    void markSaved(int file, const QString &path, const DiskState &disk);
    // True when the file on disk is no longer what was read or last written.
    bool changedOnDisk(int file) const;
    static DiskState readDiskState(const QString &path, const QByteArray *bytes = nullptr);

private:
    SourceDocument &doc(DocumentId id) { return m_docs[id - 1]; }
    DocumentId newDocument(int file, QByteArray text, int firstLine, ParsedDocument parsed);
    void reparse(SourceDocument &d);
    void remember(const SourceDocument &d); // keeps a large document's parse for undo
    ParseCache &parseCache();
    // After the documents [from, from + changed) of a file got new text (or were inserted, or
    // one at `from` removed): their first lines, and those after them moved together.
    void renumberLines(int file, int from, int changed);
    void touch(int file);

    QVector<SourceFile> m_files;
    std::vector<SourceDocument> m_docs; // by id - 1; removed documents keep their slot
    ParseOptions m_options;
    quint64 m_revision = 0;
    // Shared with copies: a document read in one (a recipe's scratch copy) is not read again
    // in another (the editor's, when the recipe's change is applied).
    std::shared_ptr<ParseCache> m_parseCache;
};

} // namespace egret

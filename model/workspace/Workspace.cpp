#include "model/workspace/Workspace.h"

#include "model/workspace/ParseCache.h"
#include "model/yaml/NodeTreeLocator.h"
#include "model/yaml/StreamSplitter.h"
#include "model/yaml/TemplateActions.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

namespace egret {

namespace {

int lineCount(const QByteArray &text) {
    return int(text.count('\n'));
}

void shiftLines(SourceDocument &d, int delta) {
    d.firstLine += delta;
    for (Diagnostic &diag : d.diagnostics)
        if (diag.location.line > 0)
            diag.location.line += delta;
    for (Resource &r : d.resources)
        if (r.location.line > 0)
            r.location.line += delta;
}

// The documents a text holds. A Helm template stays one, as the loader keeps it: its `---`
// lines may sit between actions, and it is not YAML to split.
QVector<yaml::Chunk> documentChunks(const QByteArray &text) {
    if (yaml::findTemplateAction(std::string_view(text.constData(), std::size_t(text.size()))))
        return {yaml::Chunk{0, text.size(), 0}};
    return yaml::splitStream(text);
}

// Gives a document's resources and their diagnostics the document's id.
void stampIds(SourceDocument &d) {
    for (Resource &r : d.resources)
        r.id.document = d.id;
    for (Diagnostic &diag : d.diagnostics)
        if (!diag.resource.kind.isEmpty() || !diag.resource.name.isEmpty())
            diag.resourceId.document = d.id;
}

} // namespace

QString writeRefusal(const SourceFile &file) {
    if (file.renderedBy.isEmpty())
        return {};
    return QStringLiteral("%1 is the output of `%2`: Egret never writes into rendered output "
                          "(export it to a new file or folder, or edit the sources it is "
                          "rendered from)")
        .arg(file.path, file.renderedBy);
}

Workspace::Workspace()
    : m_parseCache(std::make_shared<ParseCache>()) {
}

int Workspace::fileIndex(const QString &path) const {
    for (int i = 0; i < m_files.size(); ++i)
        if (m_files[i].path == path)
            return i;
    return -1;
}

const SourceDocument *Workspace::document(DocumentId id) const {
    if (id == 0 || id > m_docs.size() || m_docs[id - 1].file < 0)
        return nullptr;
    return &m_docs[id - 1];
}

const Resource *Workspace::resource(const ResourceId &id) const {
    const SourceDocument *d = document(id.document);
    if (!d)
        return nullptr;
    for (const Resource &r : d->resources)
        if (r.id.item == id.item)
            return &r;
    return nullptr;
}

QVector<const Resource *> Workspace::resources() const {
    QVector<const Resource *> out;
    forEachResource([&](const Resource &r) { out.append(&r); });
    return out;
}

Diagnostics Workspace::diagnostics() const {
    Diagnostics out;
    for (const SourceFile &file : m_files) {
        out += file.diagnostics;
        for (DocumentId id : file.documents)
            out += m_docs[id - 1].diagnostics;
    }
    return out;
}

bool Workspace::isModified() const {
    for (const SourceFile &f : m_files)
        if (f.modified)
            return true;
    return false;
}

void Workspace::setDefaultNamespace(const QString &ns) {
    m_options.defaultNamespace = ns;
    ++m_revision;
    for (SourceDocument &d : m_docs) {
        d.revision = m_revision;
        for (Resource &r : d.resources)
            r.ns = effectiveNamespace(r.kind, r.meta.ns, ns);
        for (Diagnostic &diag : d.diagnostics) {
            for (const Resource &r : d.resources)
                if (diag.resource.kind == r.kindName && diag.resource.name == r.meta.name)
                    diag.resource.ns = r.ns;
        }
    }
}

SourceLocation Workspace::locate(const ResourceId &id, const QString &fieldPath) const {
    const SourceDocument *d = document(id.document);
    const Resource *r = resource(id);
    if (!d || !r)
        return {};
    yaml::TextPosition pos;
    if (!yaml::locateInNodeTree(d->text, r->documentPath(fieldPath), &pos))
        return r->location;
    return {m_files[d->file].path, d->firstLine + pos.line + 1, pos.column + 1};
}

void Workspace::setRenderedBy(int file, const QString &command) {
    m_files[file].renderedBy = command;
}

int Workspace::addFile(const QString &path, const Diagnostics &fileDiagnostics) {
    SourceFile f;
    f.path = path;
    f.diagnostics = fileDiagnostics;
    m_files.append(f);
    return int(m_files.size() - 1);
}

DocumentId Workspace::newDocument(int file, QByteArray text, int firstLine, ParsedDocument parsed) {
    SourceDocument d;
    d.id = DocumentId(m_docs.size() + 1);
    d.file = file;
    d.firstLine = firstLine;
    d.text = std::move(text);
    d.hasContent = parsed.hasContent;
    d.parsed = parsed.parsed;
    d.diagnostics = std::move(parsed.diagnostics);
    d.resources = std::move(parsed.resources);
    d.revision = ++m_revision;
    stampIds(d);
    m_docs.push_back(std::move(d));
    return m_docs.back().id;
}

DocumentId Workspace::appendParsed(int file, QByteArray text, int firstLine,
                                   ParsedDocument parsed) {
    const DocumentId id = newDocument(file, std::move(text), firstLine, std::move(parsed));
    m_files[file].documents.append(id);
    return id;
}

void Workspace::setDiskState(int file, const DiskState &state) {
    m_files[file].disk = state;
}

void Workspace::markModified(int file) {
    m_files[file].modified = true;
    ++m_revision;
}

void Workspace::reparse(SourceDocument &d) {
    const QString &path = m_files[d.file].path;
    std::optional<ParsedDocument> known = parseCache().find(d.text, path, d.firstLine, m_options);
    if (!known) {
        known = parseDocument(d.text, path, d.firstLine, m_options);
        parseCache().insert(d.text, path, d.firstLine, m_options, *known);
    }
    ParsedDocument &p = *known;
    d.hasContent = p.hasContent;
    d.parsed = p.parsed;
    d.diagnostics = std::move(p.diagnostics);
    d.resources = std::move(p.resources);
    d.revision = ++m_revision;
    stampIds(d);
}

void Workspace::remember(const SourceDocument &d) {
    if (d.text.size() < ParseCache::kMinBytes || d.file < 0)
        return;
    parseCache().insert(d.text, m_files[d.file].path, d.firstLine, m_options,
                        {d.resources, d.diagnostics, d.hasContent, d.parsed});
}

ParseCache &Workspace::parseCache() {
    if (!m_parseCache) // moved from
        m_parseCache = std::make_shared<ParseCache>();
    return *m_parseCache;
}

void Workspace::renumberLines(int file, int from, int changed) {
    const QVector<DocumentId> &order = m_files[file].documents;
    int line = 0;
    if (from > 0) {
        const SourceDocument &previous = doc(order[from - 1]);
        line = previous.firstLine + lineCount(previous.text);
    }
    int i = from;
    for (; i < order.size() && i < from + changed; ++i) {
        SourceDocument &d = doc(order[i]);
        if (d.firstLine != line)
            shiftLines(d, line - d.firstLine);
        line += lineCount(d.text);
    }
    // The documents after the change kept their text: they move together, and counting the
    // lines of a large file at each keystroke is what this saves.
    if (i >= order.size())
        return;
    const int delta = line - doc(order[i]).firstLine;
    if (delta == 0)
        return;
    for (; i < order.size(); ++i)
        shiftLines(doc(order[i]), delta);
}

void Workspace::touch(int file) {
    // Modified means "differs from the disk": undoing back to the saved bytes is not modified.
    // Sizes are compared first so that most edits cost no hashing.
    SourceFile &f = m_files[file];
    f.modified = true;
    if (f.disk.exists && !f.disk.digest.isEmpty()) {
        qsizetype size = 0;
        for (DocumentId id : f.documents)
            size += m_docs[id - 1].text.size();
        if (size == f.disk.size)
            f.modified = QCryptographicHash::hash(fileBytes(file), QCryptographicHash::Sha256) !=
                         f.disk.digest;
    }
    ++m_revision;
}

QVector<DocumentId> Workspace::setDocumentText(DocumentId id, const QByteArray &text) {
    SourceDocument &d = doc(id);
    const int file = d.file;
    QByteArray own = text;
    QVector<DocumentId> &order = m_files[file].documents;
    const int position = int(order.indexOf(id));
    // A document followed by another must end its last line, or the next `---` would join it;
    // unless the next one starts with the line break (appendDocument gives it that break, and
    // undoing an edit above it must give back the text exactly).
    if (position + 1 < order.size() && !own.isEmpty() && !own.endsWith('\n')) {
        const QByteArray &next = doc(order[position + 1]).text;
        if (!next.startsWith('\n') && !next.startsWith("\r\n"))
            own.append('\n');
    }

    const QVector<yaml::Chunk> chunks = documentChunks(own);
    QVector<DocumentId> ids;
    for (int i = 0; i < chunks.size(); ++i) {
        const QByteArray part = own.mid(chunks[i].offset, chunks[i].length);
        if (i == 0) {
            SourceDocument &first = doc(id);
            remember(first); // undo brings this text back
            first.text = part;
            first.modified = true;
            reparse(first);
            ids.append(id);
        } else {
            const DocumentId added = newDocument(file, part, 0, {});
            doc(added).modified = true;
            m_files[file].documents.insert(position + i, added);
            ids.append(added);
        }
    }
    renumberLines(file, position, int(chunks.size()));
    for (DocumentId added : ids.mid(1))
        reparse(doc(added));
    touch(file);
    return ids;
}

DocumentId Workspace::appendDocument(int file, const QByteArray &body) {
    QByteArray text;
    const QVector<DocumentId> &order = m_files[file].documents;
    bool previousHasContent = false;
    bool endsWithNewline = true;
    for (DocumentId id : order) {
        previousHasContent = previousHasContent || doc(id).hasContent;
        if (!doc(id).text.isEmpty())
            endsWithNewline = doc(id).text.endsWith('\n');
    }
    // The separator belongs to the new document, so removing it restores the file exactly.
    if (!endsWithNewline)
        text += '\n';
    if (!body.startsWith("---") && (previousHasContent || !order.isEmpty()))
        text += "---\n";
    text += body;
    if (!text.endsWith('\n'))
        text += '\n';
    return insertDocument(file, int(order.size()), text);
}

DocumentId Workspace::insertDocument(int file, int position, const QByteArray &text) {
    const DocumentId id = newDocument(file, text, 0, {});
    SourceDocument &d = doc(id);
    d.modified = true;
    m_files[file].documents.insert(position, id);
    renumberLines(file, position, 1);
    reparse(doc(id));
    // One document per call (undo relies on it); more would be read as the first only, so say so.
    const QVector<yaml::Chunk> chunks = documentChunks(text);
    int documents = 0;
    for (const yaml::Chunk &c : chunks)
        documents += c.length > 0 ? 1 : 0;
    if (documents > 1) {
        Diagnostic d;
        d.code = codes::Structure;
        d.location = {m_files[file].path, doc(id).firstLine + 1, 1};
        d.message =
            QStringLiteral("this text holds %1 YAML documents where one was expected; only the "
                           "first is read")
                .arg(documents);
        doc(id).diagnostics.append(d);
    }
    touch(file);
    return id;
}

void Workspace::removeDocument(DocumentId id) {
    SourceDocument &d = doc(id);
    remember(d); // undo brings it back
    const int file = d.file;
    const int position = int(m_files[file].documents.indexOf(id));
    if (position < 0)
        return;
    m_files[file].documents.removeAt(position);
    d.file = -1; // the slot stays so that ids are never reused
    d.text.clear();
    d.resources.clear();
    d.diagnostics.clear();
    renumberLines(file, position, 0);
    touch(file);
}

int Workspace::createFile(const QString &path) {
    const int file = addFile(path);
    m_files[file].modified = true;
    ++m_revision;
    return file;
}

void Workspace::removeFile(int file) {
    for (DocumentId id : m_files[file].documents) {
        SourceDocument &d = doc(id);
        d.file = -1;
        d.text.clear();
        d.resources.clear();
        d.diagnostics.clear();
    }
    m_files.removeAt(file);
    for (SourceDocument &d : m_docs)
        if (d.file > file)
            --d.file;
    ++m_revision;
}

QByteArray Workspace::fileBytes(int file) const {
    QByteArray out;
    qsizetype size = 0;
    for (DocumentId id : m_files[file].documents)
        size += m_docs[id - 1].text.size();
    out.reserve(size);
    for (DocumentId id : m_files[file].documents)
        out += m_docs[id - 1].text;
    return out;
}

DiskState Workspace::readDiskState(const QString &path, const QByteArray *bytes) {
    DiskState s;
    const QFileInfo info(path);
    s.exists = info.exists();
    if (!s.exists)
        return s;
    s.size = info.size();
    s.modified = info.lastModified();
    if (bytes) {
        s.digest = QCryptographicHash::hash(*bytes, QCryptographicHash::Sha256);
    } else {
        QFile f(path);
        if (f.open(QIODevice::ReadOnly))
            s.digest = QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
    }
    return s;
}

bool Workspace::changedOnDisk(int file) const {
    const SourceFile &f = m_files[file];
    const QFileInfo info(f.path);
    if (info.exists() != f.disk.exists)
        return true;
    if (!info.exists())
        return false;
    if (info.size() == f.disk.size && info.lastModified() == f.disk.modified)
        return false;
    // The time stamp moved; compare the content before crying wolf.
    return readDiskState(f.path).digest != f.disk.digest;
}

void Workspace::markSaved(int file, const QString &path, const DiskState &disk) {
    SourceFile &f = m_files[file];
    if (path != f.path) {
        f.path = path;
        for (DocumentId id : f.documents) {
            SourceDocument &d = doc(id);
            for (Diagnostic &diag : d.diagnostics)
                diag.location.file = path;
            for (Resource &r : d.resources)
                r.location.file = path;
        }
    }
    f.modified = false;
    for (DocumentId id : f.documents)
        doc(id).modified = false;
    f.disk = disk;
    ++m_revision;
}

} // namespace egret

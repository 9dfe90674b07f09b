#include "app/gui/EditorSession.h"

#include "app/gui/ChangeCommand.h"
#include "model/io/Loader.h"
#include "model/io/Saver.h"

#include <QFileInfo>
#include <QThread>
#include <QUndoStack>

namespace egret::gui {

namespace {
const QString kUntitled = QStringLiteral("untitled:");
}

EditorSession::EditorSession(QObject *parent)
    : QObject(parent)
    , m_analysis(new LiveAnalysis(this))
    , m_undo(new QUndoStack(this)) {
    connect(m_analysis, &LiveAnalysis::problemsReady, this, &EditorSession::problemsDone);
    connect(m_analysis, &LiveAnalysis::finished, this, &EditorSession::analysisDone);
    connect(m_analysis, &LiveAnalysis::stageChanged, this, &EditorSession::analysisStage);
}

EditorSession::~EditorSession() {
    cancelOpen();
    if (m_loader)
        m_loader->wait();
}

void EditorSession::setMeshConfig(const MeshConfig &mesh) {
    m_mesh = mesh;
    analyze(true);
    Q_EMIT workspaceChanged({});
}

void EditorSession::analyze(bool full) {
    if (full) {
        validation::ValidatorOptions options = m_analysis->options();
        options.mesh = m_mesh;
        m_analysis->setOptions(options);
    }
    m_analysis->request(m_ws, m_generation);
    Q_EMIT analysisStarted();
}

bool EditorSession::isCurrent(const AnalysisResult &result) const {
    // Only the state on screen counts: an older one's problems would point at moved lines.
    return result.generation == m_generation && result.revision == m_ws.revision();
}

void EditorSession::problemsDone(const AnalysisResult &result) {
    if (!isCurrent(result))
        return;
    m_problems = result.problems;
    m_problemsGeneration = result.generation;
    m_problemsRevision = result.revision;
    Q_EMIT problemsChanged();
}

void EditorSession::analysisDone(const AnalysisResult &result) {
    if (!isCurrent(result))
        return;
    const bool problemsShown = areProblemsCurrent();
    m_result = result;
    if (!problemsShown)
        problemsDone(result);
    Q_EMIT analysisFinished();
}

bool EditorSession::areProblemsCurrent() const {
    return m_problemsGeneration == m_generation && m_problemsRevision == m_ws.revision();
}

bool EditorSession::isCatchingUp() const {
    return !isCurrent(m_result) || !areProblemsCurrent();
}

void EditorSession::waitForAnalysis() {
    m_analysis->waitForIdle();
}

bool EditorSession::isUntitled(const QString &path) {
    return path.startsWith(kUntitled);
}

void EditorSession::newWorkspace() {
    Workspace ws;
    ws.createFile(kUntitled + QString::number(++m_untitled) + QStringLiteral(".yaml"));
    adoptWorkspace(std::move(ws));
    m_openedPaths.clear();
}

void EditorSession::adoptWorkspace(Workspace ws) {
    replaceWorkspace(std::move(ws));
    Q_EMIT workspaceReplaced();
}

void EditorSession::replaceWorkspace(Workspace ws) {
    m_ws = std::move(ws);
    ++m_generation;
    m_result = AnalysisResult{}; // nothing of the previous workspace stays on screen
    m_result.generation = m_generation - 1;
    m_problems.clear();
    m_problemsGeneration = m_generation - 1;
    m_undo->clear();
    analyze(true);
}

void EditorSession::open(const QStringList &paths, const InputOptions &inputs) {
    if (m_loader)
        return;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    auto cancel = m_cancel;
    auto result = std::make_shared<Workspace>();
    auto problems = std::make_shared<Diagnostics>();
    auto files = std::make_shared<QStringList>();
    QPointer<EditorSession> self(this);
    m_loader = QThread::create([=] {
        InputOptions planOptions = inputs;
        planOptions.cancel = cancel.get();
        const QVector<LoadInput> sources = planInputs(paths, planOptions, problems.get());
        for (const LoadInput &source : sources)
            files->append(source.path);
        LoadOptions options;
        options.cancel = cancel.get();
        options.progress = [self](qint64 done, qint64 total) {
            // Every 64th document is plenty for a progress bar.
            if (self && (done % 64 == 0 || done == total))
                QMetaObject::invokeMethod(
                    self,
                    [self, done, total] {
                        if (self)
                            Q_EMIT self->openProgress(done, total);
                    },
                    Qt::QueuedConnection);
        };
        *result = loadSources(sources, options);
    });
    connect(m_loader, &QThread::finished, this, [this, result, problems, files, paths, cancel] {
        m_loader->deleteLater();
        m_loader = nullptr;
        if (cancel->load()) {
            Q_EMIT openCancelled();
            return;
        }
        m_openedPaths = paths;
        replaceWorkspace(std::move(*result));
        Q_EMIT workspaceReplaced();
        Q_EMIT openFinished(*files, *problems);
    });
    m_loader->start();
}

void EditorSession::cancelOpen() {
    if (m_cancel)
        m_cancel->store(true);
}

bool EditorSession::refused(int file) {
    const QString refusal = writeRefusal(m_ws.files()[file]);
    if (!refusal.isEmpty())
        reportError(refusal);
    return !refusal.isEmpty();
}

bool EditorSession::record(const QString &description, bool typing,
                           const std::function<bool(edit::ChangeRecorder &)> &edit) {
    edit::ChangeRecorder recorder(m_ws);
    if (!edit(recorder)) {
        // Roll back whatever was recorded before the edit gave up.
        recorder.change().revert(m_ws);
        return false;
    }
    // Rendered input is read-only: nothing is ever written back into a renderer's output.
    if (const QString refusal = recorder.change().writeRefusal(m_ws); !refusal.isEmpty()) {
        recorder.change().revert(m_ws);
        reportError(refusal);
        return false;
    }
    edit::WorkspaceChange change = recorder.take(description);
    if (change.isEmpty())
        return true;
    // The recorder applied it already: the command's first redo only announces it, so that the
    // edited documents are read once.
    m_undo->push(new ChangeCommand(this, std::move(change), typing, ChangeCommand::AlreadyApplied));
    return true;
}

bool EditorSession::editField(const ResourceId &id, const edit::FieldEdit &fieldEdit) {
    const SourceDocument *doc = m_ws.document(id.document);
    const Resource *r = m_ws.resource(id);
    if (!doc || !r || refused(doc->file))
        return false;
    QString error;
    const std::optional<QByteArray> text = edit::applyFieldEdit(doc->text, fieldEdit, &error);
    if (!text) {
        reportError(tr("%1: %2").arg(r->ref().toString(), error));
        return false;
    }
    const QString description =
        tr("%1 of %2 %3").arg(fieldEdit.description(), r->kindName, r->meta.name);
    return record(description, false, [&](edit::ChangeRecorder &rec) {
        rec.replaceText(id.document, *text);
        return true;
    });
}

bool EditorSession::replaceDocumentText(DocumentId id, const QByteArray &text, bool typing) {
    const SourceDocument *doc = m_ws.document(id);
    if (!doc || doc->text == text || refused(doc->file))
        return false;
    QString name = tr("document");
    if (!doc->resources.isEmpty())
        name =
            doc->resources.first().kindName + QLatin1Char(' ') + doc->resources.first().meta.name;
    return record(tr("Edit YAML of %1").arg(name), typing, [&](edit::ChangeRecorder &rec) {
        rec.replaceText(id, text);
        return true;
    });
}

bool EditorSession::removeResources(const QVector<ResourceId> &ids) {
    if (ids.isEmpty())
        return false;
    for (const ResourceId &id : ids)
        if (const SourceDocument *doc = m_ws.document(id.document); doc && refused(doc->file))
            return false;
    QStringList names;
    for (const ResourceId &id : ids)
        if (const Resource *r = m_ws.resource(id))
            names << r->kindName + QLatin1Char(' ') + r->meta.name;
    const QString description = names.size() == 1
                                    ? tr("Delete %1").arg(names.first())
                                    : tr("Delete %n resource(s)", nullptr, int(names.size()));
    return record(description, false, [&](edit::ChangeRecorder &rec) {
        // List items go from their List; whole documents go. Later items first, so indexes hold.
        QVector<ResourceId> sorted = ids;
        std::sort(sorted.begin(), sorted.end(),
                  [](const ResourceId &a, const ResourceId &b) { return b < a; });
        for (const ResourceId &id : sorted) {
            const SourceDocument *doc = rec.workspace().document(id.document);
            if (!doc)
                continue;
            if (id.item < 0 || doc->resources.size() <= 1) {
                rec.removeDocument(id.document);
                continue;
            }
            edit::FieldEdit remove;
            remove.operation = edit::FieldEdit::Remove;
            remove.path = QStringLiteral("items[%1]").arg(id.item);
            const auto text = edit::applyFieldEdit(doc->text, remove);
            if (!text)
                return false;
            rec.replaceText(id.document, *text);
        }
        return true;
    });
}

bool EditorSession::appendDocument(const QString &file, const QByteArray &body,
                                   const QString &description) {
    if (const int index = m_ws.fileIndex(file); index >= 0 && refused(index))
        return false;
    return record(description, false, [&](edit::ChangeRecorder &rec) {
        int index = rec.workspace().fileIndex(file);
        if (index < 0)
            index = rec.createFile(file);
        rec.appendDocument(index, body);
        return true;
    });
}

bool EditorSession::applyChange(const edit::WorkspaceChange &change) {
    if (change.isEmpty())
        return false;
    if (const QString refusal = change.writeRefusal(m_ws); !refusal.isEmpty()) {
        reportError(refusal);
        return false;
    }
    auto *command = new ChangeCommand(this, change);
    m_undo->push(command);
    return !command->failed();
}

bool EditorSession::isModified() const {
    return m_ws.isModified();
}

bool EditorSession::hasUntitledFiles() const {
    for (const SourceFile &f : m_ws.files())
        if (isUntitled(f.path) && !f.documents.isEmpty())
            return true;
    return false;
}

bool EditorSession::save(QStringList *conflicts, QString *error, bool overwrite) {
    QStringList written;
    for (int i = 0; i < m_ws.files().size(); ++i) {
        // A copy: saving updates the file list, which may then move (a worker thread holding
        // a copy of the workspace makes it detach), and a reference into it would dangle.
        const SourceFile f = m_ws.files()[i];
        if (!f.modified || isUntitled(f.path))
            continue;
        if (!overwrite && m_ws.changedOnDisk(i)) {
            if (conflicts)
                conflicts->append(f.path);
            continue;
        }
        if (!saveFile(m_ws, i, error))
            return false;
        written << f.path;
    }
    if (conflicts && !conflicts->isEmpty())
        return false;
    m_undo->setClean();
    Q_EMIT saved(written);
    return true;
}

bool EditorSession::saveAs(int file, const QString &path, QString *error) {
    if (!saveFile(m_ws, file, error, path))
        return false;
    analyze(true); // locations name the new path
    if (!m_ws.isModified())
        m_undo->setClean();
    Q_EMIT saved({path});
    Q_EMIT workspaceChanged({path});
    return true;
}

void EditorSession::workspaceEdited(const QStringList &files) {
    Q_EMIT workspaceChanged(files);
    analyze(false);
}

void EditorSession::reportError(const QString &message) {
    Q_EMIT errorOccurred(message);
}

} // namespace egret::gui

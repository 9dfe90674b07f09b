#include "model/io/Loader.h"

#include "model/core/Parallel.h"
#include "model/decode/HelmTemplates.h"
#include "model/io/Renderer.h"
#include "model/yaml/StreamSplitter.h"
#include "model/yaml/Utf8.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <algorithm>
#include <vector>

namespace egret {

namespace {

struct FileInput {
    QString path;
    QByteArray bytes;
    Diagnostics problems;
    QVector<yaml::Chunk> chunks;
    bool readable = false;
    // Set when the bytes cannot be read as YAML at all (UTF-16, a Helm template): they become
    // one document that keeps them unchanged, and parseDocument says why it cannot be read.
    bool opaque = false;
    QString chart;       // the chart whose templates/ folder holds the file
    Diagnostics notRead; // an opaque file's diagnostics, when they are not parseDocument's
    QString renderedBy;  // the command whose output the bytes are
};

struct Job {
    int file;
    int chunk;
};

Diagnostic fileProblem(const QString &path, const QString &message,
                       Severity severity = Severity::Error) {
    Diagnostic d;
    d.severity = severity;
    d.code = codes::File;
    d.location.file = path;
    d.message = message;
    return d;
}

Workspace assemble(std::vector<FileInput> &inputs, const LoadOptions &options) {
    std::vector<Job> jobs;
    for (int f = 0; f < int(inputs.size()); ++f)
        for (int c = 0; c < inputs[f].chunks.size(); ++c)
            jobs.push_back({f, c});

    std::vector<ParsedDocument> results(jobs.size());
    std::atomic<qint64> done{0};
    const qint64 total = qint64(jobs.size());
    int threads = options.threads > 0 ? options.threads : QThread::idealThreadCount();
    threads = std::clamp(threads, 1, 64);
    threads =
        int(std::min<std::size_t>(std::size_t(threads), std::max<std::size_t>(jobs.size(), 1)));
    parallelFor(total, {threads, 1, options.cancel}, [&](qsizetype i, int &) {
        const FileInput &in = inputs[jobs[size_t(i)].file];
        const yaml::Chunk &c = in.chunks[jobs[size_t(i)].chunk];
        results[size_t(i)] =
            parseDocument(QByteArray::fromRawData(in.bytes.constData() + c.offset, c.length),
                          in.path, c.firstLine, options.parse);
        const qint64 n = ++done;
        if (options.progress)
            options.progress(n, total);
    });

    Workspace ws;
    ws.setParseOptions(options.parse);
    std::size_t j = 0;
    for (FileInput &in : inputs) {
        const int file = ws.addFile(in.path, in.problems);
        if (in.readable)
            ws.setDiskState(file, Workspace::readDiskState(in.path, &in.bytes));
        if (!in.renderedBy.isEmpty())
            ws.setRenderedBy(file, in.renderedBy);
        if (in.opaque) {
            ParsedDocument parsed;
            if (in.notRead.isEmpty())
                parsed = parseDocument(in.bytes, in.path, 0, options.parse);
            if (!in.chart.isEmpty() && parsed.diagnostics.isEmpty()) // no action in it
                in.notRead.append(chartTemplateProblem(in.path, in.chart));
            if (!in.notRead.isEmpty()) {
                parsed = ParsedDocument();
                parsed.hasContent = true;
                parsed.diagnostics = in.notRead;
            }
            ws.appendParsed(file, in.bytes, 0, std::move(parsed));
        }
        for (const yaml::Chunk &c : in.chunks) {
            ws.appendParsed(file, in.bytes.mid(c.offset, c.length), c.firstLine,
                            std::move(results[j]));
            ++j;
        }
        in.bytes = QByteArray(); // the documents hold their own copies now
    }
    return ws;
}

// `onDisk`: the path is a file's, so its folder may be a chart's templates/.
void prepare(FileInput &in, bool onDisk) {
    if (in.bytes.isEmpty()) {
        in.problems.append(
            fileProblem(in.path, QStringLiteral("the file is empty"), Severity::Warning));
        return;
    }
    if (yaml::startsWithUtf16Bom(in.bytes)) {
        in.opaque = true;
        return;
    }
    // A renderer's own files configure it; they are not manifests.
    if (onDisk && (isKustomizationFile(in.path) || isChartFile(in.path))) {
        in.opaque = true;
        in.notRead.append(isChartFile(in.path) ? chartNote(in.path) : kustomizationNote(in.path));
        return;
    }
    // A Helm template stays whole: its `---` lines may sit between actions, and parseDocument
    // gives the file its one message.
    if (onDisk)
        in.chart = chartOfTemplate(in.path);
    if (!in.chart.isEmpty() || templateProblem(in.bytes, in.path, 0)) {
        in.opaque = true;
        return;
    }
    in.chunks = yaml::splitStream(in.bytes);
}

} // namespace

QStringList expandInputs(const QStringList &paths, Diagnostics *problems) {
    QStringList out;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (info.isDir()) {
            QStringList found;
            QDirIterator it(path, {QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext())
                found << it.next();
            std::sort(found.begin(), found.end());
            out += found;
        } else if (info.exists()) {
            out << path;
        } else if (problems) {
            problems->append(fileProblem(path, QStringLiteral("no such file or folder")));
        }
    }
    return out;
}

Workspace loadSources(const QVector<LoadInput> &sources, const LoadOptions &options) {
    std::vector<FileInput> inputs(std::size_t(sources.size()));
    for (int i = 0; i < sources.size(); ++i) {
        const LoadInput &source = sources[i];
        FileInput &in = inputs[std::size_t(i)];
        in.path = source.path;
        in.problems = source.notes;
        in.renderedBy = source.renderedBy;
        if (!source.fromDisk) {
            if (source.bytes.isEmpty() && hasErrors(source.notes))
                continue; // a renderer that failed: its error says why there is nothing
            in.bytes = source.bytes;
            prepare(in, false);
            continue;
        }
        QFile f(in.path);
        if (!f.open(QIODevice::ReadOnly)) {
            in.problems.append(
                fileProblem(in.path, QStringLiteral("cannot read: %1").arg(f.errorString())));
            continue;
        }
        in.bytes = f.readAll();
        in.readable = true;
        prepare(in, true);
    }
    return assemble(inputs, options);
}

Workspace loadFiles(const QStringList &files, const LoadOptions &options) {
    QVector<LoadInput> sources;
    sources.reserve(files.size());
    for (const QString &file : files)
        sources.append({file, {}, true, {}, {}});
    return loadSources(sources, options);
}

Workspace loadBytes(const QString &name, const QByteArray &bytes, const LoadOptions &options) {
    return loadBuffers({{name, bytes}}, options);
}

Workspace loadBuffers(const QVector<QPair<QString, QByteArray>> &files,
                      const LoadOptions &options) {
    QVector<LoadInput> sources;
    sources.reserve(files.size());
    for (const auto &file : files)
        sources.append({file.first, file.second, false, {}, {}});
    return loadSources(sources, options);
}

} // namespace egret

#pragma once

#include "model/workspace/Workspace.h"

#include <QStringList>

#include <atomic>
#include <functional>

namespace egret {

struct LoadOptions {
    ParseOptions parse;
    int threads = 0; // 0: one per core
    // Called from worker threads as documents are read: (documents done, documents in all).
    std::function<void(qint64, qint64)> progress;
    const std::atomic_bool *cancel = nullptr; // set it to stop early; the result is partial
};

// One input of a load: a file on disk, or bytes already in memory (standard input, tests, a
// renderer's output).
struct LoadInput {
    QString path; // the file, or the name the bytes go by
    QByteArray bytes;
    bool fromDisk = true; // read `path`; else `bytes` are the input
    QString renderedBy;   // the command whose output `bytes` are: the file is read-only
    Diagnostics notes;    // about the input as a whole (kept with the file's diagnostics)
};

// The YAML files named: files as given, folders searched recursively for *.yaml and *.yml in
// name order. A path that does not exist gets a diagnostic in `problems`.
QStringList expandInputs(const QStringList &paths, Diagnostics *problems);

// Reads files into a workspace. The documents of all files are parsed in parallel, each on its
// own (its node tree is dropped as soon as its typed resources are read), then assembled in file
// order, so the result does not depend on the thread count.
Workspace loadFiles(const QStringList &files, const LoadOptions &options = {});

// The same for any mix of files and bytes, in the order given.
Workspace loadSources(const QVector<LoadInput> &sources, const LoadOptions &options = {});

// The same for bytes already in memory (tests, fuzzers, stdin, recovered work).
Workspace loadBytes(const QString &name, const QByteArray &bytes, const LoadOptions &options = {});
Workspace loadBuffers(const QVector<QPair<QString, QByteArray>> &files,
                      const LoadOptions &options = {});

} // namespace egret

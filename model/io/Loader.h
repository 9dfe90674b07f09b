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

// The YAML files named: files as given, folders searched recursively for *.yaml and *.yml in
// name order. A path that does not exist gets a diagnostic in `problems`.
QStringList expandInputs(const QStringList &paths, Diagnostics *problems);

// Reads files into a workspace. The documents of all files are parsed in parallel, each on its
// own (its node tree is dropped as soon as its typed resources are read), then assembled in file
// order, so the result does not depend on the thread count.
Workspace loadFiles(const QStringList &files, const LoadOptions &options = {});

// The same for bytes already in memory (tests, fuzzers, stdin, recovered work).
Workspace loadBytes(const QString &name, const QByteArray &bytes, const LoadOptions &options = {});
Workspace loadBuffers(const QVector<QPair<QString, QByteArray>> &files,
                      const LoadOptions &options = {});

} // namespace egret

#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QtTest>

namespace egret::test {

// ../shared next to the checkout (or $EGRET_SHARED_DIR), where Istio's corpus lives.
inline QString sharedDir() {
    const QByteArray env = qgetenv("EGRET_SHARED_DIR");
    return QDir::cleanPath(env.isEmpty() ? QStringLiteral(EGRET_SHARED_DIR)
                                         : QString::fromLocal8Bit(env));
}

inline QString corpusDir() {
    return sharedDir() + QStringLiteral("/corpus");
}

inline bool haveCorpus() {
    return QDir(corpusDir()).exists();
}

// The project's own small test files.
inline QString dataFile(const QString &name) {
    return QStringLiteral(EGRET_TEST_DATA "/") + name;
}

inline QByteArray readFile(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

inline bool writeFile(const QString &path, const QByteArray &bytes) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    return f.write(bytes) == bytes.size();
}

// The `egret` program built with the tests.
inline QString egretBinary() {
    return QString::fromLocal8Bit(qgetenv("EGRET_BINARY"));
}

// What `egret` printed and returned, run as a user runs it.
struct EgretRun {
    int exitCode;
    QByteArray out;
    QByteArray err;
};

// `workingDirectory` empty: the test's own.
inline EgretRun runEgret(const QStringList &args, int timeoutMs = 60000,
                         const QString &workingDirectory = {}) {
    QProcess p;
    if (!workingDirectory.isEmpty())
        p.setWorkingDirectory(workingDirectory);
    p.start(egretBinary(), args);
    p.waitForFinished(timeoutMs);
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

} // namespace egret::test

// Skips the current test with a clear message when Istio's corpus is not next to the checkout.
#define EGRET_REQUIRE_CORPUS()                                                                     \
    do {                                                                                           \
        if (!egret::test::haveCorpus())                                                            \
            QSKIP(qPrintable(QStringLiteral("Istio corpus not found at %1 (set EGRET_SHARED_DIR)") \
                                 .arg(egret::test::corpusDir())));                                 \
    } while (false)

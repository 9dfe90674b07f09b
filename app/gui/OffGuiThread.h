#pragma once

#include <QApplication>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

namespace egret::gui {

// Runs `compute` (which must work on its own copies: a Workspace copy shares the documents' bytes)
// on a worker thread and returns its result, while the window keeps painting and the status bar
// says what runs. For work a person asked for and waits on (a recipe that rewrites a Gateway of
// thousands of hosts, an export): input waits meanwhile, so that the result applies to the
// workspace it was computed from.
template <class F> auto offGuiThread(QStatusBar *status, const QString &what, F compute) {
    using Result = decltype(compute());
    QFutureWatcher<Result> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(QtConcurrent::run(std::move(compute)));
    if (!watcher.isFinished()) {
        status->showMessage(what);
        QApplication::setOverrideCursor(Qt::BusyCursor);
        loop.exec(QEventLoop::ExcludeUserInputEvents);
        QApplication::restoreOverrideCursor();
        status->clearMessage();
    }
    return watcher.result();
}

} // namespace egret::gui

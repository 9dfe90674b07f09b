#include "model/core/Parallel.h"

#include <QThreadPool>

#include <exception>
#include <mutex>

namespace egret {

void runOnThreads(int threads, const std::function<void()> &work) {
    if (threads <= 1) {
        work();
        return;
    }
    std::mutex mutex;
    std::exception_ptr error;
    auto call = [&] {
        try {
            work();
        } catch (...) {
            const std::lock_guard lock(mutex);
            if (!error)
                error = std::current_exception();
        }
    };
    // The pool is ours alone, so waiting for it waits for this run only. A helper that starts
    // after the items are gone finds none and returns at once.
    QThreadPool pool;
    pool.setMaxThreadCount(threads - 1);
    for (int t = 1; t < threads; ++t)
        pool.start(call);
    call();
    pool.waitForDone();
    if (error)
        std::rethrow_exception(error);
}

} // namespace egret

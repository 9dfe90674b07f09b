#include "model/core/Parallel.h"

#include <QThreadPool>

#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>

namespace egret {

namespace {

// Shared with the helpers; one that starts after the calling thread has done every item finds
// the run closed and leaves without touching `work`.
struct Run {
    std::mutex mutex;
    std::condition_variable idle;
    const std::function<void()> *work = nullptr;
    bool closed = false;
    int running = 0;
    std::exception_ptr error;

    void call() {
        try {
            (*work)();
        } catch (...) {
            const std::lock_guard lock(mutex);
            if (!error)
                error = std::current_exception();
        }
    }
};

} // namespace

void runOnThreads(int threads, const std::function<void()> &work) {
    if (threads <= 1) {
        work();
        return;
    }
    auto run = std::make_shared<Run>();
    run->work = &work;
    QThreadPool pool;
    pool.setMaxThreadCount(threads - 1);
    for (int t = 1; t < threads; ++t) {
        pool.start([run] {
            {
                const std::lock_guard lock(run->mutex);
                if (run->closed)
                    return;
                ++run->running;
            }
            run->call();
            const std::lock_guard lock(run->mutex);
            if (--run->running == 0)
                run->idle.notify_all();
        });
    }
    run->call();
    std::unique_lock lock(run->mutex);
    run->closed = true;
    run->idle.wait(lock, [&] { return run->running == 0; });
    if (run->error)
        std::rethrow_exception(run->error);
}

} // namespace egret

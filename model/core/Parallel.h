#pragma once

#include <QtGlobal>

#include <algorithm>
#include <atomic>
#include <functional>

namespace egret {

// Calls `work` on the calling thread and on `threads - 1` threads of a QThreadPool of its own, and
// returns once every call has returned. `work` shares the items out itself and returns when none
// are left. The pool is private so that a run never waits behind, nor for, other work on Qt's
// global pool (the GUI's; a load is itself started there), and its threads are fresh each run as
// the std::threads were: with the global pool's kept threads, repeated loads in one process
// measured 5-10% slower. The first exception thrown by any call is rethrown here, after the others
// return.
void runOnThreads(int threads, const std::function<void()> &work);

struct ParallelOptions {
    int threads = 1;                          // the calling thread included
    qsizetype grain = 1;                      // items claimed at a time, in index order
    const std::atomic_bool *cancel = nullptr; // set: no more items are started
};

// Calls body(i, local) for every i in [0, count), spread over threads as runOnThreads says. Each
// thread has its own `Local` (a cache, say), made when it starts. Items are independent and the
// caller keeps results by index, so they do not depend on the number of threads.
template <class Local = int, class Body>
void parallelFor(qsizetype count, const ParallelOptions &options, Body &&body) {
    std::atomic<qsizetype> next{0};
    const qsizetype grain = std::max<qsizetype>(options.grain, 1);
    runOnThreads(options.threads, [&] {
        Local local{};
        for (;;) {
            if (options.cancel && options.cancel->load())
                return;
            const qsizetype begin = next.fetch_add(grain);
            if (begin >= count)
                return;
            const qsizetype end = std::min(begin + grain, count);
            for (qsizetype i = begin; i < end; ++i)
                body(i, local);
        }
    });
}

} // namespace egret

#pragma once

#include <QElapsedTimer>
#include <QString>
#include <QStringList>

#include <functional>

namespace egret::bench {

// Peak resident memory of this process so far (VmHWM), in kB.
qint64 peakRssKb();

// "Intel(R) Xeon(R) ... , 2 cores, 24 GB" from /proc: the machine a figure was measured on.
QString machineDescription();

// Runs `f` `repeat` times and returns the median wall time in milliseconds.
double medianMs(int repeat, const std::function<void()> &f);

// Runs this benchmark binary again with `args` and returns what the child printed on its last
// line (a child measures one thing in a fresh process, so peak memory is its own).
QString runChild(const QStringList &args);

} // namespace egret::bench

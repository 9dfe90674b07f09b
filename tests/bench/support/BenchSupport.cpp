#include "BenchSupport.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QThread>

#include <algorithm>
#include <vector>

namespace egret::bench {

qint64 peakRssKb() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    const QRegularExpression re(QStringLiteral("VmHWM:\\s+(\\d+) kB"));
    return re.match(QString::fromLatin1(status.readAll())).captured(1).toLongLong();
}

QString machineDescription() {
    QString cpu = QStringLiteral("unknown CPU");
    QFile info(QStringLiteral("/proc/cpuinfo"));
    if (info.open(QIODevice::ReadOnly)) {
        const QRegularExpression re(QStringLiteral("model name\\s*:\\s*(.*)"));
        cpu = re.match(QString::fromLatin1(info.readAll())).captured(1).trimmed();
    }
    qint64 memKb = 0;
    QFile mem(QStringLiteral("/proc/meminfo"));
    if (mem.open(QIODevice::ReadOnly)) {
        const QRegularExpression re(QStringLiteral("MemTotal:\\s+(\\d+) kB"));
        memKb = re.match(QString::fromLatin1(mem.readAll())).captured(1).toLongLong();
    }
    return QStringLiteral("%1, %2 cores, %3 GB RAM")
        .arg(cpu)
        .arg(QThread::idealThreadCount())
        .arg(qRound(double(memKb) / 1024 / 1024));
}

double medianMs(int repeat, const std::function<void()> &f) {
    std::vector<double> times;
    for (int i = 0; i < repeat; ++i) {
        QElapsedTimer t;
        t.start();
        f();
        times.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

QString runChild(const QStringList &args) {
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(QCoreApplication::applicationFilePath(), args);
    p.waitForFinished(-1);
    const QStringList lines =
        QString::fromUtf8(p.readAllStandardOutput()).trimmed().split(QLatin1Char('\n'));
    return lines.isEmpty() ? QString() : lines.last();
}

} // namespace egret::bench

// Load and export of a generated 2000-host mesh, against yaml-cpp parsing the same bytes.
//
//   bench_load [HOSTS] [REPEAT]
//
// Each measurement runs in a fresh child process so its peak memory is its own. The baseline is
// a single-threaded YAML::LoadAll of the whole file, which keeps the full node tree.
#include "support/BenchSupport.h"
#include "support/MeshGenerator.h"

#include "model/io/Exporter.h"
#include "model/io/Loader.h"

#include <yaml-cpp/yaml.h>

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

using namespace egret;

namespace {

QByteArray readAll(const QString &path) {
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

// Child: measure one thing, print "<ms> <peak kB>".
int child(const QString &mode, const QString &path, int repeat) {
    const QByteArray bytes = readAll(path);
    double ms = 0;
    if (mode == QLatin1String("bare")) {
        ms = bench::medianMs(repeat, [&] {
            const std::vector<YAML::Node> docs =
                YAML::LoadAll(std::string(bytes.constData(), size_t(bytes.size())));
            if (docs.empty())
                std::abort();
        });
    } else if (mode == QLatin1String("load")) {
        ms = bench::medianMs(repeat, [&] {
            const Workspace ws = loadFiles({path});
            if (ws.resources().isEmpty())
                std::abort();
        });
    } else if (mode == QLatin1String("export")) {
        const Workspace ws = loadFiles({path});
        ms = bench::medianMs(repeat, [&] {
            if (exportWorkspace(ws).yaml.isEmpty())
                std::abort();
        });
    }
    std::printf("%.1f %lld\n", ms, static_cast<long long>(bench::peakRssKb()));
    return 0;
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() >= 5 && args[1] == QLatin1String("--child"))
        return child(args[2], args[3], args[4].toInt());

    const int hosts = args.size() > 1 ? args[1].toInt() : 2000;
    const int repeat = args.size() > 2 ? args[2].toInt() : 3;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("mesh.yaml"));
    const QByteArray mesh = bench::generateMesh({hosts, 20, 0});
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(mesh);
    f.close();

    auto measure = [&](const char *mode) {
        const QStringList r = bench::runChild({QStringLiteral("--child"), QLatin1String(mode), path,
                                               QString::number(repeat)})
                                  .split(QLatin1Char(' '));
        return std::make_pair(r.value(0).toDouble(), r.value(1).toDouble());
    };
    const auto bare = measure("bare");
    const auto load = measure("load");
    const auto exported = measure("export");

    QTextStream out(stdout);
    out << "Egret load benchmark: " << hosts << " hosts, " << mesh.count("\n---\n")
        << " documents, " << QString::number(double(mesh.size()) / 1e6, 'f', 1) << " MB\n";
    out << "machine: " << bench::machineDescription() << "\n";
    out << QStringLiteral("%1 %2 %3\n")
               .arg(QStringLiteral("step"), -28)
               .arg(QStringLiteral("time"), 10)
               .arg(QStringLiteral("peak RSS"), 12);
    auto row = [&](const char *name, std::pair<double, double> m) {
        out << QStringLiteral("%1 %2 %3\n")
                   .arg(QLatin1String(name), -28)
                   .arg(QStringLiteral("%1 ms").arg(m.first, 0, 'f', 0), 10)
                   .arg(QStringLiteral("%1 MB").arg(m.second / 1024, 0, 'f', 0), 12);
    };
    row("yaml-cpp LoadAll (baseline)", bare);
    row("egret load", load);
    row("egret export (after load)", exported);
    out << QStringLiteral("load time / bare parse:   %1x (goal <= 0.75x)\n")
               .arg(load.first / bare.first, 0, 'f', 2);
    out << QStringLiteral("load peak / bare peak:    %1x (goal <= 0.3x)\n")
               .arg(load.second / bare.second, 0, 'f', 2);
    out << QStringLiteral("export time / bare parse: %1x\n")
               .arg(exported.first / bare.first, 0, 'f', 2);
    return 0;
}

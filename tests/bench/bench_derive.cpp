// Flow derivation (deriveFlows) on the generated mesh shapes, against loading the same workspace.
//
//   bench_derive [HOSTS] [REPEAT] [SHAPE...]     (shapes: all when none is named)
//   bench_derive --dump OUTDIR [FILE|DIR...]
//   bench_derive --child MESH.yaml REPEAT        (EGRET_BENCH_KEEP=1 keeps the meshes)
//   bench_derive --derive-only MESH.yaml REPEAT  (to profile: one load, REPEAT derivations)
//
// Each shape runs in a fresh child process so that its peak memory is its own. The baseline is
// the load of the same generated mesh (loadFiles), measured in the same child.
// --dump writes every graph derivation gives for the generated shapes at a few sizes and for
// each YAML file named, in full (all node and hop fields, provenance with its paths and order),
// with and without made-up findings and under both outbound traffic policies: run it before and
// after a change to derivation and compare the folders byte for byte.
#include "support/BenchSupport.h"
#include "support/MeshGenerator.h"

#include "model/flow/FlowDeriver.h"
#include "model/flow/FlowJson.h"
#include "model/io/Loader.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace egret;

namespace {

void writeAll(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        std::abort();
    f.write(bytes);
}

double threadCpuMs() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

// Makes VmHWM start again from the current resident size (Linux 4.0 and later).
void resetPeakRss() {
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    if (f.open(QIODevice::WriteOnly))
        f.write("5");
}

// Child: prints "<load ms> <derive ms> <resident kB after load> <peak kB deriving> <nodes> <hops>".
int child(const QString &path, int repeat) {
    const double loadMs = bench::medianMs(repeat, [&] {
        if (loadFiles({path}).resources().isEmpty())
            std::abort();
    });
    const Workspace ws = loadFiles({path});
    // The peak of one derivation, before the timed runs (which hold the previous graph); the
    // load's own peak (its parallel parse) is forgotten first.
    resetPeakRss();
    const qint64 loadedKb = bench::peakRssKb();
    FlowGraph graph = deriveFlows(ws);
    const qint64 derivedKb = bench::peakRssKb();
    const double deriveMs = bench::medianMs(repeat, [&] { graph = deriveFlows(ws); });
    std::printf("%.1f %.1f %lld %lld %lld %lld\n", loadMs, deriveMs,
                static_cast<long long>(loadedKb), static_cast<long long>(derivedKb),
                static_cast<long long>(graph.nodes().size()),
                static_cast<long long>(graph.hops().size()));
    return 0;
}

QByteArray sourcesText(const Provenance &provenance) {
    QByteArray out;
    for (const FlowSource &s : provenance)
        out += QStringLiteral("    %1 [%2,%3]%4 %5\n")
                   .arg(s.resource.toString())
                   .arg(s.id.document)
                   .arg(s.id.item)
                   .arg(s.assumed ? QStringLiteral(" assumed") : QString(),
                        s.paths.join(QLatin1Char(' ')))
                   .toUtf8();
    return out;
}

// Everything a graph holds, in its order.
QByteArray fullText(const FlowGraph &g) {
    QByteArray out;
    for (const FlowNode &n : g.nodes()) {
        QStringList ports, labels;
        for (int p : n.ports)
            ports << QString::number(p);
        for (auto it = n.labels.cbegin(); it != n.labels.cend(); ++it)
            labels << it.key() + QLatin1Char('=') + it.value();
        out += QStringLiteral("node %1 %2 label=%3 ns=%4 flags=%5\n  hosts=%6\n  ports=%7\n"
                              "  labels=%8\n")
                   .arg(n.id, flowNodeKindName(n.kind), n.label, n.ns)
                   .arg(int(n.flags))
                   .arg(n.hosts.join(QLatin1Char(',')), ports.join(QLatin1Char(',')),
                        labels.join(QLatin1Char(',')))
                   .toUtf8();
        out += sourcesText(n.provenance);
    }
    for (const FlowHop &h : g.hops()) {
        out += QStringLiteral("hop %1\n  %2 -> %3 %4 %5 %6 detail=%7 weight=%8\n"
                              "  subsets=%9\n")
                   .arg(h.id, h.from, h.to, h.protocol)
                   .arg(h.port)
                   .arg(wireTlsName(h.tls), h.tlsDetail,
                        h.weight ? QString::number(*h.weight) : QStringLiteral("-"),
                        h.subsets.join(QLatin1Char(',')))
                   .toUtf8();
        out += QStringLiteral("  timeout=%1 retries=%2 fault=%3 broken=%4 blocked=%5\n")
                   .arg(h.timeout, h.retries, h.fault)
                   .arg(h.broken)
                   .arg(h.blocked)
                   .toUtf8();
        for (const QString &p : h.problems)
            out += "  problem " + p.toUtf8() + '\n';
        for (const QString &n : h.notes)
            out += "  note " + n.toUtf8() + '\n';
        out += sourcesText(h.provenance);
    }
    return out;
}

// Made-up errors and warnings on every few resources, at paths hops come from.
Diagnostics madeUpFindings(const Workspace &ws) {
    static const char *paths[] = {"",
                                  "spec.http[0]",
                                  "spec.hosts[0]",
                                  "spec.servers[1]",
                                  "spec.tls[0].route[0]",
                                  "spec.trafficPolicy",
                                  "spec.ports"};
    Diagnostics out;
    int i = 0;
    ws.forEachResource([&](const Resource &r) {
        Diagnostic d;
        d.severity = i % 4 == 3 ? Severity::Warning : Severity::Error;
        d.code = i % 2 ? QStringLiteral("T%1").arg(i) : QString();
        d.message = QStringLiteral("finding %1").arg(i);
        d.path = QLatin1String(paths[i % 7]);
        d.resource = r.ref();
        d.resourceId = r.id;
        if (i % 3 != 2)
            out.append(d);
        ++i;
    });
    return out;
}

void dumpWorkspace(const QString &outDir, const QString &name, const Workspace &ws, bool all) {
    MeshConfig strict;
    strict.outboundTrafficPolicyMode = QStringLiteral("REGISTRY_ONLY");
    const Diagnostics findings = madeUpFindings(ws);
    struct Variant {
        const char *suffix;
        const MeshConfig *mesh;
        const Diagnostics *findings;
    };
    const MeshConfig open;
    const Diagnostics none;
    const Variant variants[] = {{"", &open, &none},
                                {".strict", &strict, &none},
                                {".findings", &open, &findings},
                                {".strict-findings", &strict, &findings}};
    for (const Variant &v : variants) {
        if (!all && *v.suffix)
            continue;
        const FlowGraph g = deriveFlows(ws, *v.mesh, *v.findings);
        const QString base = outDir + QLatin1Char('/') + name + QLatin1String(v.suffix);
        writeAll(base + QStringLiteral(".json"), flowGraphJson(g));
        writeAll(base + QStringLiteral(".txt"), fullText(g));
    }
}

int dump(const QString &outDir, const QStringList &inputs) {
    QDir().mkpath(outDir);
    int graphs = 0;
    for (bench::MeshShape shape : {bench::MeshShape::GatewayPerHost, bench::MeshShape::OneGateway,
                                   bench::MeshShape::ManyNamespaces}) {
        for (int hosts : {50, 500}) {
            for (int faults : {0, 7}) {
                const Workspace ws = loadBytes(QStringLiteral("mesh.yaml"),
                                               bench::generateMesh({hosts, 20, faults, shape}));
                const QString name = QStringLiteral("%1-%2-f%3")
                                         .arg(QLatin1String(bench::shapeName(shape)))
                                         .arg(hosts)
                                         .arg(faults);
                dumpWorkspace(outDir, name, ws, hosts == 50);
                graphs += hosts == 50 ? 4 : 1;
            }
        }
    }
    QStringList files;
    for (const QString &input : inputs) {
        if (QFileInfo(input).isFile()) {
            files << input;
            continue;
        }
        QDirIterator it(input, {QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
    }
    files.sort();
    for (const QString &file : std::as_const(files)) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const Workspace ws = loadBytes(QStringLiteral("in.yaml"), f.readAll());
        QString name = file;
        name.replace(QLatin1Char('/'), QLatin1Char('_'));
        dumpWorkspace(outDir, name, ws, true);
        graphs += 4;
    }
    std::printf("%d graphs written to %s\n", graphs, qPrintable(outDir));
    return 0;
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() >= 4 && args[1] == QLatin1String("--child"))
        return child(args[2], args[3].toInt());
    if (args.size() >= 4 && args[1] == QLatin1String("--derive-only")) {
        // CPU time too: on a busy machine it varies less than wall time.
        const Workspace ws = loadFiles({args[2]});
        std::vector<double> cpu;
        const double median = bench::medianMs(args[3].toInt(), [&] {
            const double start = threadCpuMs();
            deriveFlows(ws);
            cpu.push_back(threadCpuMs() - start);
        });
        std::sort(cpu.begin(), cpu.end());
        std::printf("median %.1f ms, CPU median %.1f ms, fastest %.1f ms\n", median,
                    cpu[cpu.size() / 2], cpu.front());
        return 0;
    }
    if (args.size() >= 3 && args[1] == QLatin1String("--dump"))
        return dump(args[2], args.mid(3));

    const int hosts = args.size() > 1 ? args[1].toInt() : 2000;
    const int repeat = args.size() > 2 ? args[2].toInt() : 5;
    QList<bench::MeshShape> shapes;
    for (const QString &name : args.mid(3)) {
        bench::MeshShape shape;
        if (!bench::shapeFromName(name.toUtf8(), &shape)) {
            std::fprintf(stderr, "unknown shape %s\n", qPrintable(name));
            return 2;
        }
        shapes << shape;
    }
    if (shapes.isEmpty())
        shapes = {bench::MeshShape::OneGateway, bench::MeshShape::GatewayPerHost,
                  bench::MeshShape::ManyNamespaces};

    std::printf("machine: %s\nderivation, %d hosts, median of %d\n",
                qPrintable(bench::machineDescription()), hosts, repeat);
    QTemporaryDir dir;
    dir.setAutoRemove(qEnvironmentVariableIsEmpty("EGRET_BENCH_KEEP")); // to profile a child
    for (bench::MeshShape shape : shapes) {
        const QString path =
            dir.filePath(QLatin1String(bench::shapeName(shape)) + QStringLiteral(".yaml"));
        writeAll(path, bench::generateMesh({hosts, 20, 0, shape}));
        const QStringList r =
            bench::runChild({QStringLiteral("--child"), path, QString::number(repeat)})
                .split(QLatin1Char(' '));
        if (r.size() != 6) {
            std::fprintf(stderr, "child failed\n");
            return 1;
        }
        const double load = r[0].toDouble(), derive = r[1].toDouble();
        std::printf("%-16s %s nodes, %s hops: derive %.1f ms, load %.1f ms, ratio %.3fx; "
                    "peak %lld MB deriving (%lld MB before)\n",
                    bench::shapeName(shape), qPrintable(r[4]), qPrintable(r[5]), derive, load,
                    derive / load, r[3].toLongLong() / 1024, r[2].toLongLong() / 1024);
    }
    return 0;
}

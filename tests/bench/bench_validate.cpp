// Validation of a generated mesh with deliberate faults: the full run against the load time and
// against a bare yaml-cpp parse of the same bytes, `egret validate` end to end, and live
// re-validation after editing one resource, as the editor does after each edit.
//
//   bench_validate [HOSTS] [REPEAT] [FAULT_EVERY] [SHAPE]
//
// SHAPE is gateway-per-host (the default, as the README's figures), one-gateway or
// many-namespaces (see support/MeshGenerator.h). The baseline, a single-threaded YAML::LoadAll
// of the whole file, and `egret validate FILE -o json` each run in a child process.
// EGRET_BENCH_KEEP=1 keeps the generated mesh (its path is printed) to profile `egret` by hand;
// EGRET_BENCH_EDITS=n makes n edits of each kind instead of 20.
#include "support/BenchSupport.h"
#include "support/MeshGenerator.h"

#include "model/io/Loader.h"
#include "model/validation/Validator.h"

#include <yaml-cpp/yaml.h>

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace egret;
using namespace egret::validation;

namespace {

// Each edit flips a document between its text and a variant, as a user's typing would.
struct Edit {
    QByteArray kind;
    QByteArray from;
    QByteArray to;
};

QVector<Edit> gatewayPerHostEdits() {
    return {
        {"VirtualService", "timeout: 10s", "timeout: 12s"},
        {"VirtualService", "subset: api-", "subset: apx-"}, // a subset that does not exist
        {"DestinationRule", "simple: ROUND_ROBIN", "simple: LEAST_REQUEST"},
        {"Gateway", "mode: ISTIO_MUTUAL", "mode: PASSTHROUGH"},
        {"ServiceEntry", "number: 443", "number: 8443"},
        {"Deployment", "app: client", "app: client2"},
    };
}

// The shared-gateway shapes: the one Gateway, which every VirtualService reads, gains or loses a
// host on one server.
QVector<Edit> sharedGatewayEdits(const QByteArray &mesh) {
    const QByteArray tlsEnd = "    tls:\n      mode: PASSTHROUGH\n";
    const qsizetype end = mesh.indexOf(tlsEnd);
    const qsizetype start = mesh.lastIndexOf("\n    - ", end - 2) + 1;
    const QByteArray lastTlsHost = mesh.mid(start, end - start);
    const QByteArray httpHosts = "      protocol: HTTP\n    hosts:\n";
    return {
        {"VirtualService", "number: 443", "number: 8443"},
        {"VirtualService", "- mesh\n", "- mesh-typo\n"},
        {"DestinationRule", "mode: SIMPLE", "mode: MUTUAL"},
        {"ServiceEntry", "resolution: DNS", "resolution: NONE"},
        {"Deployment", "app: client-0", "app: client-x"},
        {"Gateway", httpHosts, httpHosts + "    - team-0/added.example.com\n"},
        {"Gateway", lastTlsHost + tlsEnd, tlsEnd},
        // The Gateway API shape: a listener admitting every namespace, a backend's port.
        {"Gateway", "from: Same", "from: All"},
        {"HTTPRoute", "port: 80\n", "port: 8080\n"},
    };
}

QStringList signature(const QVector<Finding> &findings) {
    QStringList out;
    for (const Finding &f : findings)
        out << QStringLiteral("%1 %2 %3 %4:%5")
                   .arg(QLatin1String(f.type->code), f.resource.toString(), f.path)
                   .arg(f.location.line)
                   .arg(f.location.column);
    out.sort();
    return out;
}

double median(QVector<double> v) {
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[v.size() / 2];
}

// Child: a bare single-threaded yaml-cpp parse of the file, as bench_load's baseline.
int bareChild(const QString &path, int repeat) {
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    const QByteArray bytes = f.readAll();
    const double ms = bench::medianMs(repeat, [&] {
        const std::vector<YAML::Node> docs =
            YAML::LoadAll(std::string(bytes.constData(), size_t(bytes.size())));
        if (docs.empty())
            std::abort();
    });
    std::printf("%.1f\n", ms);
    return 0;
}

// `egret validate FILE -o json` end to end, from process start to exit: the median wall time.
double egretValidateMs(const QString &path, int repeat) {
    QVector<double> times;
    for (int i = 0; i < repeat; ++i) {
        QProcess p;
        p.setStandardOutputFile(QProcess::nullDevice());
        QElapsedTimer t;
        t.start();
        p.start(QString::fromUtf8(EGRET_BINARY),
                {QStringLiteral("validate"), path, QStringLiteral("-o"), QStringLiteral("json")});
        p.waitForFinished(-1);
        times << double(t.nsecsElapsed()) / 1e6;
        if (p.exitStatus() != QProcess::NormalExit || p.exitCode() > 1)
            return -1;
    }
    return median(times);
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() >= 4 && args[1] == QLatin1String("--bare"))
        return bareChild(args[2], args[3].toInt());

    const int hosts = args.size() > 1 ? args[1].toInt() : 2000;
    const int repeat = args.size() > 2 ? args[2].toInt() : 3;
    const int faultEvery = args.size() > 3 ? args[3].toInt() : 10;
    bench::MeshShape shape = bench::MeshShape::GatewayPerHost;
    if (args.size() > 4 && !bench::shapeFromName(args[4].toLatin1(), &shape)) {
        std::fprintf(stderr, "unknown shape (gateway-per-host, one-gateway, many-namespaces)\n");
        return 2;
    }

    QTemporaryDir dir;
    dir.setAutoRemove(qEnvironmentVariableIsEmpty("EGRET_BENCH_KEEP")); // to profile egret by hand
    const QString path = dir.filePath(QStringLiteral("mesh.yaml"));
    const QByteArray mesh = bench::generateMesh({hosts, 20, faultEvery, shape});
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(mesh);
    f.close();

    // Load and validation alternate, so that both see the same machine load; the validator is
    // made before and dropped after its timing, as the editor keeps one.
    Workspace ws;
    QVector<double> loads, fulls, ratios, paths;
    int count = 0;
    for (int i = 0; i < repeat; ++i) {
        ws = Workspace(); // the previous one's destruction is not part of a load
        QElapsedTimer t;
        t.start();
        ws = loadFiles({path});
        loads << double(t.nsecsElapsed()) / 1e6;
        auto v = std::make_unique<Validator>();
        t.restart();
        count = int(v->findings(ws).size());
        fulls << double(t.nsecsElapsed()) / 1e6;
        ratios << fulls.last() / loads.last();
        paths << loads.last() + fulls.last();
    }
    const double loadMs = median(loads), fullMs = median(fulls), pathMs = median(paths);
    const double bareMs =
        bench::runChild({QStringLiteral("--bare"), path, QString::number(repeat)}).toDouble();
    const double cliMs = egretValidateMs(path, repeat);

    QTextStream out(stdout);
    // The shared-gateway shapes plant no faults (their generator ignores FAULT_EVERY).
    const QString faults = shape == bench::MeshShape::GatewayPerHost
                               ? QStringLiteral("a fault every %1 hosts").arg(faultEvery)
                               : QStringLiteral("no planted faults");
    out << "Egret validation benchmark: " << hosts << " hosts (" << bench::shapeName(shape) << "), "
        << faults << ", " << ws.resources().size() << " resources, "
        << QString::number(double(mesh.size()) / 1e6, 'f', 1) << " MB, " << count << " findings\n";
    out << "machine: " << bench::machineDescription() << "\n";
    if (!dir.autoRemove())
        out << "mesh kept in " << path << "\n";
    out << QStringLiteral("yaml-cpp LoadAll (baseline)  %1 ms  (one thread, in a child process)\n")
               .arg(bareMs, 0, 'f', 0);
    out << QStringLiteral("load                         %1 ms  = %2x bare\n")
               .arg(loadMs, 0, 'f', 0)
               .arg(loadMs / bareMs, 0, 'f', 3);
    out << QStringLiteral("full validation + findings   %1 ms  = %2x load (goal <= 0.2x; median "
                          "of %3 alternating runs)\n")
               .arg(fullMs, 0, 'f', 0)
               .arg(median(ratios), 0, 'f', 3)
               .arg(repeat);
    out << QStringLiteral("load + validation + findings %1 ms  = %2x bare\n")
               .arg(pathMs, 0, 'f', 0)
               .arg(pathMs / bareMs, 0, 'f', 3);
    out << QStringLiteral("egret validate FILE -o json  %1 ms  = %2x bare (goal <= 0.75x; end to "
                          "end in a child process, median of %3)\n")
               .arg(cliMs, 0, 'f', 0)
               .arg(cliMs / bareMs, 0, 'f', 3)
               .arg(repeat);

    // Live: one Validator kept across edits of single documents.
    Validator live;
    live.findings(ws);
    const int editCount = qEnvironmentVariableIntValue("EGRET_BENCH_EDITS")
                              ? qEnvironmentVariableIntValue("EGRET_BENCH_EDITS")
                              : 20;
    out << "re-validation after editing one resource (update + findings), " << editCount
        << " edits each, there and back:\n";
    bool consistent = true;
    const QVector<Edit> edits = shape == bench::MeshShape::GatewayPerHost
                                    ? gatewayPerHostEdits()
                                    : sharedGatewayEdits(mesh);
    for (const Edit &e : edits) {
        QVector<DocumentId> docs;
        for (const SourceFile &file : ws.files())
            for (DocumentId id : file.documents) {
                const SourceDocument *d = ws.document(id);
                if (!d->resources.isEmpty() &&
                    d->resources.first().kindName == QLatin1String(e.kind) &&
                    d->text.contains(e.from))
                    docs << id;
            }
        QVector<double> updateMs, totalMs;
        int checks = 0;
        for (int i = 0; i < editCount && !docs.isEmpty(); ++i) {
            const DocumentId id = docs[(i * 7919) % docs.size()];
            for (const bool forward : {true, false}) {
                QByteArray text = ws.document(id)->text;
                text.replace(forward ? e.from : e.to, forward ? e.to : e.from);
                ws.setDocumentText(id, text);
                QElapsedTimer t;
                t.start();
                checks += live.update(ws).checksRun;
                const double u = double(t.nsecsElapsed()) / 1e6;
                live.findings(ws);
                updateMs << u;
                totalMs << double(t.nsecsElapsed()) / 1e6;
                if (i == 0 && forward) {
                    Validator fresh;
                    consistent =
                        consistent && signature(fresh.findings(ws)) == signature(live.findings(ws));
                }
            }
        }
        QString change = QString::fromLatin1(e.to).trimmed().replace(QLatin1Char('\n'), u' ');
        if (change.size() > 26)
            change = QString::fromLatin1(e.from.size() > e.to.size() ? "(removes a line)"
                                                                     : "(adds a line)");
        if (updateMs.isEmpty()) {
            out << QStringLiteral("  %1 %2  no document to edit\n")
                       .arg(QLatin1String(e.kind), -16)
                       .arg(change, -26);
            continue;
        }
        out << QStringLiteral("  %1 %2  update median %3 ms, max %4 ms; with findings median %5 "
                              "ms; %6 checks re-run per edit\n")
                   .arg(QLatin1String(e.kind), -16)
                   .arg(change, -26)
                   .arg(median(updateMs), 0, 'f', 2)
                   .arg(*std::max_element(updateMs.begin(), updateMs.end()), 0, 'f', 2)
                   .arg(median(totalMs), 0, 'f', 2)
                   .arg(double(checks) / std::max<qsizetype>(1, updateMs.size()), 0, 'f', 0);
    }
    out << "incremental findings equal a fresh run: " << (consistent ? "yes" : "NO") << "\n";
    return consistent ? 0 : 1;
}

// Validation of a generated 2000-host mesh with deliberate faults: the full run against the load
// time, and live re-validation after editing one resource, as the editor does after each edit.
//
//   bench_validate [HOSTS] [REPEAT] [FAULT_EVERY]
#include "support/BenchSupport.h"
#include "support/MeshGenerator.h"

#include "model/io/Loader.h"
#include "model/validation/Validator.h"

#include <QCoreApplication>
#include <QFile>
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
    const char *kind;
    QByteArray from;
    QByteArray to;
};

const Edit kEdits[] = {
    {"VirtualService", "timeout: 10s", "timeout: 12s"},
    {"VirtualService", "subset: api-", "subset: apx-"}, // a subset that does not exist
    {"DestinationRule", "simple: ROUND_ROBIN", "simple: LEAST_REQUEST"},
    {"Gateway", "mode: ISTIO_MUTUAL", "mode: PASSTHROUGH"},
    {"ServiceEntry", "number: 443", "number: 8443"},
    {"Deployment", "app: client", "app: client2"},
};

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

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int hosts = args.size() > 1 ? args[1].toInt() : 2000;
    const int repeat = args.size() > 2 ? args[2].toInt() : 3;
    const int faultEvery = args.size() > 3 ? args[3].toInt() : 10;

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("mesh.yaml"));
    const QByteArray mesh = bench::generateMesh({hosts, 20, faultEvery});
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(mesh);
    f.close();

    // Load and validation alternate, so that both see the same machine load; the validator is
    // made before and dropped after its timing, as the editor keeps one.
    Workspace ws;
    QVector<double> loads, fulls, ratios;
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
    }
    const double loadMs = median(loads), fullMs = median(fulls);

    QTextStream out(stdout);
    out << "Egret validation benchmark: " << hosts << " hosts, a fault every " << faultEvery
        << " hosts, " << ws.resources().size() << " resources, " << count << " findings\n";
    out << "machine: " << bench::machineDescription() << "\n";
    out << QStringLiteral("load (baseline)              %1 ms\n").arg(loadMs, 0, 'f', 0);
    out << QStringLiteral("full validation + findings   %1 ms  = %2x load (goal <= 0.2x; median "
                          "of %3 alternating runs)\n")
               .arg(fullMs, 0, 'f', 0)
               .arg(median(ratios), 0, 'f', 3)
               .arg(repeat);

    // Live: one Validator kept across edits of single documents.
    Validator live;
    live.findings(ws);
    out << "re-validation after editing one resource (update + findings), 20 edits each:\n";
    bool consistent = true;
    for (const Edit &e : kEdits) {
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
        for (int i = 0; i < 20 && !docs.isEmpty(); ++i) {
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
        out << QStringLiteral("  %1 %2  update median %3 ms, max %4 ms; with findings median %5 "
                              "ms; %6 checks re-run per edit\n")
                   .arg(QLatin1String(e.kind), -16)
                   .arg(QString::fromLatin1(e.to), -26)
                   .arg(median(updateMs), 0, 'f', 2)
                   .arg(*std::max_element(updateMs.begin(), updateMs.end()), 0, 'f', 2)
                   .arg(median(totalMs), 0, 'f', 2)
                   .arg(double(checks) / std::max<qsizetype>(1, updateMs.size()), 0, 'f', 0);
    }
    out << "incremental findings equal a fresh run: " << (consistent ? "yes" : "NO") << "\n";
    return consistent ? 0 : 1;
}

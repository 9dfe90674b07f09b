// Deriving the egress flow graph of a workspace loaded from any bytes.
//
// Properties that must hold for any bytes:
// - every hop joins two nodes of the graph, and node and hop ids are unique;
// - every resource named in a node's or hop's provenance is one the workspace holds (or one the
//   installation is assumed to have), so a click on "why" always finds it;
// - derivation is a pure function: deriving again gives the same JSON;
// - the JSON `egret graph -o json` writes is well-formed.
#include "checks/FuzzChecks.h"

#include "model/flow/FlowDeriver.h"
#include "model/flow/FlowJson.h"
#include "model/io/Loader.h"
#include "model/validation/Validator.h"

#include <QJsonDocument>
#include <QSet>

namespace egret::fuzz {

namespace {

QString checkProvenance(const Workspace &ws, const Provenance &provenance, const QString &what) {
    for (const FlowSource &source : provenance) {
        if (source.assumed)
            continue;
        const Resource *r = ws.resource(source.id);
        if (!r)
            return QStringLiteral("%1 names %2, which the workspace does not hold")
                .arg(what, source.resource.toString());
        if (r->ref() != source.resource)
            return QStringLiteral("%1 names %2 by the id of %3")
                .arg(what, source.resource.toString(), r->ref().toString());
    }
    return {};
}

} // namespace

QString checkDeriveFlows(const QByteArray &input) {
    const Workspace ws = loadBytes(QStringLiteral("fuzz.yaml"), input);
    validation::ValidatorOptions options;
    options.now = QDateTime(QDate(2026, 11, 26), QTime(12, 0), Qt::UTC);
    Diagnostics findings;
    for (const validation::Finding &f : validation::validate(ws, options))
        findings.append(f.toDiagnostic());
    const FlowGraph graph = deriveFlows(ws, options.mesh, findings);

    QSet<QString> nodes;
    for (const FlowNode &n : graph.nodes()) {
        if (nodes.contains(n.id))
            return QStringLiteral("two nodes have the id ") + n.id;
        nodes.insert(n.id);
        if (QString failure = checkProvenance(ws, n.provenance, QStringLiteral("node ") + n.id);
            !failure.isEmpty())
            return failure;
    }
    QSet<QString> hops;
    for (const FlowHop &h : graph.hops()) {
        if (hops.contains(h.id))
            return QStringLiteral("two hops have the id ") + h.id;
        hops.insert(h.id);
        if (!nodes.contains(h.from) || !nodes.contains(h.to))
            return QStringLiteral("hop %1 joins a node the graph lacks").arg(h.id);
        if (QString failure = checkProvenance(ws, h.provenance, QStringLiteral("hop ") + h.id);
            !failure.isEmpty())
            return failure;
    }

    const QByteArray json = flowGraphJson(graph);
    if (json != flowGraphJson(deriveFlows(ws, options.mesh, findings)))
        return QStringLiteral("deriving twice gave two graphs");
    QJsonParseError error;
    QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return QStringLiteral("the graph's JSON does not parse: ") + error.errorString();
    return {};
}

} // namespace egret::fuzz

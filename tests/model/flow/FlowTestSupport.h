#pragma once

#include "TestSupport.h"

#include "model/flow/FlowDeriver.h"
#include "model/io/Loader.h"
#include "model/workspace/Workspace.h"

#include <QRegularExpression>

namespace egret::test {

// One hop as a test states it: "from -> to port protocol tls [blocked] [broken]".
inline QString hopLine(const FlowHop &h) {
    QString line = QStringLiteral("%1 -> %2 %3 %4 %5")
                       .arg(h.from, h.to, QString::number(h.port), h.protocol, wireTlsName(h.tls));
    if (h.blocked)
        line += QStringLiteral(" blocked");
    if (h.broken)
        line += QStringLiteral(" broken");
    return line;
}

inline QStringList hopLines(const FlowGraph &g) {
    QStringList out;
    for (const FlowHop &h : g.hops())
        out << hopLine(h);
    out.sort();
    return out;
}

// The hops with the gateway's name left out ("workload:* -> gateway 80 HTTP ISTIO_MUTUAL"), to
// compare the two dialects: the Gateway API's gateway is `<name>-istio` in the route's namespace
// rather than the installed istio-egressgateway. Hops of workloads outside the docs' client
// namespace are left out: the mTLS task's external server runs a sidecar in mesh-external, and
// what it sees depends on where the gateway lives (Istio applies a DestinationRule in the
// gateway's namespace to every client), which is the one thing the two variants do differently.
inline QStringList hopShapes(const FlowGraph &g) {
    QStringList out;
    for (const FlowHop &h : g.hops()) {
        const FlowNode *from = g.node(h.from);
        if (from->kind == FlowNodeKind::Workload && !from->ns.isEmpty() &&
            from->ns != QLatin1String("default"))
            continue;
        auto name = [&](const QString &id) {
            const FlowNode *n = g.node(id);
            return n && n->kind == FlowNodeKind::Gateway ? QStringLiteral("gateway") : id;
        };
        FlowHop shape = h;
        shape.from = name(h.from);
        shape.to = name(h.to);
        out << hopLine(shape);
    }
    out.sort();
    return out;
}

inline QStringList sorted(QStringList list) {
    list.sort();
    return list;
}

inline QStringList nodeIds(const FlowGraph &g, FlowNodeKind kind) {
    QStringList out;
    for (const FlowNode &n : g.nodes())
        if (n.kind == kind)
            out << n.id;
    return out;
}

// What `kubectl apply -n NS` does to documents that name no namespace.
inline QByteArray inNamespace(QByteArray yaml, const QByteArray &ns) {
    QString text = QString::fromUtf8(yaml);
    const QStringList docs = text.split(QRegularExpression(QStringLiteral("(?m)^---\\s*$")));
    QStringList out;
    for (QString d : docs) {
        if (!d.contains(QRegularExpression(QStringLiteral("(?m)^  namespace:"))))
            d.replace(QRegularExpression(QStringLiteral("(?m)^metadata:\\s*$")),
                      QStringLiteral("metadata:\n  namespace: ") + QString::fromUtf8(ns));
        out << d;
    }
    return out.join(QStringLiteral("---")).toUtf8();
}

inline QString docsFile(const QString &relative) {
    return corpusDir() + QStringLiteral("/istio-docs/") + relative;
}

inline FlowGraph flowsOfBytes(const QByteArray &yaml, const MeshConfig &mesh = {},
                              const Diagnostics &findings = {}, Workspace *keep = nullptr) {
    Workspace ws = loadBytes(QStringLiteral("test.yaml"), yaml);
    FlowGraph g = deriveFlows(ws, mesh, findings);
    if (keep)
        *keep = std::move(ws);
    return g;
}

// Corpus files (relative to istio-docs) and project data files, concatenated in order.
inline QByteArray concat(const QList<QByteArray> &parts) {
    QByteArray out;
    for (const QByteArray &p : parts) {
        if (!out.isEmpty())
            out += out.endsWith('\n') ? "---\n" : "\n---\n";
        out += p;
    }
    return out;
}

inline QByteArray docs(const QString &relative) {
    return readFile(docsFile(relative));
}

inline QByteArray data(const QString &relative) {
    return readFile(dataFile(QStringLiteral("flow/") + relative));
}

} // namespace egret::test

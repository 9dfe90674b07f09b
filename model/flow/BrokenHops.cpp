#include "model/flow/BrokenHops.h"

#include "model/flow/FlowGraph.h"

#include <QHash>

namespace egret::flow {

namespace {

bool within(const QString &inner, const QString &outer) {
    if (!inner.startsWith(outer))
        return false;
    if (inner.size() == outer.size() || outer.isEmpty())
        return true;
    const QChar next = inner.at(outer.size());
    return next == QLatin1Char('.') || next == QLatin1Char('[');
}

} // namespace

bool pathsOverlap(const QString &a, const QString &b) {
    return within(a, b) || within(b, a);
}

void markBrokenHops(FlowGraph &graph, const Diagnostics &findings) {
    // Each error with the text hops show, made once: a resource's error breaks many hops.
    struct Broken {
        const Diagnostic *diagnostic;
        QString text;
    };
    QHash<ResourceId, QVector<Broken>> byResource;
    for (const Diagnostic &d : findings)
        if (d.severity == Severity::Error && d.resourceId.isValid())
            byResource[d.resourceId].append(
                {&d,
                 d.code.isEmpty() ? d.message : QStringLiteral("%1 %2").arg(d.code, d.message)});
    if (byResource.isEmpty())
        return;
    for (FlowHop &hop : graph.mutableHops()) {
        for (const FlowSource &s : std::as_const(hop.provenance)) {
            const auto it = byResource.constFind(s.id);
            if (it == byResource.cend())
                continue;
            for (const Broken &b : *it) {
                const Diagnostic *d = b.diagnostic;
                bool hit = d->path.isEmpty();
                for (int i = 0; !hit && i < s.paths.size(); ++i)
                    hit = pathsOverlap(d->path, s.paths.at(i));
                if (!hit)
                    continue;
                hop.broken = true;
                if (!hop.problems.contains(b.text))
                    hop.problems.append(b.text);
            }
        }
    }
}

} // namespace egret::flow

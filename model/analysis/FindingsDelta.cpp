#include "model/analysis/FindingsDelta.h"

#include "model/validation/Validator.h"

#include <QHash>

namespace egret {

namespace {

QString keyOf(const Diagnostic &d) {
    const QString object =
        d.resource.name.isEmpty()
            ? QString()
            : QStringLiteral("%1 %2/%3: ").arg(d.resource.kind, d.resource.ns, d.resource.name);
    return QStringLiteral("%1 [%2] %3%4").arg(severityName(d.severity), d.code, object, d.message);
}

} // namespace

QStringList findingKeys(const Workspace &ws) {
    QStringList out;
    for (const Diagnostic &d : ws.diagnostics())
        if (d.severity != Severity::Info)
            out << keyOf(d);
    for (const validation::Finding &f : validation::validate(ws))
        out << keyOf(f.toDiagnostic());
    return out;
}

FindingsDelta findingsDelta(const QStringList &before, const QStringList &after) {
    FindingsDelta delta;
    delta.known = true;
    QHash<QString, int> count;
    for (const QString &k : before)
        ++count[k];
    for (const QString &k : after) {
        if (count.value(k) > 0)
            --count[k];
        else
            delta.added << k;
    }
    for (auto it = count.cbegin(); it != count.cend(); ++it)
        for (int i = 0; i < it.value(); ++i)
            delta.removed << it.key();
    delta.removed.sort();
    return delta;
}

} // namespace egret

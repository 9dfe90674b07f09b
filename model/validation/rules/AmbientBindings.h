#pragma once

#include "model/istio/Ambient.h"
#include "model/validation/Context.h"

namespace egret::validation::rules {

// What the ambient rules share: where a finding on a use-waypoint label points, and the binding
// of a ServiceEntry or Service including its Namespace's label (read through the context).
inline QString useWaypointPath() {
    return QStringLiteral("metadata.labels[\"%1\"]").arg(istio::kUseWaypointLabel);
}

// "ServiceEntry", "Service" or "Namespace", as the messages name the subject.
inline QString subjectKind(const Resource &r) {
    return r.kind == Kind::Namespace ? QStringLiteral("Namespace") : r.kindName;
}

inline istio::WaypointUse effectiveWaypointUse(Context &ctx, const Resource &r) {
    return istio::waypointUse(r, ctx.find(Table::NamespaceByName, r.ns));
}

inline QString nameKey(const QString &ns, const QString &name) {
    return ns + kSep + name;
}

} // namespace egret::validation::rules

#pragma once

#include "model/edit/WorkspaceChange.h"
#include "model/flow/FlowGraph.h"
#include "model/recipes/Route.h"

#include <QStringList>
#include <QVector>

namespace egret {
class Workspace;
}

namespace egret::design {

// Deleting hops on the canvas removes the routes that make them, with the recipes' removal, so
// that removing a designed route gives the files back byte for byte.

// The routes behind hops: a hop into an external host is the route to that host (at the hop's
// port when it leaves a workload: only that entry goes); a hop into a gateway is made by
// VirtualServices or Gateway API routes, whose hosts' routes go. Each route once; hops not in the
// graph are skipped.
QVector<recipes::RouteRemoval> routesBehindHops(const FlowGraph &flows, const Workspace &ws,
                                                const QStringList &hopIds);

// Several removals as one change (one undo step): each is computed on the workspace the
// previous one left. A removal the recipes refuse adds its reasons to `problems` and changes
// nothing.
struct CombinedRemoval {
    edit::WorkspaceChange change;
    QStringList problems;
};
CombinedRemoval removeRoutes(Workspace scratch, const QVector<recipes::RouteRemoval> &removals,
                             const QString &description);

} // namespace egret::design

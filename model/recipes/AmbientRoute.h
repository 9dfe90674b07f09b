#pragma once

#include "model/recipes/RecipeContext.h"
#include "model/recipes/Route.h"

namespace egret::recipes {

// The ambient patterns (ambient-egress, ambient-tls-origination): the egress namespace
// istio-egress enrolled to use its waypoint, the waypoint, the ServiceEntry and the
// DestinationRule, as Istio's "Egress gateways" page for ambient mode writes them.
bool isAmbientPattern(Pattern p);
RouteResult addAmbientRoute(const Workspace &ws, const RouteRequest &request);

// Route removal: whether the host is routed through the waypoint, and, once its resources went,
// the waypoint and the enrolled namespace when nothing else uses them.
bool routedThroughWaypoint(const RecipeContext &ctx, const QString &host);
void trimWaypoint(RecipeContext &ctx);

} // namespace egret::recipes

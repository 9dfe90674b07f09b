#pragma once

#include "model/recipes/Route.h"
#include "model/workspace/Workspace.h"

#include <QByteArray>

namespace egret::design {

// What adding the route `request` to `ws` would change: the findings it adds and removes as
// "# adds: ..." / "# removes: ..." lines, then the unified diff of every file it touches (the
// route dialog shows it as its inputs change); or a sentence when it changes nothing or cannot be
// made.
QByteArray routePreview(const Workspace &ws, const recipes::RouteRequest &request);

} // namespace egret::design

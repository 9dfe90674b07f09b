#include "model/design/RoutePreview.h"

#include "model/analysis/FindingsDelta.h"
#include "model/diff/UnifiedDiff.h"
#include "model/recipes/Route.h"

#include <QFileInfo>

namespace egret::design {

QByteArray routePreview(const Workspace &ws, const recipes::RouteRequest &request) {
    const recipes::RouteResult result = recipes::addRoute(ws, request);
    if (!result.ok)
        return "# " + recipes::describe(result.problems).toUtf8() + '\n';
    if (result.change.isEmpty())
        return "# no change: that route is there already\n";
    Workspace after = ws;
    QString error;
    if (!result.change.apply(after, &error))
        return "# " + error.toUtf8() + '\n';
    // The findings the route adds and removes, first, as comment lines of the diff.
    QByteArray out;
    const FindingsDelta delta = findingsDelta(findingKeys(ws), findingKeys(after));
    if (delta.added.isEmpty() && delta.removed.isEmpty())
        out += "# the route neither adds nor removes a finding\n";
    for (const QString &f : delta.added)
        out += "# adds: " + f.toUtf8() + '\n';
    for (const QString &f : delta.removed)
        out += "# removes: " + f.toUtf8() + '\n';
    for (const QString &file : result.change.files()) {
        const int was = ws.fileIndex(file);
        out += diff::unifiedDiff(QFileInfo(file).fileName(), was >= 0 ? ws.fileBytes(was) : "",
                                 after.fileBytes(after.fileIndex(file)), was >= 0, true);
    }
    return out;
}

} // namespace egret::design

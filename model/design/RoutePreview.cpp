#include "model/design/RoutePreview.h"

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
    QByteArray out;
    for (const QString &file : result.change.files()) {
        const int was = ws.fileIndex(file);
        out += diff::unifiedDiff(QFileInfo(file).fileName(), was >= 0 ? ws.fileBytes(was) : "",
                                 after.fileBytes(after.fileIndex(file)), was >= 0, true);
    }
    return out;
}

} // namespace egret::design

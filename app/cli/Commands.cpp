#include "app/cli/Command.h"

namespace egret::cli {

const QVector<Command> &commands() {
    static const QVector<Command> list = {
        {"export", "Write the manifests as one validated, normalized YAML stream", runExport},
        {"route", "Add or remove an egress route with Istio's patterns, editing a file", runRoute},
#ifdef EGRET_WITH_GUI
        {"graph", "Draw where egress traffic goes (SVG, PNG, DOT or JSON)", runGraph, true},
#endif
        {"validate", "Check manifests as istioctl analyze does, plus egress-chain checks",
         runValidate},
    };
    return list;
}

} // namespace egret::cli

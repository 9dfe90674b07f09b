#include "app/cli/Command.h"

namespace egret::cli {

const QVector<Command> &commands() {
    static const QVector<Command> list = {
        {"export", "Write the manifests as one validated, normalized YAML stream", runExport},
#ifdef EGRET_WITH_GUI
        {"graph", "Draw where egress traffic goes (SVG, PNG, DOT or JSON)", runGraph, true},
#endif
    };
    return list;
}

} // namespace egret::cli

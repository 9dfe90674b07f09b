#include "app/cli/Command.h"

namespace egret::cli {

const QVector<Command> &commands() {
    static const QVector<Command> list = {
        {"export", "Write the manifests as one validated, normalized YAML stream", runExport},
        {"validate", "Check manifests as istioctl analyze does, plus egress-chain checks",
         runValidate},
    };
    return list;
}

} // namespace egret::cli

#include "checks/FuzzChecks.h"

namespace egret::fuzz {

const std::vector<Target> &targets() {
    static const std::vector<Target> all = {
        {"load_stream", checkLoadStream},
        {"rewrite_document", checkRewriteDocument},
        {"validate_workspace", checkValidateWorkspace},
        {"derive_flows", checkDeriveFlows},
        {"route_add", checkRouteAdd},
    };
    return all;
}

} // namespace egret::fuzz

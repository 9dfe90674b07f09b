#include "checks/FuzzChecks.h"

namespace egret::fuzz {

const std::vector<Target> &targets() {
    static const std::vector<Target> all = {
        {"load_stream", checkLoadStream},
        {"rewrite_document", checkRewriteDocument},
    };
    return all;
}

} // namespace egret::fuzz

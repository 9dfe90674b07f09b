#include "model/schema/GatewayApiSchemas.h"

namespace egret::schema::gatewayapi {

const Node *referenceGrantSpec() {
    static const Node *n = object(
        {{"from", array(object({{"group", string()}, {"kind", string()}, {"namespace", string()}},
                               {"group", "kind", "namespace"}),
                        1, 16)},
         {"to", array(object({{"group", string()}, {"kind", string()}, {"name", string()}},
                             {"group", "kind"}),
                      1, 16)}},
        {"from", "to"});
    return n;
}

} // namespace egret::schema::gatewayapi

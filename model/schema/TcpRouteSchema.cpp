#include "model/schema/GatewayApiSchemas.h"

namespace egret::schema::gatewayapi {

const Node *tcpRouteSpec() {
    static const Node *n = routeSpec(
        {{"rules", array(object({{"name", string()}, {"backendRefs", array(backendRef(), 1, 16)}},
                                {"backendRefs"}),
                         1, 16)}},
        {"rules"});
    return n;
}

} // namespace egret::schema::gatewayapi

#include "model/schema/GatewayApiSchemas.h"

namespace egret::schema::gatewayapi {

namespace {

const Node *tlsRouteRule() {
    static const Node *n =
        object({{"name", string()}, {"backendRefs", array(backendRef(), 1, 16)}}, {"backendRefs"});
    return n;
}

} // namespace

// v1 (Gateway API 1.5, and v1alpha3 beside it): the SNI hostnames are required, and a route has
// exactly one rule.
const Node *tlsRouteSpec() {
    static const Node *n = routeSpec(
        {{"hostnames", array(hostname(), 1, 1024)}, {"rules", array(tlsRouteRule(), 1, 1)}},
        {"hostnames", "rules"});
    return n;
}

const Node *tlsRouteSpecV1alpha2() {
    static const Node *n =
        routeSpec({{"hostnames", hostnames()}, {"rules", array(tlsRouteRule(), 1, 16)}}, {"rules"});
    return n;
}

} // namespace egret::schema::gatewayapi

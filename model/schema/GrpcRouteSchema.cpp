#include "model/schema/GatewayApiSchemas.h"

namespace egret::schema::gatewayapi {

const Node *grpcRouteSpec() {
    static const Node *n = [] {
        const Node *filters = array(withRule(
            object({{"type", enumeration({"ResponseHeaderModifier", "RequestHeaderModifier",
                                          "RequestMirror", "ExtensionRef"})},
                    {"requestHeaderModifier", headerFilter()},
                    {"responseHeaderModifier", headerFilter()},
                    {"requestMirror", requestMirror()},
                    {"extensionRef", localObjectReference()}},
                   {"type"}),
            grpcFilterFields));
        const Node *matchType = enumeration({"Exact", "RegularExpression"});
        const Node *match = object({
            {"method", object({{"type", matchType}, {"service", string()}, {"method", string()}})},
            {"headers", array(object({{"type", matchType}, {"name", string()}, {"value", string()}},
                                     {"name", "value"}))},
        });
        const Node *rule = object({
            {"name", string()},
            {"matches", array(match)},
            {"filters", filters},
            {"backendRefs", array(backendRefWith({{"filters", filters}}))},
            {"sessionPersistence", sessionPersistence()},
        });
        return routeSpec({{"hostnames", hostnames()}, {"rules", array(rule)}}, {});
    }();
    return n;
}

} // namespace egret::schema::gatewayapi

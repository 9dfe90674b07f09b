#include "model/schema/IstioSchemas.h"

namespace egret::schema {

const Node *destinationRuleSpec() {
    static const Node *n = object(
        {
            {"host", string()},
            {"trafficPolicy", trafficPolicy()},
            {"subsets",
             array(object(
                 {{"name", string()}, {"labels", stringMap()}, {"trafficPolicy", trafficPolicy()}},
                 {"name"}))},
            {"exportTo", stringList()},
            {"workloadSelector", object({{"matchLabels", stringMap()}})},
        },
        {"host"});
    return n;
}

} // namespace egret::schema

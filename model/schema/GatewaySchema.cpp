#include "model/schema/IstioSchemas.h"

namespace egret::schema {

const Node *gatewaySpec() {
    static const Node *n = object({
        {"servers", array(object(
                        {
                            {"port", object({{"number", port()},
                                             {"protocol", string()},
                                             {"name", string()},
                                             {"targetPort", port()}},
                                            {"number", "protocol", "name"})},
                            {"bind", string()},
                            {"hosts", stringList()},
                            {"tls", serverTls()},
                            {"defaultEndpoint", string()},
                            {"name", string()},
                        },
                        {"port", "hosts"}))},
        {"selector", stringMap()},
    });
    return n;
}

} // namespace egret::schema

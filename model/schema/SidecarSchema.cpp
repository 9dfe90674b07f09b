#include "model/schema/IstioSchemas.h"

namespace egret::schema {

const Node *sidecarSpec() {
    static const Node *n = [] {
        const Node *sidecarPort = object({{"number", port()},
                                          {"protocol", string()},
                                          {"name", string()},
                                          {"targetPort", port()}});
        const Node *captureMode = enumeration({"DEFAULT", "IPTABLES", "NONE"});
        return object({
            {"workloadSelector", workloadSelectorLabels()},
            {"ingress", array(object({{"port", sidecarPort},
                                      {"bind", string()},
                                      {"captureMode", captureMode},
                                      {"defaultEndpoint", string()},
                                      {"tls", serverTls()},
                                      {"connectionPool", connectionPool()}},
                                     {"port"}))},
            {"egress", array(object({{"port", sidecarPort},
                                     {"bind", string()},
                                     {"captureMode", captureMode},
                                     {"hosts", stringList()}},
                                    {"hosts"}))},
            {"inboundConnectionPool", connectionPool()},
            {"outboundTrafficPolicy",
             object({{"mode", enumeration({"REGISTRY_ONLY", "ALLOW_ANY"})},
                     {"egressProxy",
                      object({{"host", string()}, {"subset", string()}, {"port", portSelector()}},
                             {"host"})}})},
        });
    }();
    return n;
}

} // namespace egret::schema

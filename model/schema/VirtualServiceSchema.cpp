#include "model/schema/IstioSchemas.h"

namespace egret::schema {

namespace {

const Node *destination() {
    static const Node *n =
        object({{"host", string()}, {"subset", string()}, {"port", portSelector()}}, {"host"});
    return n;
}

const Node *headerOperations() {
    static const Node *n =
        object({{"set", stringMap()}, {"add", stringMap()}, {"remove", stringList()}});
    return n;
}

const Node *headers() {
    static const Node *n =
        object({{"request", headerOperations()}, {"response", headerOperations()}});
    return n;
}

const Node *percent() {
    static const Node *n = object({{"value", number()}});
    return n;
}

const Node *httpMatch() {
    static const Node *n = object({
        {"name", string()},
        {"uri", stringMatch()},
        {"scheme", stringMatch()},
        {"method", stringMatch()},
        {"authority", stringMatch()},
        {"headers", map(stringMatch())},
        {"port", port()},
        {"sourceLabels", stringMap()},
        {"gateways", stringList()},
        {"queryParams", map(stringMatch())},
        {"ignoreUriCase", boolean()},
        {"withoutHeaders", map(stringMatch())},
        {"sourceNamespace", string()},
        {"statPrefix", string()},
    });
    return n;
}

const Node *fault() {
    static const Node *n = [] {
        Node *delay = object({{"fixedDelay", duration()},
                              {"exponentialDelay", duration()},
                              {"percentage", percent()},
                              {"percent", integer()}});
        delay->oneOf = {{"fixedDelay", "exponentialDelay"}};
        Node *abort = object({{"httpStatus", integer()},
                              {"grpcStatus", string()},
                              {"http2Error", string()},
                              {"percentage", percent()}});
        abort->oneOf = {{"httpStatus", "grpcStatus", "http2Error"}};
        return object({{"delay", delay}, {"abort", abort}});
    }();
    return n;
}

const Node *httpRoute() {
    static const Node *n = [] {
        Node *redirect =
            object({{"uri", string()},
                    {"authority", string()},
                    {"port", port()},
                    {"derivePort", enumeration({"FROM_PROTOCOL_DEFAULT", "FROM_REQUEST_PORT"})},
                    {"scheme", string()},
                    {"redirectCode", uint32()},
                    {"prefixRewrite", string()}});
        redirect->oneOf = {{"port", "derivePort"}};
        Node *body = object({{"string", string()}, {"bytes", string()}});
        body->oneOf = {{"string", "bytes"}};
        Node *cors =
            object({{"allowOrigin", stringList()},
                    {"allowOrigins", array(stringMatch())},
                    {"allowMethods", stringList()},
                    {"allowHeaders", stringList()},
                    {"exposeHeaders", stringList()},
                    {"maxAge", duration()},
                    {"allowCredentials", boolean()},
                    {"unmatchedPreflights", enumeration({"UNSPECIFIED", "FORWARD", "IGNORE"})}});
        return object({
            {"name", string()},
            {"match", array(httpMatch())},
            {"route",
             array(object(
                 {{"destination", destination()}, {"weight", integer()}, {"headers", headers()}},
                 {"destination"}))},
            {"redirect", redirect},
            {"directResponse", object({{"status", uint32()}, {"body", body}}, {"status"})},
            {"delegate", object({{"name", string()}, {"namespace", string()}})},
            {"rewrite",
             object({{"uri", string()},
                     {"authority", string()},
                     {"uriRegexRewrite", object({{"match", string()}, {"rewrite", string()}})}})},
            {"timeout", duration()},
            {"retries", object({{"attempts", integer()},
                                {"perTryTimeout", duration()},
                                {"retryOn", string()},
                                {"retryRemoteLocalities", boolean()},
                                {"retryIgnorePreviousHosts", boolean()},
                                {"backoff", duration()}})},
            {"fault", fault()},
            {"mirror", destination()},
            {"mirrors", array(object({{"destination", destination()}, {"percentage", percent()}},
                                     {"destination"}))},
            {"mirrorPercent", uint32()},
            {"mirror_percent", uint32()},
            {"mirrorPercentage", percent()},
            {"corsPolicy", cors},
            {"headers", headers()},
        });
    }();
    return n;
}

const Node *l4Route() {
    static const Node *n =
        array(object({{"destination", destination()}, {"weight", integer()}}, {"destination"}));
    return n;
}

} // namespace

const Node *virtualServiceSpec() {
    static const Node *n = object({
        {"hosts", stringList()},
        {"gateways", stringList()},
        {"http", array(httpRoute())},
        {"tls", array(object({{"match", array(object({{"sniHosts", stringList()},
                                                      {"destinationSubnets", stringList()},
                                                      {"port", port()},
                                                      {"sourceLabels", stringMap()},
                                                      {"gateways", stringList()},
                                                      {"sourceNamespace", string()}},
                                                     {"sniHosts"}))},
                              {"route", l4Route()}},
                             {"match"}))},
        {"tcp", array(object({{"match", array(object({{"destinationSubnets", stringList()},
                                                      {"port", port()},
                                                      {"sourceSubnet", string()},
                                                      {"sourceLabels", stringMap()},
                                                      {"gateways", stringList()},
                                                      {"sourceNamespace", string()}}))},
                              {"route", l4Route()}}))},
        {"exportTo", stringList()},
    });
    return n;
}

} // namespace egret::schema

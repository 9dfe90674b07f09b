#include "model/schema/GatewayApiSchemas.h"

#include <yaml-cpp/yaml.h>

#include <string>

namespace egret::schema::gatewayapi {

namespace {

std::string text(const YAML::Node &map, const char *key) {
    if (!map.IsMap())
        return {};
    const YAML::Node v = map[key];
    return v && v.IsScalar() && !v.IsNull() ? v.Scalar() : std::string();
}

// CEL on HTTPPathMatch; the type defaults to PathPrefix.
void absolutePath(const YAML::Node &match, const QString &path, CheckSink &report) {
    const std::string type = text(match, "type");
    const std::string value = text(match, "value");
    if ((type.empty() || type == "Exact" || type == "PathPrefix") && !value.empty() &&
        value.front() != '/')
        report.error(
            match["value"], path + QStringLiteral(".value"),
            QStringLiteral("an %1 path starts with '/': the CRD refuses it (\"value "
                           "must be an absolute path and start with '/' when type one "
                           "of ['Exact', 'PathPrefix']\")")
                .arg(type == "Exact" ? QStringLiteral("Exact") : QStringLiteral("PathPrefix")));
}

// CEL on HTTPPathModifier: the field its type names, and no other.
void pathModifierFields(const YAML::Node &m, const QString &path, CheckSink &report) {
    const std::string type = text(m, "type");
    struct Pair {
        const char *type;
        const char *field;
    };
    for (const Pair &p : {Pair{"ReplaceFullPath", "replaceFullPath"},
                          Pair{"ReplacePrefixMatch", "replacePrefixMatch"}}) {
        const YAML::Node v = m[p.field];
        const bool set = v && !v.IsNull();
        if (type == p.type && !set)
            report.error(m, path,
                         QStringLiteral("missing \"%1\", which type %2 needs")
                             .arg(QLatin1String(p.field), QLatin1String(p.type)));
        else if (set && !type.empty() && type != p.type)
            report.error(v, path + QLatin1Char('.') + QLatin1String(p.field),
                         QStringLiteral("\"%1\" is set although type is %2")
                             .arg(QLatin1String(p.field), QString::fromStdString(type)));
    }
}

void redirectStatus(const YAML::Node &v, const QString &path, CheckSink &report) {
    const std::string s = v.Scalar();
    if (s != "301" && s != "302" && s != "303" && s != "307" && s != "308")
        report.error(v, path,
                     QStringLiteral("%1 is not one of 301, 302, 303, 307, 308")
                         .arg(QString::fromStdString(s)));
}

const Node *pathModifier() {
    static const Node *n =
        withRule(object({{"type", enumeration({"ReplaceFullPath", "ReplacePrefixMatch"})},
                         {"replaceFullPath", string()},
                         {"replacePrefixMatch", string()}},
                        {"type"}),
                 pathModifierFields);
    return n;
}

const Node *httpRouteFilter() {
    static const Node *n = [] {
        const Node *methods = enumeration(
            {"GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH", "*"});
        return withRule(
            object(
                {
                    {"type", enumeration({"RequestHeaderModifier", "ResponseHeaderModifier",
                                          "RequestMirror", "RequestRedirect", "URLRewrite",
                                          "ExtensionRef", "CORS", "ExternalAuth"})},
                    {"requestHeaderModifier", headerFilter()},
                    {"responseHeaderModifier", headerFilter()},
                    {"requestMirror", requestMirror()},
                    {"requestRedirect",
                     object({{"scheme", enumeration({"http", "https"})},
                             {"hostname", preciseHostname()},
                             {"path", pathModifier()},
                             {"port", portNumber()},
                             {"statusCode", scalar(Type::Integer, redirectStatus)}})},
                    {"urlRewrite",
                     object({{"hostname", preciseHostname()}, {"path", pathModifier()}})},
                    {"extensionRef", localObjectReference()},
                    {"cors", object({{"allowOrigins", stringList()},
                                     {"allowCredentials", boolean()},
                                     {"allowMethods", array(methods)},
                                     {"allowHeaders", stringList()},
                                     {"exposeHeaders", stringList()},
                                     {"maxAge", integer(1)}})},
                    {"externalAuth",
                     object({{"protocol", enumeration({"HTTP", "GRPC"})},
                             {"backendRef", backendObjectReference()},
                             {"grpc", object({{"allowedHeaders", stringList()}})},
                             {"http", object({{"path", string()},
                                              {"allowedHeaders", stringList()},
                                              {"allowedResponseHeaders", stringList()}})},
                             {"forwardBody", object({{"maxSize", integer(0)}})}},
                            {"protocol", "backendRef"})},
                },
                {"type"}),
            httpFilterFields);
    }();
    return n;
}

const Node *httpRouteMatch() {
    static const Node *n = [] {
        const Node *nameValue = object({{"type", enumeration({"Exact", "RegularExpression"})},
                                        {"name", string()},
                                        {"value", string()}},
                                       {"name", "value"});
        return object({
            {"path",
             withRule(object({{"type", enumeration({"Exact", "PathPrefix", "RegularExpression"})},
                              {"value", string()}}),
                      absolutePath)},
            {"headers", array(nameValue)},
            {"queryParams", array(nameValue)},
            {"method", enumeration({"GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS",
                                    "TRACE", "PATCH"})},
        });
    }();
    return n;
}

} // namespace

const Node *httpRouteSpec() {
    static const Node *n = [] {
        const Node *filters = array(httpRouteFilter());
        const Node *rule = object({
            {"name", string()},
            {"matches", array(httpRouteMatch())},
            {"filters", filters},
            {"backendRefs", array(backendRefWith({{"filters", filters}}))},
            {"timeouts", object({{"request", duration()}, {"backendRequest", duration()}})},
            {"retry", object({{"attempts", integer()},
                              {"backoff", duration()},
                              {"codes", array(integer(400, 599))}})},
            {"sessionPersistence", sessionPersistence()},
        });
        return routeSpec({{"hostnames", hostnames()}, {"rules", array(rule)}}, {});
    }();
    return n;
}

} // namespace egret::schema::gatewayapi

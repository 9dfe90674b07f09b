#include "model/schema/GatewayApiSchemas.h"

#include <yaml-cpp/yaml.h>

#include <string_view>

namespace egret::schema::gatewayapi {

namespace {

// The text of a scalar field, or `fallback` when it is absent (the default the API server fills).
std::string_view scalarOr(const YAML::Node &map, const char *key, std::string_view fallback) {
    if (!map.IsMap())
        return fallback;
    const YAML::Node v = map[key];
    return v && v.IsScalar() ? std::string_view(v.Scalar()) : fallback;
}

bool present(const YAML::Node &map, const char *key) {
    if (!map.IsMap())
        return false;
    const YAML::Node v = map[key];
    return v && !v.IsNull();
}

bool isLabel(std::string_view s) {
    if (s.empty() || s.size() > 63 || s.front() == '-' || s.back() == '-')
        return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            return false;
    return true;
}

// The CRDs' Hostname pattern: lower-case RFC 1123 labels, optionally after one leading "*.".
bool isHostname(std::string_view s, bool wildcardAllowed) {
    if (s.empty() || s.size() > 253)
        return false;
    if (wildcardAllowed && s.substr(0, 2) == "*.")
        s.remove_prefix(2);
    while (true) {
        const std::size_t dot = s.find('.');
        if (!isLabel(s.substr(0, dot)))
            return false;
        if (dot == std::string_view::npos)
            return true;
        s.remove_prefix(dot + 1);
    }
}

void checkHostname(const YAML::Node &v, const QString &path, CheckSink &report, bool wildcard) {
    if (isHostname(v.Scalar(), wildcard))
        return;
    report.error(
        v, path,
        QStringLiteral("\"%1\" is not a %2: lower-case letters, digits, '-' and '.'%3, "
                       "without a final dot")
            .arg(QString::fromStdString(v.Scalar()),
                 wildcard ? QStringLiteral("hostname") : QStringLiteral("precise hostname"),
                 wildcard ? QStringLiteral(", optionally after a leading \"*.\"")
                          : QStringLiteral(" (no wildcard)")));
}

void hostnameRule(const YAML::Node &v, const QString &path, CheckSink &report) {
    checkHostname(v, path, report, true);
}

void preciseHostnameRule(const YAML::Node &v, const QString &path, CheckSink &report) {
    checkHostname(v, path, report, false);
}

// GEP-2257: ^([0-9]{1,5}(h|m|s|ms)){1,4}$, stricter than Go's durations (no fractions, no "us").
bool isGatewayDuration(std::string_view t) {
    int parts = 0;
    std::size_t i = 0;
    while (i < t.size()) {
        std::size_t digits = 0;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9')
            ++i, ++digits;
        if (digits == 0 || digits > 5)
            return false;
        if (t.substr(i, 2) == "ms")
            i += 2;
        else if (i < t.size() && (t[i] == 'h' || t[i] == 'm' || t[i] == 's'))
            ++i;
        else
            return false;
        ++parts;
    }
    return parts >= 1 && parts <= 4;
}

void durationRule(const YAML::Node &v, const QString &path, CheckSink &report) {
    if (!isGatewayDuration(v.Scalar()))
        report.error(v, path,
                     QStringLiteral("\"%1\" is not a Gateway API duration: 1 to 4 parts of up to 5 "
                                    "digits and a unit h, m, s or ms, such as \"10s\", \"500ms\" "
                                    "or \"1h30m\" (no fractions)")
                         .arg(QString::fromStdString(v.Scalar())));
}

// CEL on BackendObjectReference: a core Service (the default group and kind) needs a port.
void servicePortRule(const YAML::Node &ref, const QString &path, CheckSink &report) {
    if (scalarOr(ref, "group", "").empty() && scalarOr(ref, "kind", "Service") == "Service" &&
        !present(ref, "port"))
        report.error(ref, path,
                     QStringLiteral("a backend that is a Service needs a port: the CRD refuses "
                                    "it (\"Must have port for Service reference\")"));
}

} // namespace

namespace {

struct FilterField {
    std::string_view type;
    const char *field;
};

constexpr FilterField kHttpFilters[] = {
    {"RequestHeaderModifier", "requestHeaderModifier"},
    {"ResponseHeaderModifier", "responseHeaderModifier"},
    {"RequestMirror", "requestMirror"},
    {"RequestRedirect", "requestRedirect"},
    {"URLRewrite", "urlRewrite"},
    {"ExtensionRef", "extensionRef"},
    {"CORS", "cors"},
    {"ExternalAuth", "externalAuth"},
};

QString latin1(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// The filter types of `kinds` that the route's CRD allows; a type outside them is the enum's
// to report.
template <std::size_t N>
void checkFilter(const YAML::Node &filter, const QString &path, CheckSink &report,
                 const FilterField (&kinds)[N]) {
    const std::string_view type = scalarOr(filter, "type", "");
    bool known = false;
    for (const FilterField &k : kinds)
        known = known || k.type == type;
    if (!known)
        return;
    for (const FilterField &k : kinds) {
        const bool set = present(filter, k.field);
        if (k.type == type && !set)
            report.error(filter, path,
                         QStringLiteral("a %1 filter needs \"%2\": the CRD refuses it "
                                        "(\"filter.%2 must be specified for %1 filter.type\")")
                             .arg(latin1(k.type), QLatin1String(k.field)));
        else if (set && k.type != type)
            report.error(filter[k.field], path + QLatin1Char('.') + QLatin1String(k.field),
                         QStringLiteral("\"%1\" belongs to a %2 filter, not to this %3 one: "
                                        "the CRD refuses it (\"filter.%1 must be nil if the "
                                        "filter.type is not %2\")")
                             .arg(QLatin1String(k.field), latin1(k.type), latin1(type)));
    }
}

} // namespace

void httpFilterFields(const YAML::Node &filter, const QString &path, CheckSink &report) {
    checkFilter(filter, path, report, kHttpFilters);
}

void grpcFilterFields(const YAML::Node &filter, const QString &path, CheckSink &report) {
    static constexpr FilterField grpc[] = {
        {"RequestHeaderModifier", "requestHeaderModifier"},
        {"ResponseHeaderModifier", "responseHeaderModifier"},
        {"RequestMirror", "requestMirror"},
        {"ExtensionRef", "extensionRef"},
    };
    checkFilter(filter, path, report, grpc);
}

const Node *portNumber() {
    static const Node *n = integer(1, 65535);
    return n;
}

const Node *duration() {
    static const Node *n = scalar(Type::String, durationRule);
    return n;
}

const Node *hostname() {
    static const Node *n = scalar(Type::String, hostnameRule);
    return n;
}

const Node *preciseHostname() {
    static const Node *n = scalar(Type::String, preciseHostnameRule);
    return n;
}

const Node *hostnames() {
    static const Node *n = array(hostname());
    return n;
}

const Node *parentReference() {
    static const Node *n = object({{"group", string()},
                                   {"kind", string()},
                                   {"namespace", string()},
                                   {"name", string()},
                                   {"sectionName", string()},
                                   {"port", portNumber()}},
                                  {"name"});
    return n;
}

const Node *backendObjectReference() {
    static const Node *n = withRule(object({{"group", string()},
                                            {"kind", string()},
                                            {"name", string()},
                                            {"namespace", string()},
                                            {"port", portNumber()}},
                                           {"name"}),
                                    servicePortRule);
    return n;
}

Node *backendRefWith(std::initializer_list<Field> more) {
    Node *n = withRule(object({{"group", string()},
                               {"kind", string()},
                               {"name", string()},
                               {"namespace", string()},
                               {"port", portNumber()},
                               {"weight", integer(0, 1000000)}},
                              {"name"}),
                       servicePortRule);
    n->fields.insert(n->fields.end(), more.begin(), more.end());
    return n;
}

const Node *backendRef() {
    static const Node *n = backendRefWith({});
    return n;
}

const Node *secretObjectReference() {
    static const Node *n = object(
        {{"group", string()}, {"kind", string()}, {"name", string()}, {"namespace", string()}},
        {"name"});
    return n;
}

const Node *objectReference() {
    static const Node *n = object(
        {{"group", string()}, {"kind", string()}, {"name", string()}, {"namespace", string()}},
        {"group", "kind", "name"});
    return n;
}

const Node *localObjectReference() {
    static const Node *n = object({{"group", string()}, {"kind", string()}, {"name", string()}},
                                  {"group", "kind", "name"});
    return n;
}

const Node *labelSelector() {
    static const Node *n =
        object({{"matchLabels", stringMap()},
                {"matchExpressions",
                 array(object({{"key", string()}, {"operator", string()}, {"values", stringList()}},
                              {"key", "operator"}))}});
    return n;
}

const Node *headerFilter() {
    static const Node *n = [] {
        const Node *header = object({{"name", string()}, {"value", string()}}, {"name", "value"});
        return object({{"set", array(header)}, {"add", array(header)}, {"remove", stringList()}});
    }();
    return n;
}

const Node *requestMirror() {
    static const Node *n = [] {
        Node *m =
            object({{"backendRef", backendObjectReference()},
                    {"percent", integer(0, 100)},
                    {"fraction", object({{"numerator", integer(0)}, {"denominator", integer(1)}},
                                        {"numerator"})}},
                   {"backendRef"});
        m->oneOf = {{"percent", "fraction"}};
        return m;
    }();
    return n;
}

const Node *sessionPersistence() {
    static const Node *n = object({
        {"sessionName", string()},
        {"absoluteTimeout", duration()},
        {"idleTimeout", duration()},
        {"type", enumeration({"Cookie", "Header"})},
        {"cookieConfig", object({{"lifetimeType", enumeration({"Permanent", "Session"})}})},
    });
    return n;
}

Node *routeSpec(std::initializer_list<Field> more, std::initializer_list<const char *> required) {
    Node *n = object({{"parentRefs", array(parentReference())},
                      {"useDefaultGateways", enumeration({"All", "None"})}},
                     required);
    n->fields.insert(n->fields.end(), more.begin(), more.end());
    return n;
}

} // namespace egret::schema::gatewayapi

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

bool present(const YAML::Node &map, const char *key) {
    if (!map.IsMap())
        return false;
    const YAML::Node v = map[key];
    return v && !v.IsNull();
}

bool nonEmpty(const YAML::Node &map, const char *key) {
    if (!map.IsMap())
        return false;
    const YAML::Node v = map[key];
    return v && (v.IsSequence() || v.IsMap()) && v.size() > 0;
}

QString refusal(const QString &why, const char *celMessage) {
    return QStringLiteral("%1: the CRD refuses it (\"%2\")").arg(why, QLatin1String(celMessage));
}

// CEL on ListenerTLSConfig; mode defaults to Terminate.
void terminateNeedsCertificates(const YAML::Node &tls, const QString &path, CheckSink &report) {
    const std::string mode = text(tls, "mode");
    if ((mode.empty() || mode == "Terminate") && !nonEmpty(tls, "certificateRefs") &&
        !nonEmpty(tls, "options"))
        report.error(tls, path,
                     refusal(QStringLiteral("TLS terminated here needs certificateRefs or options"),
                             "certificateRefs or options must be specified when mode is "
                             "Terminate"));
}

// The CEL rules on a Gateway's listeners, each reported on the listener that breaks it.
void listenerRules(const YAML::Node &listeners, const QString &path, CheckSink &report) {
    for (std::size_t i = 0; i < listeners.size(); ++i) {
        const YAML::Node l = listeners[i];
        if (!l.IsMap())
            continue;
        const QString at = path + QStringLiteral("[%1]").arg(i);
        const std::string protocol = text(l, "protocol");
        const QString proto = QString::fromStdString(protocol);
        if ((protocol == "HTTP" || protocol == "TCP" || protocol == "UDP") && present(l, "tls"))
            report.error(l["tls"], at + QStringLiteral(".tls"),
                         refusal(QStringLiteral("a %1 listener takes no tls").arg(proto),
                                 "tls must not be specified for protocols ['HTTP', 'TCP', "
                                 "'UDP']"));
        if (protocol == "HTTPS" && present(l, "tls") && text(l["tls"], "mode") == "Passthrough")
            report.error(l["tls"]["mode"], at + QStringLiteral(".tls.mode"),
                         refusal(QStringLiteral("an HTTPS listener terminates TLS; pass TLS "
                                                "through on a TLS listener"),
                                 "tls mode must be Terminate for protocol HTTPS"));
        if ((protocol == "TCP" || protocol == "UDP") && !text(l, "hostname").empty())
            report.error(l["hostname"], at + QStringLiteral(".hostname"),
                         refusal(QStringLiteral("a %1 listener matches no hostname").arg(proto),
                                 "hostname must not be specified for protocols ['TCP', 'UDP']"));
        // Against the listeners before it, so that a clash is reported once, on the later one.
        const std::string name = text(l, "name");
        for (std::size_t j = 0; j < i; ++j) {
            const YAML::Node e = listeners[j];
            if (!e.IsMap())
                continue;
            if (!name.empty() && text(e, "name") == name) {
                report.error(l["name"], at + QStringLiteral(".name"),
                             refusal(QStringLiteral("listener %1 repeats the name \"%2\"")
                                         .arg(i)
                                         .arg(QString::fromStdString(name)),
                                     "Listener name must be unique within the Gateway"));
                break;
            }
        }
        if (!present(l, "port") || protocol.empty())
            continue;
        for (std::size_t j = 0; j < i; ++j) {
            const YAML::Node e = listeners[j];
            if (e.IsMap() && text(e, "port") == text(l, "port") &&
                text(e, "protocol") == protocol &&
                present(e, "hostname") == present(l, "hostname") &&
                text(e, "hostname") == text(l, "hostname")) {
                report.error(l, at,
                             refusal(QStringLiteral("listeners %1 and %2 have the same port, "
                                                    "protocol and hostname")
                                         .arg(j)
                                         .arg(i),
                                     "Combination of port, protocol and hostname must be unique "
                                     "for each listener"));
                break;
            }
        }
    }
}

const Node *listener() {
    const Node *tls = withRule(
        object({
            {"mode", enumeration({"Terminate", "Passthrough"})},
            {"certificateRefs", array(secretObjectReference())},
            {"options", stringMap()},
            // Gateway API 1.1-1.3 (experimental); 1.4 moved it to the Gateway's tls.frontend.
            {"frontendValidation", object({{"caCertificateRefs", array(objectReference())}})},
        }),
        terminateNeedsCertificates);
    const Node *allowedRoutes = object({
        {"namespaces", object({{"from", enumeration({"All", "Selector", "Same"})},
                               {"selector", labelSelector()}})},
        {"kinds", array(object({{"group", string()}, {"kind", string()}}, {"kind"}))},
    });
    return object(
        {
            {"name", string()},
            {"hostname", hostname()},
            {"port", portNumber()},
            {"protocol", string()},
            {"tls", tls},
            {"allowedRoutes", allowedRoutes},
        },
        {"name", "port", "protocol"});
}

const Node *frontendTlsConfig() {
    return object(
        {{"validation", object({{"caCertificateRefs", array(objectReference())},
                                {"mode", enumeration({"AllowValidOnly", "AllowInsecureFallback"})}},
                               {"caCertificateRefs"})}});
}

} // namespace

const Node *gatewaySpec() {
    static const Node *n = [] {
        const Node *listeners = withRule(array(listener(), 1, 64), listenerRules);
        const Node *clientCertificate = object({{"clientCertificateRef", secretObjectReference()}});
        const Node *frontend = frontendTlsConfig();
        return object(
            {
                {"gatewayClassName", string()},
                {"listeners", listeners},
                {"addresses", array(object({{"type", string()}, {"value", string()}}))},
                {"infrastructure",
                 object({{"labels", stringMap()},
                         {"annotations", stringMap()},
                         {"parametersRef",
                          object({{"group", string()}, {"kind", string()}, {"name", string()}},
                                 {"group", "kind", "name"})}})},
                {"allowedListeners",
                 object({{"namespaces",
                          object({{"from", enumeration({"All", "Selector", "Same", "None"})},
                                  {"selector", labelSelector()}})}})},
                {"tls",
                 object({{"backend", clientCertificate},
                         {"frontend", object({{"default", frontend},
                                              {"perPort", array(object({{"port", portNumber()},
                                                                        {"tls", frontend}},
                                                                       {"port", "tls"}))}},
                                             {"default"})}})},
                {"defaultScope", enumeration({"All", "None"})},
                // Gateway API 1.3 (experimental); 1.4 moved it to tls.backend.
                {"backendTLS", clientCertificate},
            },
            {"gatewayClassName", "listeners"});
    }();
    return n;
}

} // namespace egret::schema::gatewayapi

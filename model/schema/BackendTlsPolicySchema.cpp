#include "model/schema/GatewayApiSchemas.h"

#include <yaml-cpp/yaml.h>

namespace egret::schema::gatewayapi {

namespace {

bool present(const YAML::Node &map, const char *key) {
    if (!map.IsMap())
        return false;
    const YAML::Node v = map[key];
    return v && !v.IsNull();
}

// CEL on SubjectAltName: the field its type names, and no other.
void subjectAltNameFields(const YAML::Node &san, const QString &path, CheckSink &report) {
    const YAML::Node t = san["type"];
    if (!t || !t.IsScalar())
        return;
    const bool hostname = t.Scalar() == "Hostname";
    const bool uri = t.Scalar() == "URI";
    if (!hostname && !uri)
        return; // the enum reports it
    if (hostname != present(san, "hostname"))
        report.error(san, path,
                     hostname ? QStringLiteral("a Hostname subjectAltName needs \"hostname\"")
                              : QStringLiteral("\"hostname\" is set although type is URI"));
    if (uri != present(san, "uri"))
        report.error(san, path,
                     uri ? QStringLiteral("a URI subjectAltName needs \"uri\"")
                         : QStringLiteral("\"uri\" is set although type is Hostname"));
}

} // namespace

// v1 (Gateway API 1.4+) and v1alpha3 (1.1-1.3 experimental) share one shape.
const Node *backendTlsPolicySpec() {
    static const Node *n = [] {
        Node *validation = object(
            {{"caCertificateRefs", array(localObjectReference())},
             {"wellKnownCACertificates", string()},
             {"hostname", preciseHostname()},
             {"subjectAltNames", array(withRule(object({{"type", enumeration({"Hostname", "URI"})},
                                                        {"hostname", hostname()},
                                                        {"uri", string()}},
                                                       {"type"}),
                                                subjectAltNameFields))}},
            {"hostname"});
        // CEL: "must not contain both CACertificateRefs and WellKnownCACertificates".
        validation->oneOf = {{"caCertificateRefs", "wellKnownCACertificates"}};
        return object({{"targetRefs", array(object({{"group", string()},
                                                    {"kind", string()},
                                                    {"name", string()},
                                                    {"sectionName", string()}},
                                                   {"group", "kind", "name"}),
                                            1, 16)},
                       {"validation", validation},
                       {"options", stringMap()}},
                      {"targetRefs", "validation"});
    }();
    return n;
}

// v1alpha2 (Gateway API 1.0): one targetRef, and the TLS settings under `tls` with shorter names.
const Node *backendTlsPolicySpecV1alpha2() {
    static const Node *n = [] {
        Node *tls = object({{"caCertRefs", array(localObjectReference())},
                            {"wellKnownCACerts", enumeration({"System"})},
                            {"hostname", preciseHostname()}},
                           {"hostname"});
        tls->oneOf = {{"caCertRefs", "wellKnownCACerts"}};
        return object({{"targetRef", object({{"group", string()},
                                             {"kind", string()},
                                             {"name", string()},
                                             {"namespace", string()},
                                             {"sectionName", string()}},
                                            {"group", "kind", "name"})},
                       {"tls", tls}},
                      {"targetRef", "tls"});
    }();
    return n;
}

} // namespace egret::schema::gatewayapi

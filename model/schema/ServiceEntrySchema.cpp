#include "model/schema/IstioSchemas.h"

#include <yaml-cpp/yaml.h>

#include <set>

namespace egret::schema {

namespace {

std::string scalarOr(const YAML::Node &n, const char *key, const char *fallback) {
    const YAML::Node v = n[key];
    return v && v.IsScalar() ? v.Scalar() : std::string(fallback);
}

// The CRD's CEL rules on the spec as a whole.
void serviceEntryRules(const YAML::Node &spec, const QString &path, CheckSink &report) {
    const std::string resolution = scalarOr(spec, "resolution", "NONE");
    const YAML::Node endpoints = spec["endpoints"];
    const YAML::Node addresses = spec["addresses"];
    if (addresses && addresses.IsSequence() && resolution != "STATIC" && resolution != "NONE") {
        for (const YAML::Node &a : addresses) {
            if (a.IsScalar() && a.Scalar().find('/') != std::string::npos) {
                report.error(a, path + QStringLiteral(".addresses"),
                             QStringLiteral("CIDR addresses are allowed only with resolution "
                                            "NONE or STATIC"));
                break;
            }
        }
    }
    if (resolution == "NONE" && endpoints && endpoints.IsSequence() && endpoints.size() > 0)
        report.error(endpoints, path + QStringLiteral(".endpoints"),
                     QStringLiteral("resolution NONE cannot have endpoints"));
    if (resolution == "DNS_ROUND_ROBIN" && endpoints && endpoints.IsSequence() &&
        endpoints.size() > 1)
        report.error(
            endpoints, path + QStringLiteral(".endpoints"),
            QStringLiteral("resolution DNS_ROUND_ROBIN cannot have more than one endpoint"));
    const YAML::Node hosts = spec["hosts"];
    if (hosts && hosts.IsSequence()) {
        int i = 0;
        for (const YAML::Node &h : hosts) {
            if (h.IsScalar() && h.Scalar() == "*")
                report.error(h, path + QStringLiteral(".hosts[%1]").arg(i),
                             QStringLiteral("a ServiceEntry host cannot be the wildcard \"*\""));
            ++i;
        }
    }
    const YAML::Node ports = spec["ports"];
    if (ports && ports.IsSequence()) {
        std::set<std::string> seen;
        int i = 0;
        for (const YAML::Node &p : ports) {
            const YAML::Node number = p.IsMap() ? p["number"] : YAML::Node();
            if (number && number.IsScalar() && !seen.insert(number.Scalar()).second)
                report.error(number, path + QStringLiteral(".ports[%1].number").arg(i),
                             QStringLiteral("port number %1 is listed twice")
                                 .arg(QString::fromStdString(number.Scalar())));
            ++i;
        }
    }
}

void endpointRules(const YAML::Node &endpoint, const QString &path, CheckSink &report) {
    if (!endpoint["address"] && !endpoint["network"])
        report.error(endpoint, path, QStringLiteral("an endpoint needs an address"));
}

} // namespace

const Node *serviceEntrySpec() {
    static const Node *n = [] {
        Node *endpoint = object({
            {"address", string()},
            {"ports", map(uint32())},
            {"labels", stringMap()},
            {"network", string()},
            {"locality", string()},
            {"weight", uint32()},
            {"serviceAccount", string()},
        });
        endpoint->rule = endpointRules;
        Node *spec = object(
            {
                {"hosts", stringList()},
                {"addresses", stringList()},
                {"ports", array(object({{"number", port()},
                                        {"protocol", string()},
                                        {"name", string()},
                                        {"targetPort", port()}},
                                       {"number", "name"}))},
                {"location", enumeration({"MESH_EXTERNAL", "MESH_INTERNAL"})},
                {"resolution",
                 enumeration({"NONE", "STATIC", "DNS", "DNS_ROUND_ROBIN", "DYNAMIC_DNS"})},
                {"endpoints", array(endpoint)},
                {"workloadSelector", workloadSelectorLabels()},
                {"exportTo", stringList()},
                {"subjectAltNames", stringList()},
            },
            {"hosts"});
        spec->oneOf = {{"workloadSelector", "endpoints"}};
        spec->rule = serviceEntryRules;
        return spec;
    }();
    return n;
}

} // namespace egret::schema

#include "model/schema/IstioSchemas.h"

#include <yaml-cpp/yaml.h>

namespace egret::schema {

namespace {

Node *document(const Node *spec) {
    return object({{"apiVersion", string()},
                   {"kind", string()},
                   {"metadata", objectMeta()},
                   {"spec", spec},
                   {"status", preserved()}},
                  {"apiVersion", "kind", "metadata"});
}

// Istio's validation webhook refuses a Gateway without servers, spec or not; the CRD schema
// does not say so.
void gatewayNeedsServers(const YAML::Node &gateway, const QString &path, CheckSink &report) {
    const YAML::Node spec = gateway["spec"];
    const YAML::Node servers = spec && spec.IsMap() ? spec["servers"] : YAML::Node();
    if (servers && servers.IsSequence() && servers.size() > 0)
        return;
    report.error(spec && spec.IsMap() ? spec : gateway,
                 path.isEmpty() ? QStringLiteral("spec") : path + QStringLiteral(".spec"),
                 QStringLiteral("a Gateway needs at least one server: Istio's validation webhook "
                                "refuses it (\"gateway must have at least one server\")"));
}

Node *withRule(Node *n, void (*rule)(const YAML::Node &, const QString &, CheckSink &)) {
    n->rule = rule;
    return n;
}

struct Registry {
    const Node *gateway = withRule(document(gatewaySpec()), gatewayNeedsServers);
    const Node *serviceEntry = document(serviceEntrySpec());
    const Node *virtualService = document(virtualServiceSpec());
    const Node *destinationRule = document(destinationRuleSpec());
    const Node *sidecar = document(sidecarSpec());
};

} // namespace

const Node *resourceSchema(Kind kind) {
    // Built once, by whichever thread asks first; read-only afterwards.
    static const Registry registry;
    switch (kind) {
    case Kind::Gateway:
        return registry.gateway;
    case Kind::ServiceEntry:
        return registry.serviceEntry;
    case Kind::VirtualService:
        return registry.virtualService;
    case Kind::DestinationRule:
        return registry.destinationRule;
    case Kind::Sidecar:
        return registry.sidecar;
    default:
        return nullptr;
    }
}

} // namespace egret::schema

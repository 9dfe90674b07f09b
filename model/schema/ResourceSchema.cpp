#include "model/schema/IstioSchemas.h"

namespace egret::schema {

namespace {

const Node *document(const Node *spec) {
    return object({{"apiVersion", string()},
                   {"kind", string()},
                   {"metadata", objectMeta()},
                   {"spec", spec},
                   {"status", preserved()}},
                  {"apiVersion", "kind", "metadata"});
}

struct Registry {
    const Node *gateway = document(gatewaySpec());
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

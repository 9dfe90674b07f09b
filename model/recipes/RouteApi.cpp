#include "model/istio/GatewayApiRefs.h"
#include "model/recipes/Route.h"
#include "model/workspace/Workspace.h"

namespace egret::recipes {

Api defaultApi(const Workspace &ws) {
    bool gatewayApi = false;
    bool istioGateway = false;
    ws.forEachResource([&](const Resource &r) {
        if (r.kind == Kind::Gateway)
            istioGateway = true;
        else if (const KubernetesGateway *g = r.as<KubernetesGateway>())
            gatewayApi = gatewayApi || g->gatewayClassName == istio::kIstioGatewayClass;
        else if (isGatewayApiRoute(r.kind))
            gatewayApi = true;
    });
    return gatewayApi && !istioGateway ? Api::GatewayApi : Api::Istio;
}

QString apiName(Api api) {
    return api == Api::GatewayApi ? QStringLiteral("gateway-api") : QStringLiteral("istio");
}

QString apiTitle(Api api) {
    return api == Api::GatewayApi ? QStringLiteral("Gateway API") : QStringLiteral("Istio API");
}

std::optional<Api> apiFromName(const QString &name) {
    for (Api api : {Api::Istio, Api::GatewayApi})
        if (name == apiName(api))
            return api;
    return std::nullopt;
}

} // namespace egret::recipes

#include "model/validation/Context.h"
#include "model/validation/rules/Rules.h"

namespace egret::validation::rules {

// EGR0016: istiod serves the Gateway API's experimental channel only behind a flag; without it
// the resource is ignored and the traffic it describes is not steered.
static void analyze(Context &ctx) {
    const Resource &r = ctx.subject();
    const QString flag = gatewayApiAlphaFlag(r.kind, r.apiVersion);
    if (flag.isEmpty())
        return;
    QString since;
    if (r.kind == Kind::TlsRoute)
        since = QStringLiteral(" (Istio 1.30 and later serve TLSRoute v1 without it)");
    else if (r.kind == Kind::BackendTlsPolicy)
        since = QStringLiteral(" (Istio 1.28 and later serve BackendTLSPolicy v1 without it)");
    ctx.report(msg::ExperimentalGatewayApiKind, QStringLiteral("apiVersion"),
               {r.kindName, r.apiVersion, flag, since});
}

const Rule experimentalKindAnalyzer{
    "gatewayapi.ExperimentalKindAnalyzer",
    "Notes Gateway API kinds Istio reads only with PILOT_ENABLE_ALPHA_GATEWAY_API",
    {Kind::TlsRoute, Kind::TcpRoute, Kind::BackendTlsPolicy},
    {Kind::TlsRoute, Kind::TcpRoute, Kind::BackendTlsPolicy},
    {&msg::ExperimentalGatewayApiKind},
    analyze,
};

} // namespace egret::validation::rules

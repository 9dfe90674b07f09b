#include "model/recipes/Patterns.h"

namespace egret::recipes {

const QVector<PatternInfo> &patterns() {
    // Default ports are the ones Istio's tasks use; gateway ports are ones the installed
    // egress gateway's Service exposes (80 and 443), except for TCP where the task adds one.
    static const QVector<PatternInfo> list = {
        {Pattern::DirectHttp, "direct-http",
         "Sidecars call the host directly over HTTP (ServiceEntry)", false, 80, 0, false, false,
         true, "egress-control", "the same ServiceEntry (no gateway)"},
        {Pattern::DirectTls, "direct-tls",
         "Sidecars pass the application's TLS straight to the host (ServiceEntry)", false, 443, 0,
         false, false, true, "egress-control", "the same ServiceEntry (no gateway)"},
        {Pattern::SidecarTlsOrigination, "sidecar-tls-origination",
         "The application speaks HTTP; its sidecar originates TLS to port 443", false, 80, 0, false,
         false, false, "egress-tls-origination",
         "the same ServiceEntry and DestinationRule (no gateway)"},
        {Pattern::Http, "http", "Plain HTTP through the egress gateway", true, 80, 80, false, false,
         true, "egress-gateway", "Gateway (class istio), two HTTPRoutes"},
        {Pattern::TlsPassthrough, "tls-passthrough",
         "The application's TLS through the egress gateway, routed by SNI", true, 443, 443, false,
         false, true, "egress-gateway",
         "Gateway (class istio), two TLSRoutes (v1alpha2: experimental before Istio 1.30)"},
        {Pattern::TlsOrigination, "tls-origination",
         "HTTP in mutual TLS to the egress gateway, which originates TLS to port 443", true, 80, 80,
         false, false, true, "egress-gateway-tls-origination",
         "Gateway (class istio), two HTTPRoutes, DestinationRules"},
        {Pattern::MtlsOrigination, "mtls-origination",
         "As tls-origination, the gateway presenting a client certificate (--credential)", true, 80,
         443, true, false, true, "egress-gateway-tls-origination",
         "Gateway (class istio), two HTTPRoutes, DestinationRules, Role and RoleBinding for the "
         "Secret (a ReferenceGrant to a Service in another namespace)"},
        {Pattern::Tcp, "tcp", "TCP through the egress gateway, matched on a subnet (--subnet)",
         true, 0, 0, false, true, false, "egress-gateway (TCP)",
         "Gateway (class istio), two TCPRoutes (v1alpha2: experimental)"},
        {Pattern::AmbientEgress, "ambient-egress",
         "Ambient pods' HTTP through the egress waypoint of istio-egress", false, 80, 0, false,
         false, false, "ambient egress-gateway",
         "the same: a waypoint is a Gateway API Gateway (class istio-waypoint) in both"},
        {Pattern::AmbientTlsOrigination, "ambient-tls-origination",
         "Ambient pods speak HTTP; the egress waypoint originates TLS to port 443", false, 80, 0,
         false, false, false, "ambient egress-gateway",
         "the same: a waypoint is a Gateway API Gateway (class istio-waypoint) in both"},
    };
    return list;
}

const PatternInfo &patternInfo(Pattern pattern) {
    for (const PatternInfo &p : patterns())
        if (p.pattern == pattern)
            return p;
    return patterns().front();
}

std::optional<Pattern> patternFromName(const QString &name) {
    for (const PatternInfo &p : patterns())
        if (name == QLatin1String(p.name))
            return p.pattern;
    return std::nullopt;
}

QStringList patternNames() {
    QStringList out;
    for (const PatternInfo &p : patterns())
        out << QLatin1String(p.name);
    return out;
}

RouteRequest withDefaults(const RouteRequest &request) {
    RouteRequest r = request;
    const PatternInfo &info = patternInfo(r.pattern);
    if (r.port == 0)
        r.port = info.defaultPort;
    if (r.gatewayPort == 0 && info.viaGateway)
        r.gatewayPort = info.defaultGatewayPort ? info.defaultGatewayPort : r.port;
    return r;
}

QString describe(const RouteRequest &request) {
    const RouteRequest r = withDefaults(request);
    QString text = QStringLiteral("Add route");
    if (!r.sourceWorkload.isEmpty())
        text += QStringLiteral(" from %1").arg(r.sourceWorkload);
    text += QStringLiteral(" to %1").arg(r.host);
    if (r.port)
        text += QStringLiteral(":%1").arg(r.port);
    const QString name = QLatin1String(patternInfo(r.pattern).name);
    if (r.api == Api::GatewayApi && patternInfo(r.pattern).viaGateway)
        return text + QStringLiteral(" (%1, %2)").arg(name, apiTitle(Api::GatewayApi));
    return text + QStringLiteral(" (%1)").arg(name);
}

} // namespace egret::recipes

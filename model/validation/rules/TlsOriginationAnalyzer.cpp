#include "model/istio/GatewayApiRefs.h"
#include "model/validation/Hosts.h"
#include "model/validation/rules/EgressChain.h"
#include "model/validation/rules/Rules.h"

namespace egret::validation::rules {

namespace {

bool httpProtocol(const QString &protocol) {
    const QString p = protocol.toUpper();
    return p == QLatin1String("HTTP") || p == QLatin1String("HTTP2") ||
           p == QLatin1String("GRPC") || p == QLatin1String("GRPC-WEB") ||
           p == QLatin1String("HTTP_PROXY");
}

class Checker {
public:
    Checker(Context &ctx, const Resource &dr, const Resource &se)
        : m_ctx(ctx)
        , m_dr(dr)
        , m_se(*se.as<ServiceEntry>()) {
        const QString host = fqdn(dr.as<DestinationRule>()->host, dr.ns);
        for (const Entry &e : ctx.entries(Table::HttpDestinations, host)) {
            if (const auto *vs = e.resource->as<VirtualService>()) {
                for (const HttpRoute &route : vs->http)
                    for (const RouteDestination &d : route.route)
                        if (d.hasDestination && fqdn(d.destination.host, e.resource->ns) == host)
                            m_httpPorts << d.destination.port.value_or(0);
            } else if (const auto *route = e.resource->as<GatewayRoute>()) {
                for (const GatewayRouteRule &rule : route->rules)
                    for (const ObjectRef &b : rule.backendRefs)
                        if (istio::backendHost(b, e.resource->ns) == host)
                            m_httpPorts << b.port.value_or(0);
            }
        }
    }

    void check(const std::optional<ClientTlsSettings> &tls, const QString &path,
               std::optional<qint64> port, const QString &subset) {
        if (!tls || (tls->mode != QLatin1String("SIMPLE") && tls->mode != QLatin1String("MUTUAL")))
            return;
        const QString &host = m_dr.as<DestinationRule>()->host;
        if (tls->sni.isEmpty() && !autoSni(port))
            report(path, tls->mode, host,
                   QStringLiteral("sets no sni, and the traffic is not HTTP, so the proxy cannot "
                                  "take the name from the request: the server gets no name and "
                                  "may present another certificate or refuse the handshake"));
        if (tls->insecureSkipVerify.value_or(false))
            report(path, tls->mode, host,
                   QStringLiteral("sets insecureSkipVerify: the server's certificate is not "
                                  "verified"));
        else if (!subset.isEmpty() && tls->caCertificates.isEmpty() &&
                 !(m_dr.as<DestinationRule>()->workloadSelector && !tls->credentialName.isEmpty()))
            report(path, tls->mode, host,
                   QStringLiteral("sets no caCertificates in subset %1: only proxies that verify "
                                  "against their system CAs (Istio 1.21 and later) check the "
                                  "server")
                       .arg(subset));
    }

private:
    // Istio sets the SNI from the request's Host for HTTP traffic (auto SNI).
    bool autoSni(std::optional<qint64> port) const {
        for (const ServicePort &p : m_se.ports)
            if ((!port || p.number == port) && !httpProtocol(p.protocol) &&
                !(m_httpPorts.contains(p.number.value_or(0)) || m_httpPorts.contains(0)))
                return false;
        return true;
    }

    void report(const QString &path, const QString &mode, const QString &host,
                const QString &detail) {
        m_ctx.report(msg::OriginationWithoutVerification, path, {mode, host, detail});
    }

    Context &m_ctx;
    const Resource &m_dr;
    const ServiceEntry &m_se;
    QVector<qint64> m_httpPorts; // ports http routes send to the host (0: unspecified)
};

void checkPolicy(Checker &c, const TrafficPolicyPtr &tp, const QString &path,
                 const QString &subset) {
    if (!tp)
        return;
    c.check(tp->tls, path + QStringLiteral(".tls"), std::nullopt, subset);
    for (int i = 0; i < tp->portLevelSettings.size(); ++i)
        c.check(tp->portLevelSettings[i].tls,
                path + QStringLiteral(".portLevelSettings[%1].tls").arg(i),
                tp->portLevelSettings[i].port, subset);
}

// EGR0006: TLS the proxy originates toward an external host should verify the server and name
// it. IST0128/IST0129 already cover a missing CA outside subsets.
void analyze(Context &ctx) {
    const Resource &r = ctx.subject();
    const auto *dr = r.as<DestinationRule>();
    const Resource *se = externalServiceEntry(ctx, r.ns, dr->exportTo, dr->host);
    if (!se)
        return;
    Checker c(ctx, r, *se);
    checkPolicy(c, dr->trafficPolicy, QStringLiteral("spec.trafficPolicy"), QString());
    for (int i = 0; i < dr->subsets.size(); ++i)
        checkPolicy(c, dr->subsets[i].trafficPolicy,
                    QStringLiteral("spec.subsets[%1].trafficPolicy").arg(i), dr->subsets[i].name);
}

} // namespace

const Rule tlsOriginationAnalyzer{
    "egress.TlsOriginationAnalyzer",
    "Checks that TLS originated toward an external host verifies the server and sends its name "
    "(SNI)",
    {Kind::DestinationRule, Kind::ServiceEntry, Kind::Service, Kind::VirtualService,
     Kind::HttpRoute, Kind::GrpcRoute},
    {Kind::DestinationRule},
    {&msg::OriginationWithoutVerification},
    analyze,
};

} // namespace egret::validation::rules

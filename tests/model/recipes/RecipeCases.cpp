#include "RecipeCases.h"

#include "TestSupport.h"

#include "model/recipes/Patterns.h"

#include <algorithm>

namespace egret::test {

recipes::RouteRequest request(recipes::Pattern p, const char *host, qint64 port) {
    recipes::RouteRequest r;
    r.pattern = p;
    r.host = QLatin1String(host);
    r.port = port;
    r.targetFile = QStringLiteral("routes.yaml");
    return r;
}

recipes::RouteRequest inApi(recipes::RouteRequest r, recipes::Api api) {
    r.api = api;
    return r;
}

namespace {

using recipes::Pattern;

PatternCase make(const char *name, recipes::RouteRequest r, const char *scenario) {
    PatternCase c{name, r, QLatin1String(scenario), true, {}, {}};
    return c;
}

} // namespace

const QVector<PatternCase> &patternCases() {
    static const QVector<PatternCase> cases = [] {
        QVector<PatternCase> out;
        out << make("direct-http", request(Pattern::DirectHttp, "httpbin.org"),
                    "egress-control/01-serviceentry-external-http.yaml");
        out << make("direct-tls", request(Pattern::DirectTls, "www.google.com"),
                    "egress-control/02-serviceentry-external-https.yaml");
        out << make("direct-tls-wildcard", request(Pattern::DirectTls, "*.wikipedia.org"),
                    "wildcard-egress-hosts/01-wildcard-serviceentry-direct.yaml");

        PatternCase sidecar = make("sidecar-tls-origination",
                                   request(Pattern::SidecarTlsOrigination, "edition.cnn.com"),
                                   "egress-tls-origination/02-tls-origination-at-sidecar.yaml");
        // The task's ServiceEntry also declares 443 for a later step of the page; the recipe
        // leaves it out, as the application only calls port 80.
        sidecar.onlyInScenario << "SE edition.cnn.com port 443 HTTPS";
        out << sidecar;

        PatternCase http = make("http", request(Pattern::Http, "edition.cnn.com"),
                                "egress-gateway/01-http-via-egress-gateway.yaml");
        // As above: 443 there would let sidecars bypass the gateway for HTTPS.
        http.onlyInScenario << "SE edition.cnn.com port 443 HTTPS";
        out << http;

        out << make("tls-passthrough", request(Pattern::TlsPassthrough, "edition.cnn.com"),
                    "egress-gateway/02-https-passthrough-via-egress-gateway.yaml");

        PatternCase wildcard =
            make("tls-passthrough-wildcard", request(Pattern::TlsPassthrough, "*.example.org"),
                 "scenarios/wildcard-via-gateway.yaml");
        wildcard.request.servingHost = QStringLiteral("www.example.org");
        wildcard.scenarioInCorpus = false;
        out << wildcard;

        out << make("tls-origination", request(Pattern::TlsOrigination, "edition.cnn.com"),
                    "egress-gateway-tls-origination/01-tls-origination-at-egress-gateway.yaml");

        PatternCase mtls =
            make("mtls-origination",
                 request(Pattern::MtlsOrigination, "my-nginx.mesh-external.svc.cluster.local"),
                 "egress-gateway-tls-origination/02-mtls-origination-at-egress-gateway.yaml");
        mtls.request.credentialName = QStringLiteral("client-credential");
        // The task's host is a Kubernetes Service of the cluster; an external host needs the
        // ServiceEntry the recipe writes.
        mtls.onlyInRecipe << "SE my-nginx.mesh-external.svc.cluster.local port 443 HTTPS"
                          << "SE my-nginx.mesh-external.svc.cluster.local port 80 HTTP"
                          << "SE my-nginx.mesh-external.svc.cluster.local resolution DNS";
        out << mtls;

        PatternCase tcp = make("tcp", request(Pattern::Tcp, "mongo.example.com", 27017),
                               "scenarios/tcp-via-gateway.yaml");
        tcp.request.subnet = QStringLiteral("203.0.113.5/32");
        tcp.request.gatewayPort = 7777;
        tcp.scenarioInCorpus = false;
        out << tcp;

        // Ambient mode: our own files following Istio's ambient "Egress gateways" page.
        PatternCase ambient = make("ambient-egress", request(Pattern::AmbientEgress, "httpbin.org"),
                                   "scenarios/ambient-egress.yaml");
        ambient.scenarioInCorpus = false;
        out << ambient;
        PatternCase ambientTls =
            make("ambient-tls-origination", request(Pattern::AmbientTlsOrigination, "httpbin.org"),
                 "scenarios/ambient-tls-origination.yaml");
        ambientTls.scenarioInCorpus = false;
        out << ambientTls;
        return out;
    }();
    return cases;
}

const PatternCase *patternCase(const QString &name) {
    for (const PatternCase &c : patternCases())
        if (name == QLatin1String(c.name))
            return &c;
    return nullptr;
}

QString scenarioPath(const PatternCase &c) {
    return c.scenarioInCorpus ? corpusDir() + QStringLiteral("/istio-docs/") + c.scenario
                              : dataFile(QStringLiteral("recipes/") + c.scenario);
}

bool addRouteTo(Workspace &ws, const recipes::RouteRequest &request, QString *error) {
    const recipes::RouteResult r = recipes::addRoute(ws, request);
    if (!r.ok) {
        *error = recipes::describe(r.problems);
        return false;
    }
    return r.change.apply(ws, error);
}

bool removeRouteFrom(Workspace &ws, const recipes::RouteRemoval &removal, QString *error) {
    const recipes::RouteResult r = recipes::removeRoute(ws, removal);
    if (!r.ok) {
        *error = r.problems.value(0).message;
        return false;
    }
    return r.change.apply(ws, error);
}

std::optional<Workspace> workspaceFor(const PatternCase &c, QString *error) {
    Workspace ws;
    QString why;
    if (!addRouteTo(ws, c.request, &why)) {
        if (error)
            *error = why;
        return std::nullopt;
    }
    return ws;
}

namespace {

QString list(QStringList items) {
    items.sort();
    return QLatin1Char('[') + items.join(QLatin1Char(',')) + QLatin1Char(']');
}

QString tlsText(const std::optional<ClientTlsSettings> &tls) {
    if (!tls)
        return {};
    QString t = QStringLiteral(" tls=%1").arg(tls->mode);
    if (!tls->credentialName.isEmpty())
        t += QStringLiteral(" credential=%1").arg(tls->credentialName);
    if (!tls->sni.isEmpty())
        t += QStringLiteral(" sni=%1").arg(tls->sni);
    return t;
}

void policyLines(QStringList &out, const QString &prefix, const TrafficPolicyPtr &policy) {
    if (!policy)
        return;
    if (policy->tls)
        out << prefix + tlsText(policy->tls);
    for (const PortTrafficPolicy &p : policy->portLevelSettings)
        if (p.tls)
            out << prefix + QStringLiteral(" port %1").arg(p.port.value_or(0)) + tlsText(p.tls);
}

template <class Match>
void ruleLines(QStringList &out, const VirtualService &vs, const char *kind,
               const QVector<Match> &matches, const QVector<RouteDestination> &route,
               const std::function<QString(const Match &)> &extra) {
    QStringList to;
    for (const RouteDestination &d : route)
        to << QStringLiteral("%1%2:%3")
                  .arg(d.destination.host,
                       d.destination.subset.isEmpty() ? QString() : QStringLiteral("/$subset"))
                  .arg(d.destination.port.value_or(0));
    for (const Match &m : matches)
        out << QStringLiteral("VS %1 %2 %3:%4%5 -> %6")
                   .arg(list(vs.hosts), QLatin1String(kind),
                        list(m.gateways.isEmpty() ? vs.gateways : m.gateways))
                   .arg(m.port.value_or(0))
                   .arg(extra(m), to.join(QLatin1Char(',')));
    if (matches.isEmpty())
        out << QStringLiteral("VS %1 %2 any -> %3")
                   .arg(list(vs.hosts), QLatin1String(kind), to.join(QLatin1Char(',')));
}

} // namespace

QStringList routeSignature(const Workspace &ws) {
    QStringList out;
    ws.forEachResource([&](const Resource &r) {
        if (const ServiceEntry *se = r.as<ServiceEntry>()) {
            for (const QString &h : se->hosts) {
                for (const ServicePort &p : se->ports)
                    out << QStringLiteral("SE %1 port %2 %3%4")
                               .arg(h)
                               .arg(p.number.value_or(0))
                               .arg(p.protocol.toUpper(),
                                    p.targetPort ? QStringLiteral(" -> %1").arg(*p.targetPort)
                                                 : QString());
                out << QStringLiteral("SE %1 resolution %2")
                           .arg(h,
                                se->resolution.isEmpty() ? QStringLiteral("NONE") : se->resolution);
                if (!se->addresses.isEmpty())
                    out << QStringLiteral("SE %1 addresses %2").arg(h, list(se->addresses));
                for (const WorkloadEntry &e : se->endpoints)
                    out << QStringLiteral("SE %1 endpoint %2").arg(h, e.address);
            }
        } else if (const Gateway *g = r.as<Gateway>()) {
            for (const Server &s : g->servers)
                out << QStringLiteral("GW %1 %2 %3 %4 tls=%5")
                           .arg(selectorString(g->selector))
                           .arg(s.port.number.value_or(0))
                           .arg(s.port.protocol, list(s.hosts), s.tls ? s.tls->mode : QString());
        } else if (const DestinationRule *dr = r.as<DestinationRule>()) {
            out << QStringLiteral("DR %1 subsets %2").arg(dr->host).arg(dr->subsets.size());
            policyLines(out, QStringLiteral("DR %1").arg(dr->host), dr->trafficPolicy);
            for (const Subset &s : dr->subsets)
                policyLines(out, QStringLiteral("DR %1 $subset").arg(dr->host), s.trafficPolicy);
        } else if (const VirtualService *vs = r.as<VirtualService>()) {
            for (const HttpRoute &h : vs->http)
                ruleLines<HttpMatchRequest>(out, *vs, "http", h.match, h.route,
                                            [](const HttpMatchRequest &) { return QString(); });
            for (const TlsRoute &t : vs->tls)
                ruleLines<TlsMatchAttributes>(out, *vs, "tls", t.match, t.route,
                                              [](const TlsMatchAttributes &m) {
                                                  return QStringLiteral(" sni=") + list(m.sniHosts);
                                              });
            for (const TcpRoute &t : vs->tcp)
                ruleLines<L4MatchAttributes>(
                    out, *vs, "tcp", t.match, t.route, [](const L4MatchAttributes &m) {
                        return QStringLiteral(" subnets=") + list(m.destinationSubnets);
                    });
        }
    });
    out.sort();
    return out;
}

} // namespace egret::test

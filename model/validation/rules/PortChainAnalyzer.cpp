#include "model/validation/Hosts.h"
#include "model/validation/rules/EgressChain.h"
#include "model/validation/rules/Rules.h"

namespace egret::validation::rules {

namespace {

// Why ports disagree for one host a mesh hop carries, or "" when they agree.
QString disagreement(Context &ctx, const MeshHop &hop, const QString &host, const QString &ns) {
    const qint64 port = *hop.target.port;
    const Service &svc = *hop.target.service->as<Service>();
    const QString f = fqdn(host, ns);
    const QString sent =
        QStringLiteral("the mesh route sends it to port %1 of %2").arg(port).arg(hop.target.host);

    const QVector<ServerListing> listings = serverListings(ctx, f, hop.target.pods);
    QVector<qint64> serverPorts;
    bool served = false;
    for (const ServerListing &l : listings) {
        serverPorts << l.port;
        served = served || portReaches(l.port, port, svc);
    }
    if (!listings.isEmpty() && !served)
        return QStringLiteral("%1, but Gateway %2 lists it only on port %3")
            .arg(sent, fullName(*listings.first().gateway), portList(serverPorts));

    const QVector<GatewayHop> hops = gatewayHops(ctx, f, hop.target.pods);
    QVector<qint64> routePorts;
    bool routed = hops.isEmpty();
    for (const GatewayHop &h : hops) {
        routed = routed || h.at.ports.isEmpty();
        for (qint64 p : h.at.ports) {
            routePorts << p;
            routed = routed || portReaches(p, port, svc);
        }
    }
    if (!routed)
        return QStringLiteral("%1, but the route at Gateway %2 (VirtualService %3) matches only "
                              "port %4")
            .arg(sent, fullName(*hops.first().gateway), fullName(*hops.first().virtualService),
                 portList(routePorts));
    return {};
}

// EGR0004: the port the mesh route sends to, the Gateway server's port and the gateway route's
// port must be the same (or the Service's target port of it).
void analyze(Context &ctx) {
    const Resource &r = ctx.subject();
    for (const MeshHop &hop : meshHops(ctx, r)) {
        if (!hop.target.port)
            continue;
        for (const QString &host : hop.hosts) {
            const QString why = disagreement(ctx, hop, host, r.ns);
            if (why.isEmpty())
                continue;
            const QString path = hop.destination.destination.port
                                     ? hop.destination.path() + QStringLiteral(".port.number")
                                     : hop.destination.path();
            ctx.report(msg::EgressPortMismatch, path, {host, why});
        }
    }
}

} // namespace

const Rule portChainAnalyzer{
    "egress.PortChainAnalyzer",
    "Checks that the mesh route, the Gateway server and the gateway route use the same port for "
    "a host",
    {Kind::VirtualService, Kind::Gateway, Kind::Service, Kind::Pod},
    {Kind::VirtualService},
    {&msg::EgressPortMismatch},
    analyze,
};

} // namespace egret::validation::rules

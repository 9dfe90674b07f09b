#include "model/validation/Context.h"
#include "model/validation/rules/RouteRules.h"
#include "model/validation/rules/Rules.h"

namespace egret::validation::rules {

namespace {

void checkDestination(Context &ctx, const Resource &r, const DestinationRef &d) {
    const auto *vs = r.as<VirtualService>();
    const QString &host = d.destination.host;
    const Context::HostMatch m = ctx.lookupHost(r.ns, vs->exportTo, host);
    // Paths are only made for a finding.
    auto hostPath = [&] { return d.present ? d.path() + QStringLiteral(".host") : d.path(); };
    if (!m.found()) {
        ctx.report(msg::ReferencedResourceNotFound, hostPath(),
                   {d.mirror ? QStringLiteral("mirror host") : QStringLiteral("host"), host});
        return;
    }
    const auto &port = d.destination.port;
    if (!port) {
        if (m.ports.size() > 1) {
            QStringList ports;
            for (qint64 p : m.ports)
                ports << QString::number(p);
            ctx.report(msg::VirtualServiceDestinationPortSelectorRequired, hostPath(),
                       {host, goList(ports)});
        }
    } else if (!m.ports.contains(*port)) {
        ctx.report(msg::ReferencedResourceNotFound, d.path() + QStringLiteral(".port.number"),
                   {QStringLiteral("host:port"), host + QLatin1Char(':') + QString::number(*port)});
    }
}

// A subset named for a host in a route only affects traffic that the mesh sends; requests a
// gateway routes to the same host without a subset ignore it.
void checkIngressSubsets(Context &ctx, const Resource &r) {
    const auto *vs = r.as<VirtualService>();
    if (vs->gateways.isEmpty())
        return;
    for (const DestinationRef &d : allDestinations(*vs, false)) {
        if (!d.inHttp() || !d.present || !d.destination.subset.isEmpty())
            continue;
        const QString &host = d.destination.host;
        for (const Entry &e : ctx.entries(Table::VsSubsetRecords, host)) {
            const auto *other = e.resource->as<VirtualService>();
            for (const HttpRoute &route : other->http)
                for (const RouteDestination &rd : route.route)
                    if (!rd.destination.subset.isEmpty() && rd.destination.host == host)
                        for (const QString &own : other->hosts)
                            if (own == host)
                                ctx.report(msg::IngressRouteRulesNotAffected,
                                           d.path() + QStringLiteral(".host"),
                                           {rd.destination.subset, fullName(r)});
        }
    }
}

void analyze(Context &ctx) {
    const Resource &r = ctx.subject();
    for (const DestinationRef &d : allDestinations(*r.as<VirtualService>(), true))
        checkDestination(ctx, r, d);
    checkIngressSubsets(ctx, r);
}

} // namespace

const Rule destinationHostAnalyzer{
    "virtualservice.DestinationHostAnalyzer",
    "Checks that VirtualService destination hosts and ports exist in the service registry, and "
    "that subsets are not expected to act on gateway traffic",
    {Kind::VirtualService, Kind::ServiceEntry, Kind::Service},
    {Kind::VirtualService},
    {&msg::ReferencedResourceNotFound, &msg::VirtualServiceDestinationPortSelectorRequired,
     &msg::IngressRouteRulesNotAffected},
    analyze,
};

} // namespace egret::validation::rules

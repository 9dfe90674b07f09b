#include "model/istio/GatewayApiRefs.h"
#include "model/validation/rules/GatewayApiRoutes.h"
#include "model/validation/rules/Rules.h"

namespace egret::validation::rules {

namespace {

// Why a backend with these declared ports does not take `port`, or empty when it does.
QString portProblem(const ObjectRef &b, const QVector<qint64> &ports) {
    if (!b.port || ports.contains(*b.port))
        return {};
    QStringList known;
    for (qint64 p : ports)
        known << QString::number(p);
    return QStringLiteral("has no port %1 (it declares %2)")
        .arg(QString::number(*b.port),
             known.isEmpty() ? QStringLiteral("none") : known.join(QStringLiteral(", ")));
}

// EGR0012: each backend a route sends to must be declared, on the port the route names: a
// Service or ServiceEntry that exists, or a Hostname a ServiceEntry declares.
void analyze(Context &ctx) {
    const Resource &r = ctx.subject();
    const auto &rules = r.as<GatewayRoute>()->rules;
    for (int i = 0; i < rules.size(); ++i) {
        for (int j = 0; j < rules[i].backendRefs.size(); ++j) {
            const ObjectRef &b = rules[i].backendRefs[j];
            const QString path = QStringLiteral("spec.rules[%1].backendRefs[%2]").arg(i).arg(j);
            const QString what = describeRef(b, r.ns, false);
            QString problem;
            if (istio::refersToHostname(b)) {
                const Context::HostMatch m = ctx.lookupHost(r.ns, {}, b.name);
                if (!m.found())
                    problem = QStringLiteral("is declared by no ServiceEntry the route's "
                                             "namespace sees");
                else if (m.owner->as<ServiceEntry>())
                    problem = portProblem(b, m.ports);
            } else if (istio::refersToService(b) || istio::refersToServiceEntry(b)) {
                if (const Resource *svc = referencedService(ctx, b, r.ns))
                    problem = portProblem(b, portsOf(*svc));
                else
                    problem = QStringLiteral("does not exist");
            } else {
                problem = QStringLiteral("is not a kind Istio sends to (a Service, a "
                                         "ServiceEntry or a Hostname of networking.istio.io)");
            }
            if (!problem.isEmpty())
                ctx.report(msg::RouteBackendNotFound, path, {what, problem});
        }
    }
}

} // namespace

const Rule routeBackendAnalyzer{
    "gatewayapi.RouteBackendAnalyzer",
    "Checks that the Services, ServiceEntries and hosts a Gateway API route sends to are "
    "declared, on the ports it names",
    {Kind::HttpRoute, Kind::GrpcRoute, Kind::TlsRoute, Kind::TcpRoute, Kind::ServiceEntry,
     Kind::Service},
    {Kind::HttpRoute, Kind::GrpcRoute, Kind::TlsRoute, Kind::TcpRoute},
    {&msg::RouteBackendNotFound},
    analyze,
};

} // namespace egret::validation::rules

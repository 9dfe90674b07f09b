#include "model/validation/Context.h"
#include "model/validation/Hosts.h"
#include "model/validation/rules/Rules.h"

namespace egret::validation::rules {

namespace {

// `@request.auth.claims.x` or `@request.auth.claims[x]`: a header key routing on a JWT claim.
bool isClaimKey(const QString &key) {
    const QString prefix = QStringLiteral("@request.auth.claims");
    const QString k = key.toLower();
    if (!k.startsWith(prefix))
        return false;
    const QStringView rest = QStringView(k).mid(prefix.size());
    return (rest.startsWith(QLatin1Char('.')) && rest.size() > 1) ||
           (rest.startsWith(QLatin1Char('[')) && rest.endsWith(QLatin1Char(']')) &&
            rest.size() > 2);
}

bool claimRoute(const VirtualService &vs, QString *key, QString *path) {
    for (int i = 0; i < vs.http.size(); ++i) {
        for (int j = 0; j < vs.http[i].match.size(); ++j) {
            const HttpMatchRequest &m = vs.http[i].match[j];
            for (const auto *headers : {&m.headers, &m.withoutHeaders}) {
                for (auto it = headers->cbegin(); it != headers->cend(); ++it) {
                    if (isClaimKey(it.key())) {
                        *key = it.key();
                        *path = QStringLiteral("spec.http[%1].match[%2]").arg(i).arg(j);
                        return true;
                    }
                }
            }
        }
    }
    return false;
}

bool authenticated(Context &ctx, const Resource &pod) {
    const Labels &labels = pod.as<Workload>()->podLabels;
    QStringList namespaces{ctx.mesh().rootNamespace};
    if (pod.ns != ctx.mesh().rootNamespace)
        namespaces << pod.ns;
    for (const QString &ns : namespaces) {
        for (const Entry &e : ctx.entries(Table::RequestAuthByNs, ns)) {
            const auto &selector = e.resource->as<RequestAuthentication>()->selector;
            if (!selector || selectorMatches(*selector, labels))
                return true;
        }
    }
    return false;
}

// Claims are only available for routing once a RequestAuthentication has validated the token on
// the gateway's pods.
void analyze(Context &ctx) {
    const Resource &r = ctx.subject();
    const auto *vs = r.as<VirtualService>();
    QString key, path;
    if (!claimRoute(*vs, &key, &path))
        return;
    for (const QString &g : vs->gateways) {
        if (isMeshGateway(g))
            continue;
        const GatewayRef ref = parseGatewayRef(g, r.ns);
        const Resource *gw = ctx.find(Table::GatewayByName, ref.ns + kSep + ref.name);
        if (!gw)
            continue;
        for (const Resource *pod : ctx.workloadsMatching(gw->as<Gateway>()->selector))
            if (!authenticated(ctx, *pod))
                ctx.report(msg::JwtClaimBasedRoutingWithoutRequestAuthN, path,
                           {key, fullName(*gw), fullName(*pod)});
    }
}

} // namespace

const Rule jwtClaimRouteAnalyzer{
    "virtualservice.JWTClaimRouteAnalyzer",
    "Checks that routes on JWT claims run on gateways whose pods have a RequestAuthentication",
    {Kind::VirtualService, Kind::RequestAuthentication, Kind::Gateway, Kind::Pod},
    {Kind::VirtualService},
    {&msg::JwtClaimBasedRoutingWithoutRequestAuthN},
    analyze,
};

} // namespace egret::validation::rules

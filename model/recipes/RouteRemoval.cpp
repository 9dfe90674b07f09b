#include "model/istio/GatewayRef.h"
#include "model/recipes/AmbientRoute.h"
#include "model/recipes/HostNames.h"
#include "model/recipes/Patterns.h"
#include "model/recipes/RecipeSteps.h"
#include "model/recipes/ResourceNodes.h"
#include "model/recipes/RouteRules.h"
#include "model/recipes/RouteTrim.h"
#include "model/recipes/RouteUses.h"

#include <QSet>

namespace egret::recipes {

namespace {

// Finds the VirtualService rules that make the route(s) to a host, and what else still needs
// the same pieces.
class RouteFinder {
public:
    RouteFinder(const RecipeContext &ctx, const RouteRemoval &rm, RouteUses &uses)
        : m_ctx(ctx)
        , m_rm(rm)
        , m_uses(uses) {}

    void run(RouteTrim &trim) {
        for (const Resource *r : m_ctx.ofKind(Kind::VirtualService))
            if (r->as<VirtualService>()->hosts.contains(m_rm.host))
                select(*r, trim);
        collectRemaining(trim);
    }

private:
    bool entersAt(const RuleInfo &rule) const {
        return m_rm.port == 0 || rule.ports.contains(m_rm.port);
    }

    void select(const Resource &vs, RouteTrim &trim) {
        const QVector<RuleInfo> rules = rulesOf(*vs.as<VirtualService>());
        QSet<int> chosen;
        QList<qint64> gatewayPorts;
        for (int i = 0; i < rules.size(); ++i) {
            if (!rules[i].mesh || !entersAt(rules[i]))
                continue;
            chosen.insert(i);
            for (const RuleInfo::Destination &d : rules[i].destinations) {
                if (d.host == m_rm.host)
                    continue;
                trim.subsets.append({d.host, d.subset, vs.ns});
                gatewayPorts << d.port;
                m_uses.meshPorts += rules[i].ports;
            }
        }
        for (int i = 0; i < rules.size(); ++i) {
            if (chosen.contains(i) || rules[i].gateways.isEmpty())
                continue;
            bool leadsHere = m_rm.port == 0;
            for (qint64 p : rules[i].ports)
                leadsHere = leadsHere || gatewayPorts.contains(p);
            if (leadsHere)
                chosen.insert(i);
        }
        for (int i : std::as_const(chosen)) {
            const RuleInfo &rule = rules[i];
            for (const QString &g : rule.gateways) {
                const QString gateway = istio::gatewayKey(g, vs.ns);
                for (qint64 p : rule.ports)
                    trim.gatewayHosts.append({gateway, p, m_rm.host, vs.ns});
                if (rule.anyPort)
                    trim.gatewayHosts.append({gateway, 0, m_rm.host, vs.ns});
            }
            if (!rule.gateways.isEmpty())
                for (const RuleInfo::Destination &d : rule.destinations)
                    m_uses.gatewayDestinations << Endpoint(d.host, d.port);
        }
        if (!chosen.isEmpty()) {
            trim.rules.append({vs.id, rules, chosen});
            m_uses.found = true;
        }
    }

    // Every other rule of the workspace: the pieces they use stay.
    void collectRemaining(RouteTrim &trim) {
        for (const Resource *r : m_ctx.ofKind(Kind::VirtualService)) {
            const VirtualService &vs = *r->as<VirtualService>();
            QSet<int> gone;
            for (const RouteTrim::VirtualServiceRules &v : trim.rules)
                if (v.id == r->id)
                    gone = v.chosen;
            const QVector<RuleInfo> rules = rulesOf(vs);
            for (int i = 0; i < rules.size(); ++i) {
                if (gone.contains(i))
                    continue;
                for (const RuleInfo::Destination &d : rules[i].destinations) {
                    trim.keep.subsets.insert(d.host + QLatin1Char('|') + d.subset);
                    m_uses.remainingDestinations << Endpoint(d.host, d.port);
                }
                for (const QString &g : rules[i].gateways) {
                    QList<qint64> ports = rules[i].ports;
                    if (rules[i].anyPort)
                        ports << 0;
                    for (const QString &host : vs.hosts)
                        for (qint64 p : ports)
                            trim.keep.gatewayHosts.insert(
                                QStringLiteral("%1|%2|%3")
                                    .arg(istio::gatewayKey(g, r->ns), QString::number(p), host));
                }
            }
            if (gone.size() < rules.size())
                m_uses.remainingHosts += QSet<QString>(vs.hosts.begin(), vs.hosts.end());
        }
    }

    const RecipeContext &m_ctx;
    const RouteRemoval &m_rm;
    RouteUses &m_uses;
};

// The host's own ServiceEntry ports, and the serving hosts' whose routes all go.
void trimServiceEntries(const RecipeContext &ctx, const RouteRemoval &rm, RouteUses &uses,
                        RouteTrim &trim) {
    QList<qint64> own;
    if (rm.port == 0)
        own << 0;
    else
        own << rm.port;
    for (const Endpoint &e : std::as_const(uses.gatewayDestinations)) {
        if (uses.remainingDestinations.contains(e))
            continue;
        if (e.first == rm.host) {
            if (!own.contains(e.second) && !own.contains(0))
                own << e.second;
        } else if (!uses.remainingHosts.contains(e.first)) {
            // The serving host of a wildcard: its ServiceEntry only served this route, and
            // declares the port sidecars are called on too (the wildcard has no entry).
            QList<qint64> &ports = trim.hostPorts[e.first];
            if (!ports.contains(e.second))
                ports << e.second;
            if (istio::isDomainWildcard(rm.host))
                for (qint64 p : std::as_const(uses.meshPorts))
                    if (!uses.remainingDestinations.contains(Endpoint(e.first, p)) &&
                        !ports.contains(p))
                        ports << p;
        }
    }
    trim.hostPorts[rm.host] << own;
    for (const Resource *r : ctx.ofKind(Kind::ServiceEntry))
        uses.found = uses.found || r->as<ServiceEntry>()->hosts.contains(rm.host);
}

} // namespace

RouteResult removeRoute(const Workspace &ws, const RouteRemoval &removal) {
    RouteResult invalid;
    if (const QString p = checkHost(removal.host); !p.isEmpty())
        invalid.problems.append({QStringLiteral("host"), p});
    if (removal.port < 0 || removal.port > 65535)
        invalid.problems.append(
            {QStringLiteral("port"),
             QStringLiteral("port %1 is not a port (1 to 65535)").arg(removal.port)});
    if (!invalid.problems.isEmpty())
        return invalid;

    RecipeContext ctx(ws, QString(), QString());
    RouteTrim trim(removal.host);
    RouteUses uses;
    RouteFinder(ctx, removal, uses).run(trim);
    findGatewayApiRoutes(ctx, removal, trim, uses);
    trimServiceEntries(ctx, removal, uses, trim);
    const QString target =
        removal.port ? QStringLiteral("%1:%2").arg(removal.host).arg(removal.port) : removal.host;
    if (!uses.found) {
        ctx.problem(QStringLiteral("workspace"),
                    QStringLiteral("nothing in the workspace routes %1").arg(target));
        return ctx.finish(QString());
    }
    const bool ambient = routedThroughWaypoint(ctx, removal.host);
    trim.apply(ctx);
    if (ambient && !ctx.failed())
        trimWaypoint(ctx);
    RouteResult result = ctx.finish(QStringLiteral("Remove route to %1").arg(target));
    if (result.ok && result.change.isEmpty()) {
        result.ok = false;
        result.problems = {{QStringLiteral("workspace"),
                            QStringLiteral("nothing in the workspace routes %1").arg(target)}};
    }
    return result;
}

} // namespace egret::recipes

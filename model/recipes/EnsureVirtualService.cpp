#include "model/istio/GatewayRef.h"
#include "model/istio/RouteRules.h"
#include "model/istio/Visibility.h"
#include "model/recipes/HostNames.h"
#include "model/recipes/RecipeSteps.h"
#include "model/recipes/ResourceNodes.h"

namespace egret::recipes {

namespace {

using istio::boundToMesh;
using istio::kMeshGateway;

struct RuleView {
    QStringList gateways;
    std::optional<qint64> port;
    QStringList sniHosts;
    QStringList subnets;
    bool hasMatch = false;
    QString destinationHost;
    std::optional<qint64> destinationPort;
};

// The rules of one kind, reduced to what decides where they send traffic.
QVector<QVector<RuleView>> rulesOf(const VirtualService &vs, RuleKind kind) {
    QVector<QVector<RuleView>> out;
    for (const istio::RouteRule &rule : istio::routeRules(vs)) {
        if (rule.kind != kind)
            continue;
        QVector<RuleView> views;
        RuleView base;
        if (!rule.route->isEmpty()) {
            base.destinationHost = rule.route->at(0).destination.host;
            base.destinationPort = rule.route->at(0).destination.port;
        }
        for (const istio::RuleMatch &m : rule.matches) {
            RuleView v = base;
            v.hasMatch = true;
            v.gateways = *m.gateways;
            v.port = m.port;
            if (m.sniHosts)
                v.sniHosts = *m.sniHosts;
            if (kind == RuleKind::Tcp) // a tls rule's subnets do not decide here
                v.subnets = *m.destinationSubnets;
            views.append(v);
        }
        if (views.isEmpty())
            views.append(base); // no match: the rule takes everything
        out.append(views);
    }
    return out;
}

// True when the match takes the traffic the plan's rule would take at `port` on `gateway`.
bool takes(const RuleView &v, const GatewayPlan &plan, bool mesh, const QString &gateway,
           const QStringList &vsGateways, qint64 port) {
    const bool bound =
        mesh ? boundToMesh(v.gateways, vsGateways)
             : (v.gateways.isEmpty() ? vsGateways.contains(gateway) : v.gateways.contains(gateway));
    if (!bound || (v.port && *v.port != port))
        return false;
    if (plan.rules == RuleKind::Tls && !v.sniHosts.isEmpty() && !v.sniHosts.contains(plan.host))
        return false;
    if (plan.rules == RuleKind::Tcp && !v.subnets.isEmpty() && mesh &&
        !v.subnets.contains(plan.destinationSubnets.value(0)))
        return false;
    return true;
}

// The VirtualService for the host that sidecars of the route's namespace use.
const Resource *hostService(const RecipeContext &ctx, const QString &host) {
    const QString ns = ctx.routeNamespace();
    const Resource *found = nullptr;
    for (const Resource *r : ctx.ofKind(Kind::VirtualService)) {
        const VirtualService *vs = r->as<VirtualService>();
        if (!vs->hosts.contains(host) || !istio::meshBound(vs->gateways) ||
            !istio::exportedTo(vs->exportTo, r->ns, ns))
            continue;
        if (!found || (r->ns == ns && found->ns != ns))
            found = r;
    }
    return found;
}

} // namespace

bool alreadyRouted(RecipeContext &ctx, const GatewayPlan &plan, const QString &serviceHost) {
    const Resource *r = hostService(ctx, plan.host);
    if (!r)
        return false;
    const VirtualService &vs = *r->as<VirtualService>();
    const QVector<QVector<RuleView>> rules = rulesOf(vs, plan.rules);
    for (int i = 0; i < rules.size(); ++i) {
        for (const RuleView &v : rules[i]) {
            if (!takes(v, plan, true, kMeshGateway, vs.gateways, plan.meshPort))
                continue;
            if (v.hasMatch && v.destinationHost == serviceHost)
                return true;
            ctx.problem(QStringLiteral("workspace"),
                        QStringLiteral("%1: %2 already routes port %3 of %4 (%5 rule %6)%7: "
                                       "remove that route first (egret route remove)")
                            .arg(r->location.toString(), resourceName(*r))
                            .arg(plan.meshPort)
                            .arg(plan.host, ruleListName(plan.rules))
                            .arg(i + 1)
                            .arg(v.hasMatch ? QStringLiteral(" to %1").arg(v.destinationHost)
                                            : QStringLiteral(", with no match")));
            return false;
        }
    }
    return false;
}

void ensureVirtualService(RecipeContext &ctx, const GatewayTarget &gw, const GatewayPlan &plan,
                          const QString &subset) {
    const QString routeNs = ctx.routeNamespace();
    const QString listName = ruleListName(plan.rules);
    const Resource *r = hostService(ctx, plan.host);
    if (!r) {
        const QString ref = gatewayReference(gw, routeNs);
        YAML::Node spec(YAML::NodeType::Map);
        spec["hosts"] = strings({plan.host});
        spec["gateways"] =
            plan.gatewayFirst ? strings({ref, kMeshGateway}) : strings({kMeshGateway, ref});
        spec[listName.toStdString()] =
            list({meshRule(plan, gw.serviceHost, subset), gatewayRule(plan, ref)});
        ctx.create(
            Kind::VirtualService, ctx.written(routeNs),
            ctx.uniqueName(
                Kind::VirtualService, routeNs,
                QStringLiteral("direct-%1-through-egress-gateway").arg(targetName(plan.host))),
            spec);
        return;
    }

    const VirtualService &vs = *r->as<VirtualService>();
    const QString ref = gatewayReference(gw, r->ns);
    const QString qualified = QStringLiteral("%1/%2").arg(gw.ns, gw.name);
    const bool bound = vs.gateways.contains(ref) || vs.gateways.contains(qualified);
    bool gatewayRulePresent = false;
    const QVector<QVector<RuleView>> rules = rulesOf(vs, plan.rules);
    for (int i = 0; i < rules.size(); ++i) {
        for (const RuleView &v : rules[i]) {
            if (!v.hasMatch) {
                ctx.problem(QStringLiteral("workspace"),
                            QStringLiteral("%1: %2 has a %3 rule without a match (rule %4): it "
                                           "takes all traffic for %5, so rules added after it "
                                           "would never be used; give it a match first")
                                .arg(r->location.toString(), resourceName(*r), listName)
                                .arg(i + 1)
                                .arg(plan.host));
                return;
            }
            const bool forGateway = takes(v, plan, false, ref, vs.gateways, plan.port) ||
                                    takes(v, plan, false, qualified, vs.gateways, plan.port);
            if (!forGateway)
                continue;
            if (v.destinationHost == plan.destinationHost &&
                v.destinationPort == plan.destinationPort) {
                gatewayRulePresent = true;
                continue;
            }
            ctx.problem(QStringLiteral("gateway-port"),
                        QStringLiteral("%1: %2 already sends port %3 of the gateway to %4:%5 "
                                       "(%6 rule %7): choose another --gateway-port")
                            .arg(r->location.toString(), resourceName(*r))
                            .arg(plan.port)
                            .arg(v.destinationHost)
                            .arg(v.destinationPort.value_or(0))
                            .arg(listName)
                            .arg(i + 1));
            return;
        }
    }

    QVector<edit::TextEdit> edits;
    if (vs.gateways.isEmpty())
        edits += ctx.appendItems(*r, QStringLiteral("spec.gateways"),
                                 plan.gatewayFirst ? strings({ref, kMeshGateway})
                                                   : strings({kMeshGateway, ref}));
    else if (!bound)
        edits += ctx.appendItems(*r, QStringLiteral("spec.gateways"), strings({ref}));
    YAML::Node added(YAML::NodeType::Sequence);
    added.push_back(meshRule(plan, gw.serviceHost, subset));
    if (!gatewayRulePresent)
        added.push_back(gatewayRule(plan, ref));
    edits += ctx.appendItems(*r, QStringLiteral("spec.") + listName, added);
    if (ctx.failed())
        return;
    ctx.edit(*r, edits,
             QStringLiteral("extended %1: %2 rules for port %3 through %4")
                 .arg(resourceName(*r), listName)
                 .arg(plan.meshPort)
                 .arg(resourceName(Kind::Gateway, gw.ns, gw.name)));
}

} // namespace egret::recipes

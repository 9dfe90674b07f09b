#include "model/recipes/HostNames.h"
#include "model/recipes/RecipeSteps.h"
#include "model/recipes/ResourceNodes.h"

namespace egret::recipes {

void ensureOrigination(RecipeContext &ctx, const OriginationPlan &plan,
                       const QString &gatewayNamespace) {
    const QString ns = plan.inGatewayNamespace ? gatewayNamespace : ctx.routeNamespace();
    // The gateway's namespace is written out unless it is the route's (a gateway Istio deploys
    // from the Gateway API lives beside its routes).
    const QString writtenNs =
        plan.inGatewayNamespace && ns != ctx.routeNamespace() ? ns : ctx.written(ns);
    const QVector<const Resource *> found =
        ctx.matching(Kind::DestinationRule, [&](const Resource &r) {
            const DestinationRule *dr = r.as<DestinationRule>();
            return r.ns == ns && dr->host == plan.host && !dr->workloadSelector;
        });
    const YAML::Node item = portTlsSettings(plan);
    if (found.isEmpty()) {
        YAML::Node policy(YAML::NodeType::Map);
        if (plan.roundRobin) {
            YAML::Node lb(YAML::NodeType::Map);
            lb["simple"] = str(QStringLiteral("ROUND_ROBIN"));
            policy["loadBalancer"] = lb;
        }
        policy["portLevelSettings"] = list({item});
        YAML::Node spec(YAML::NodeType::Map);
        spec["host"] = str(plan.host);
        spec["trafficPolicy"] = policy;
        const QString nameHost = plan.nameHost.isEmpty() ? plan.host : plan.nameHost;
        ctx.create(
            Kind::DestinationRule, writtenNs,
            ctx.uniqueName(Kind::DestinationRule, ns, plan.namePrefix + targetName(nameHost)),
            spec);
        return;
    }

    const Resource &r = *found.front();
    const DestinationRule &dr = *r.as<DestinationRule>();
    if (dr.trafficPolicy) {
        for (const PortTrafficPolicy &p : dr.trafficPolicy->portLevelSettings) {
            if (p.port != plan.port || !p.tls)
                continue;
            const bool sameSni = !plan.sniSelectsListener || p.tls->sni == plan.sni;
            if (p.tls->mode.toUpper() == plan.mode &&
                p.tls->credentialName == plan.credentialName && sameSni)
                return; // already originating this way
            if (!sameSni) {
                // Sidecars reach one listener of the gateway per port: the one the sni names.
                ctx.problem(
                    QStringLiteral("gateway-port"),
                    QStringLiteral("%1: %2 already sets TLS %3 with sni %4 for port %5 of "
                                   "%6, so sidecars reach the gateway's listener for %4 "
                                   "there; this route needs sni %7 (a Gateway API route "
                                   "cannot choose a DestinationRule subset): choose "
                                   "another --gateway-port")
                        .arg(r.location.toString(), resourceName(r), p.tls->mode, p.tls->sni)
                        .arg(plan.port)
                        .arg(plan.host, plan.sni));
                return;
            }
            ctx.problem(QStringLiteral("workspace"),
                        QStringLiteral("%1: %2 already sets TLS %3 for port %4 of %5; this route "
                                       "needs %6")
                            .arg(r.location.toString(), resourceName(r), p.tls->mode)
                            .arg(plan.port)
                            .arg(plan.host, plan.mode));
            return;
        }
    }
    QVector<edit::TextEdit> edits;
    const YAML::Node policy = ctx.yamlOf(r, QStringLiteral("spec.trafficPolicy"));
    if (!policy.IsMap()) {
        YAML::Node added(YAML::NodeType::Map);
        added["portLevelSettings"] = list({item});
        edits << (policy.IsDefined()
                      ? edit::TextEdit::setValue(QStringLiteral("spec.trafficPolicy"), added)
                      : edit::TextEdit::insertEntry(QStringLiteral("spec"),
                                                    QStringLiteral("trafficPolicy"), added));
    } else {
        edits = ctx.appendItems(r, QStringLiteral("spec.trafficPolicy.portLevelSettings"),
                                list({item}));
    }
    if (edits.isEmpty())
        return;
    ctx.edit(r, edits,
             QStringLiteral("extended %1: TLS %2 on port %3")
                 .arg(resourceName(r), plan.mode)
                 .arg(plan.port));
}

} // namespace egret::recipes

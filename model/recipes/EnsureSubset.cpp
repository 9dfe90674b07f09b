#include "model/edit/NodeCompare.h"
#include "model/istio/Visibility.h"
#include "model/recipes/HostNames.h"
#include "model/recipes/RecipeSteps.h"
#include "model/recipes/ResourceNodes.h"

namespace egret::recipes {

std::optional<QString> ensureSubset(RecipeContext &ctx, const GatewayTarget &gw,
                                    const GatewayPlan &plan) {
    const QString routeNs = ctx.routeNamespace();
    const QString serviceNs = gw.serviceHost.section(QLatin1Char('.'), 1, 1);
    // Sidecars look for the rule in their own namespace first, then in the Service's: the
    // subset must be in the one they find.
    const Resource *rule = nullptr;
    for (const Resource *r : ctx.ofKind(Kind::DestinationRule)) {
        const DestinationRule *dr = r->as<DestinationRule>();
        if (dr->workloadSelector || !istio::namesService(dr->host, r->ns, gw.serviceHost))
            continue;
        if (r->ns == routeNs) {
            rule = r;
            break;
        }
        if (!rule && r->ns == serviceNs && istio::exportedTo(dr->exportTo, r->ns, routeNs))
            rule = r;
    }
    const QString base = targetName(plan.host);
    if (!rule) {
        YAML::Node spec(YAML::NodeType::Map);
        spec["host"] = str(gw.serviceHost);
        spec["subsets"] = list({gatewaySubset(plan, base)});
        ctx.create(Kind::DestinationRule, ctx.written(routeNs),
                   ctx.uniqueName(Kind::DestinationRule, routeNs,
                                  QStringLiteral("egressgateway-for-") + base),
                   spec);
        return base;
    }

    const DestinationRule &dr = *rule->as<DestinationRule>();
    for (int n = 1;; ++n) {
        const QString name = n == 1 ? base : QStringLiteral("%1-%2").arg(base).arg(n);
        int index = -1;
        for (int i = 0; i < dr.subsets.size(); ++i)
            if (dr.subsets[i].name == name)
                index = i;
        const YAML::Node subset = gatewaySubset(plan, name);
        if (index >= 0) {
            // The same subset already there (another port of this host): share it.
            if (edit::sameNode(ctx.yamlOf(*rule, QStringLiteral("spec.subsets[%1]").arg(index)),
                               subset))
                return name;
            continue;
        }
        const QVector<edit::TextEdit> edits =
            ctx.appendItems(*rule, QStringLiteral("spec.subsets"), list({subset}));
        const bool ok =
            !edits.isEmpty() &&
            ctx.edit(*rule, edits,
                     QStringLiteral("extended %1: subset %2").arg(resourceName(*rule), name));
        return ok ? std::optional<QString>(name) : std::nullopt;
    }
}

} // namespace egret::recipes

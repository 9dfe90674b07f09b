#include "model/istio/GatewayApiRefs.h"
#include "model/istio/Hosts.h"
#include "model/recipes/GatewayApiNodes.h"
#include "model/recipes/GatewayApiRoutes.h"
#include "model/recipes/HostNames.h"
#include "model/recipes/RecipeSteps.h"
#include "model/recipes/ResourceNodes.h"

namespace egret::recipes {

namespace {

// The TLS of a listener in the plan's terms: PASSTHROUGH, ISTIO_MUTUAL, or what else it does.
QString tlsModeOf(const GatewayListener &l) {
    if (!l.tls)
        return {};
    if (l.tls->mode == QLatin1String("Passthrough"))
        return QStringLiteral("PASSTHROUGH");
    const QString option = l.tls->options.value(istio::kTerminateModeOption);
    return option.isEmpty() ? QStringLiteral("TERMINATE") : option;
}

// Listeners sharing a port must agree on protocol and TLS, or Istio cannot merge them.
bool compatible(const GatewayListener &l, const GatewayPlan &plan) {
    return l.protocol == plan.protocol && tlsModeOf(l) == plan.tlsMode;
}

bool serves(const GatewayListener &l, const GatewayPlan &plan) {
    return l.port == plan.port && compatible(l, plan) &&
           (l.hostname.isEmpty() || l.hostname == plan.host);
}

QString describeListener(const QString &protocol, const QString &mode) {
    return mode.isEmpty() ? protocol : QStringLiteral("%1 (TLS %2)").arg(protocol, mode);
}

// Istio's tasks name the Gateway after the host ("cnn-egress-gateway"); its Service
// `<name>-istio` must stay a DNS label of 63 characters.
QString gatewayNameFor(const QString &host) {
    const QString deployed = istio::deployedName(QStringLiteral("-egress-gateway"));
    return fitDnsLabel(targetName(host), deployed).chopped(int(istio::deployedName({}).size()));
}

bool isInternalEgress(const Resource &g) {
    return g.meta.annotations.value(istio::kServiceTypeAnnotation) == QLatin1String("ClusterIP");
}

} // namespace

std::optional<GatewayTarget> chooseKubernetesGateway(RecipeContext &ctx, const GatewayPlan &plan,
                                                     const QString &explicitGateway) {
    const QString routeNs = ctx.routeNamespace();
    const Resource *chosen = nullptr;
    QString name;
    if (!explicitGateway.isEmpty()) {
        name = explicitGateway.section(QLatin1Char('/'), -1);
        const QString ns = explicitGateway.contains(QLatin1Char('/'))
                               ? explicitGateway.section(QLatin1Char('/'), 0, 0)
                               : routeNs;
        if (ns != routeNs) {
            ctx.problem(QStringLiteral("gateway"),
                        QStringLiteral("in the Gateway API the routes go in the Gateway's own "
                                       "namespace (its listeners admit routes from the Same "
                                       "namespace, as Istio's tasks write them): %1/%2 is not in "
                                       "the route's namespace %3; use --namespace %1")
                            .arg(ns, name, routeNs));
            return std::nullopt;
        }
        chosen = ctx.find(Kind::KubernetesGateway, ns, name);
        if (chosen &&
            chosen->as<KubernetesGateway>()->gatewayClassName != istio::kIstioGatewayClass) {
            ctx.problem(
                QStringLiteral("gateway"),
                QStringLiteral("%1 is of class \"%2\": Istio deploys and configures only "
                               "Gateways of class istio")
                    .arg(located(*chosen), chosen->as<KubernetesGateway>()->gatewayClassName));
            return std::nullopt;
        }
    } else {
        // An internal egress gateway Istio deploys in the route's namespace; one already
        // listening on the port this way first (the host joins it).
        for (const Resource *g : ctx.ofKind(Kind::KubernetesGateway)) {
            if (g->ns != routeNs ||
                g->as<KubernetesGateway>()->gatewayClassName != istio::kIstioGatewayClass ||
                !isInternalEgress(*g))
                continue;
            bool onPort = false;
            for (const GatewayListener &l : g->as<KubernetesGateway>()->listeners)
                onPort = onPort || (l.port == plan.port && compatible(l, plan));
            if (onPort) {
                chosen = g;
                break;
            }
            if (!chosen)
                chosen = g;
        }
        name = chosen ? chosen->meta.name
                      : ctx.uniqueName(Kind::KubernetesGateway, routeNs, gatewayNameFor(plan.host));
    }

    GatewayTarget target;
    target.ns = routeNs;
    target.name = name;
    target.selector = {{istio::kGatewayNameLabel, name}};
    target.serviceHost = istio::serviceFqdn(istio::deployedName(name), routeNs);
    target.workloadNamespace = routeNs;
    target.servicePorts = {plan.port}; // Istio's Service exposes every listener's port
    if (!chosen)
        return target;
    for (const GatewayListener &l : chosen->as<KubernetesGateway>()->listeners) {
        if (!l.port)
            continue;
        target.servicePorts << *l.port;
        if (*l.port == plan.port && !compatible(l, plan)) {
            ctx.problem(QStringLiteral("gateway-port"),
                        QStringLiteral("%1 already listens on port %2 as %3 (listener %4); this "
                                       "route needs %5 there: choose another --gateway-port")
                            .arg(located(*chosen))
                            .arg(plan.port)
                            .arg(describeListener(l.protocol, tlsModeOf(l)), l.name,
                                 describeListener(plan.protocol, plan.tlsMode)));
            return std::nullopt;
        }
    }
    return target;
}

void ensureKubernetesGateway(RecipeContext &ctx, const GatewayTarget &gw, const GatewayPlan &plan) {
    const QString base = plan.listenerName.isEmpty() ? plan.portName : plan.listenerName;
    const Resource *existing = ctx.find(Kind::KubernetesGateway, gw.ns, gw.name);
    if (!existing) {
        ctx.create(Kind::KubernetesGateway, ctx.written(gw.ns), gw.name,
                   kubernetesGatewaySpec(listenerNode(plan, base)),
                   {{istio::kServiceTypeAnnotation, QStringLiteral("ClusterIP")}});
        return;
    }
    const KubernetesGateway &g = *existing->as<KubernetesGateway>();
    QStringList taken;
    for (const GatewayListener &l : g.listeners) {
        if (serves(l, plan))
            return; // the host is served on that port already
        taken << l.name;
    }
    // Names are unique within a Gateway: the next listener is named after its host.
    QString name = base;
    if (taken.contains(name))
        name = QStringLiteral("%1-%2").arg(base, targetName(plan.host));
    for (int n = 2; taken.contains(name); ++n)
        name = QStringLiteral("%1-%2-%3").arg(base, targetName(plan.host)).arg(n);
    const QVector<edit::TextEdit> edits = ctx.appendItems(
        *existing, QStringLiteral("spec.listeners"), list({listenerNode(plan, name)}));
    if (!edits.isEmpty())
        ctx.edit(*existing, edits,
                 QStringLiteral("extended %1: listener %2 for %3 on port %4")
                     .arg(resourceName(*existing), name, plan.host)
                     .arg(plan.port));
}

} // namespace egret::recipes

#include "model/istio/Hosts.h"
#include "model/recipes/HostNames.h"
#include "model/recipes/RecipeSteps.h"
#include "model/recipes/ResourceNodes.h"

namespace egret::recipes {

namespace {

const QString kGatewayName = QStringLiteral("istio-egressgateway");

QString upper(const QString &s) {
    return s.toUpper();
}

QString tlsMode(const Server &s) {
    return s.tls ? upper(s.tls->mode) : QString();
}

// Servers on the same port of the same workloads must agree on protocol and TLS, or Istio
// drops one of them. TLS and HTTPS are the same thing when passed through.
bool compatible(const Server &s, const GatewayPlan &plan) {
    const QString mode = tlsMode(s);
    if (mode != plan.tlsMode)
        return false;
    const QString a = upper(s.port.protocol);
    const QString b = upper(plan.protocol);
    const QStringList tls{QStringLiteral("TLS"), QStringLiteral("HTTPS")};
    return a == b || (mode == QLatin1String("PASSTHROUGH") && tls.contains(a) && tls.contains(b));
}

bool onPort(const Server &s, const GatewayPlan &plan) {
    return s.port.number == plan.port && s.bind.isEmpty();
}

QString describeServer(const QString &protocol, const QString &mode) {
    return mode.isEmpty() ? protocol : QStringLiteral("%1 (TLS %2)").arg(protocol, mode);
}

int compatibleServer(const Gateway &g, const GatewayPlan &plan) {
    for (int i = 0; i < g.servers.size(); ++i)
        if (onPort(g.servers[i], plan) && compatible(g.servers[i], plan))
            return i;
    return -1;
}

} // namespace

Labels defaultGatewaySelector(const RecipeContext &ctx) {
    if (const KnownGateway *g = ctx.installation().egressGateway()) {
        const Labels &labels = g->gateway.podLabels;
        if (labels.contains(QStringLiteral("istio")))
            return {{QStringLiteral("istio"), labels.value(QStringLiteral("istio"))}};
        if (!labels.isEmpty())
            return labels;
    }
    return {{QStringLiteral("istio"), QStringLiteral("egressgateway")}};
}

QString missingPortNote(const GatewayTarget &gw, qint64 port) {
    const QString item = QStringLiteral("{name: tcp-%1, port: %1, targetPort: %1}").arg(port);
    if (gw.installed && gw.installed->basis == GatewayBasis::Declared) {
        const KnownGateway &k = *gw.installed;
        const QString format = k.sourceFormat;
        QString path = k.gateway.path;
        if (format == QLatin1String("IstioOperator"))
            path += QStringLiteral(".k8s.service.ports");
        else if (format == QLatin1String("ServiceMeshControlPlane"))
            path += QStringLiteral(".service.ports");
        else
            path = QStringLiteral("service.ports");
        return QStringLiteral("The egress gateway's Service %1 does not expose port %2: add %3 "
                              "to %4 of %5")
            .arg(gw.serviceHost)
            .arg(port)
            .arg(item, path, k.origin.mid(QStringLiteral("installed by ").size()));
    }
    return QStringLiteral("The egress gateway's Service %1 does not expose port %2: add %3 to the "
                          "gateway's installation (IstioOperator "
                          "spec.components.egressGateways[].k8s.service.ports, the gateway "
                          "chart's service.ports, or ServiceMeshControlPlane "
                          "spec.gateways.additionalEgress.<name>.service.ports)")
        .arg(gw.serviceHost)
        .arg(port)
        .arg(item);
}

GatewayTarget gatewayWorkload(const RecipeContext &ctx, const Labels &selector) {
    GatewayTarget out;
    out.selector = selector;
    out.serviceHost = QStringLiteral("istio-egressgateway.istio-system.svc.cluster.local");
    out.workloadNamespace = QStringLiteral("istio-system");
    out.servicePorts = {80, 443};
    // The installation's gateway the selector picks, when its pods are not in the files.
    for (const KnownGateway &g : ctx.installation().gateways) {
        if (selector.isEmpty() || !selectorMatches(selector, g.gateway.podLabels))
            continue;
        out.serviceHost = istio::serviceFqdn(g.gateway.name, g.gateway.ns);
        out.workloadNamespace = g.gateway.ns;
        out.servicePorts.clear();
        for (const KubePort &p : g.gateway.ports)
            if (p.port)
                out.servicePorts << *p.port;
        out.installed = g;
        break;
    }
    for (const Resource *w : ctx.ws().resources()) {
        const Workload *pod = w->as<Workload>();
        if (!pod || selector.isEmpty() || !selectorMatches(selector, pod->podLabels))
            continue;
        for (const Resource *s : ctx.ofKind(Kind::Service)) {
            const Service *svc = s->as<Service>();
            if (s->ns != w->ns || !svc->hasSelector ||
                !selectorMatches(svc->selector, pod->podLabels))
                continue;
            out.serviceHost = QStringLiteral("%1.%2.svc.cluster.local").arg(s->meta.name, s->ns);
            out.workloadNamespace = w->ns;
            out.servicePorts.clear();
            for (const KubePort &p : svc->ports)
                if (p.port)
                    out.servicePorts << *p.port;
            out.installed.reset();
            return out;
        }
    }
    return out;
}

QString gatewayReference(const GatewayTarget &gw, const QString &vsNamespace) {
    return gw.ns == vsNamespace ? gw.name : QStringLiteral("%1/%2").arg(gw.ns, gw.name);
}

std::optional<GatewayTarget> ensureGateway(RecipeContext &ctx, const GatewayPlan &plan,
                                           const QString &explicitGateway) {
    const QString routeNs = ctx.routeNamespace();
    QString ns = routeNs;
    QString name = kGatewayName;
    if (!explicitGateway.isEmpty()) {
        name = explicitGateway.section(QLatin1Char('/'), -1);
        if (explicitGateway.contains(QLatin1Char('/')))
            ns = explicitGateway.section(QLatin1Char('/'), 0, 0);
    }
    const Resource *chosen = ctx.find(Kind::Gateway, ns, name);
    const Labels installed = defaultGatewaySelector(ctx);
    Labels selector = chosen ? chosen->as<Gateway>()->selector : installed;
    const QVector<const Resource *> sameWorkload = ctx.matching(
        Kind::Gateway, [&](const Resource &r) { return r.as<Gateway>()->selector == selector; });
    if (explicitGateway.isEmpty()) {
        // A Gateway already serving the port this way: the host joins it (never a second
        // Gateway on the same port and selector: IST0145). Prefer the route's namespace.
        const Resource *serving = nullptr;
        for (const Resource *r : sameWorkload)
            if (compatibleServer(*r->as<Gateway>(), plan) >= 0 &&
                (!serving || (r->ns == routeNs && serving->ns != routeNs)))
                serving = r;
        if (chosen && chosen->as<Gateway>()->selector != installed)
            chosen = nullptr; // a Gateway of that name for other workloads: make our own
        // Else the installation's Gateway gets a server for the port, wherever it is.
        for (const Resource *r : sameWorkload)
            if (!chosen && r->meta.name == kGatewayName)
                chosen = r;
        if (serving)
            chosen = serving;
    }
    for (const Resource *r : sameWorkload) {
        for (const Server &s : r->as<Gateway>()->servers) {
            if (onPort(s, plan) && !compatible(s, plan)) {
                ctx.problem(
                    QStringLiteral("gateway-port"),
                    QStringLiteral("%1: %2 already serves port %3 of the egress gateway as "
                                   "%4; this route needs %5 there: choose another "
                                   "--gateway-port (and expose it on the gateway's Service)")
                        .arg(r->location.toString(), resourceName(*r))
                        .arg(plan.port)
                        .arg(describeServer(s.port.protocol, tlsMode(s)),
                             describeServer(plan.protocol, plan.tlsMode)));
                return std::nullopt;
            }
        }
    }

    GatewayTarget target = gatewayWorkload(ctx, selector);
    if (!chosen) {
        target.ns = ns;
        target.name = explicitGateway.isEmpty() ? ctx.uniqueName(Kind::Gateway, ns, name) : name;
        ctx.create(
            Kind::Gateway, ctx.written(ns), target.name,
            gatewaySpec(selector.value(QStringLiteral("istio"), QStringLiteral("egressgateway")),
                        gatewayServer(plan, plan.portName)));
        return target;
    }
    target.ns = chosen->ns;
    target.name = chosen->meta.name;
    const Gateway &g = *chosen->as<Gateway>();
    const int index = compatibleServer(g, plan);
    if (index >= 0) {
        for (const QString &entry : g.servers[index].hosts)
            if (istio::gatewayHostNames(entry, plan.host, routeNs, chosen->ns))
                return target; // the host is already served
        const QString hosts = QStringLiteral("spec.servers[%1].hosts").arg(index);
        ctx.edit(*chosen, ctx.appendItems(*chosen, hosts, list({str(plan.host)})),
                 QStringLiteral("extended %1: host %2 on port %3")
                     .arg(resourceName(*chosen), plan.host)
                     .arg(plan.port));
    } else {
        QStringList taken;
        for (const Server &s : g.servers)
            taken << s.port.name;
        QString portName = plan.portName;
        if (taken.contains(portName))
            portName = QStringLiteral("%1-%2").arg(plan.portName).arg(plan.port);
        const QVector<edit::TextEdit> edits = ctx.appendItems(
            *chosen, QStringLiteral("spec.servers"), list({gatewayServer(plan, portName)}));
        if (!edits.isEmpty())
            ctx.edit(*chosen, edits,
                     QStringLiteral("extended %1: server on port %2 for %3")
                         .arg(resourceName(*chosen))
                         .arg(plan.port)
                         .arg(plan.host));
    }
    if (ctx.failed())
        return std::nullopt;
    return target;
}

} // namespace egret::recipes

#include "model/validation/Context.h"
#include "model/validation/rules/Rules.h"

#include <QSet>

namespace egret::validation::rules {

// A Gateway server port must be reachable through a Service in front of the gateway's pods.
static void analyze(Context &ctx) {
    const Resource &g = ctx.subject();
    const auto *gw = g.as<Gateway>();
    const QVector<const Resource *> pods = ctx.workloadsMatching(gw->selector);
    if (pods.isEmpty()) {
        ctx.report(msg::ReferencedResourceNotFound, QStringLiteral("spec.selector"),
                   {QStringLiteral("selector"), selectorString(gw->selector)});
        return;
    }
    QSet<qint64> accepted;
    for (const Resource *pod : pods) {
        const Labels &labels = pod->as<Workload>()->podLabels;
        for (const Entry &e : ctx.entries(Table::ServicesByNs, pod->ns)) {
            const auto *svc = e.resource->as<Service>();
            if (!selectorMatches(svc->selector, labels))
                continue;
            ctx.relyOn(e.resource);
            for (const KubePort &p : svc->ports) {
                // Kubernetes defaults an unset protocol to TCP. (Istio's file-based harness does
                // not default it and so ignores such ports; a cluster's Services all have one.)
                if (!p.protocol.isEmpty() && p.protocol != QLatin1String("TCP"))
                    continue;
                if (p.port)
                    accepted.insert(*p.port);
                if (p.targetPortNumber)
                    accepted.insert(*p.targetPortNumber);
            }
        }
    }
    for (int i = 0; i < gw->servers.size(); ++i) {
        const auto &number = gw->servers[i].port.number;
        if (number && !accepted.contains(*number))
            ctx.report(msg::GatewayPortNotDefinedOnService,
                       QStringLiteral("spec.servers[%1].port.number").arg(i),
                       {QString::number(*number), selectorString(gw->selector)});
    }
}

const Rule ingressGatewayPortAnalyzer{
    "gateway.IngressGatewayPortAnalyzer",
    "Checks that a Gateway selects pods and that its server ports are defined on their Services",
    {Kind::Gateway, Kind::Pod, Kind::Service},
    {Kind::Gateway},
    {&msg::ReferencedResourceNotFound, &msg::GatewayPortNotDefinedOnService},
    analyze,
};

} // namespace egret::validation::rules

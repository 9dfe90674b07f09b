#include "model/flow/RouteRules.h"

#include "model/istio/GatewayRef.h"

namespace egret::flow {

namespace {

// One entry per gateway a match applies to; a rule without matches applies everywhere.
void addEntries(RouteRule &rule, const istio::RouteRule &r, const QStringList &vsGateways,
                const QString &ns) {
    if (r.matches.isEmpty()) {
        for (const QString &g : vsGateways)
            rule.entries.append(
                {istio::gatewayKey(g, ns), std::nullopt, -1, nullptr, {}, nullptr, false});
        return;
    }
    for (int k = 0; k < r.matches.size(); ++k) {
        const istio::RuleMatch &m = r.matches.at(k);
        for (const QString &g : m.gateways->isEmpty() ? vsGateways : *m.gateways) {
            RuleEntry e;
            e.binding = istio::gatewayKey(g, ns);
            e.port = m.port;
            e.match = k;
            e.sourceLabels = m.sourceLabels;
            e.sourceNamespace = *m.sourceNamespace;
            e.sniHosts = m.sniHosts;
            e.conditional = m.conditional;
            rule.entries.append(e);
        }
    }
}

} // namespace

QVector<RouteRule> routeRules(const VirtualService &vs, const QString &ns) {
    const QStringList vsGateways =
        vs.gateways.isEmpty() ? QStringList{istio::kMeshGateway} : vs.gateways;
    QVector<RouteRule> out;
    for (const istio::RouteRule &r : istio::routeRules(vs)) {
        if (r.http && r.http->hasDelegate)
            continue;
        RouteRule rule;
        rule.kind = r.kind;
        rule.path = r.path();
        rule.route = r.route;
        rule.http = r.http;
        rule.terminal = r.http && (r.http->hasRedirect || r.http->hasDirectResponse);
        addEntries(rule, r, vsGateways, ns);
        out.append(rule);
    }
    return out;
}

QString describeRetries(const HttpRetry &r) {
    QStringList parts;
    if (r.attempts)
        parts << QStringLiteral("%1 attempts").arg(*r.attempts);
    if (!r.perTryTimeout.isEmpty())
        parts << QStringLiteral("%1 per try").arg(r.perTryTimeout);
    if (!r.retryOn.isEmpty())
        parts << QStringLiteral("on %1").arg(r.retryOn);
    return parts.isEmpty() ? QStringLiteral("default") : parts.join(QStringLiteral(", "));
}

QString describeFault(const HttpFault &f) {
    QStringList parts;
    auto percent = [](std::optional<double> p, std::optional<qint64> legacy) {
        if (p)
            return QStringLiteral(" (%1%)").arg(*p);
        if (legacy)
            return QStringLiteral(" (%1%)").arg(*legacy);
        return QString();
    };
    if (f.hasDelay)
        parts << QStringLiteral("delay %1").arg(f.fixedDelay) +
                     percent(f.delayPercentage, f.delayPercent);
    if (f.hasAbort)
        parts << QStringLiteral("abort %1")
                         .arg(f.abortHttpStatus ? QString::number(*f.abortHttpStatus)
                                                : QStringLiteral("?")) +
                     percent(f.abortPercentage, std::nullopt);
    return parts.join(QStringLiteral(", "));
}

} // namespace egret::flow

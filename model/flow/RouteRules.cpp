#include "model/flow/RouteRules.h"

#include "model/flow/DeriveContext.h" // indexedPath

namespace egret::flow {

QString ruleProtocol(RuleKind kind) {
    switch (kind) {
    case RuleKind::Http:
        return QStringLiteral("HTTP");
    case RuleKind::Tls:
        return QStringLiteral("TLS");
    case RuleKind::Tcp:
        return QStringLiteral("TCP");
    }
    return {};
}

QString bindingKey(const QString &gateway, const QString &ns) {
    if (gateway == QLatin1String("mesh") || gateway.contains(QLatin1Char('/')))
        return gateway;
    return ns + QLatin1Char('/') + gateway;
}

namespace {

QStringList effectiveGateways(const QStringList &matchGateways, const QStringList &vsGateways) {
    return matchGateways.isEmpty() ? vsGateways : matchGateways;
}

// Adds one entry per gateway a match applies to; a rule without matches applies everywhere.
template <class Match, class Fill>
void addEntries(RouteRule &rule, const QVector<Match> &matches, const QStringList &vsGateways,
                const QString &ns, Fill fill) {
    if (matches.isEmpty()) {
        for (const QString &g : vsGateways)
            rule.entries.append({bindingKey(g, ns), std::nullopt, -1, nullptr, {}, nullptr, false});
        return;
    }
    for (int k = 0; k < matches.size(); ++k) {
        const Match &m = matches.at(k);
        for (const QString &g : effectiveGateways(m.gateways, vsGateways)) {
            RuleEntry e;
            e.binding = bindingKey(g, ns);
            e.port = m.port;
            e.match = k;
            e.sourceLabels = m.sourceLabels.isEmpty() ? nullptr : &m.sourceLabels;
            e.sourceNamespace = m.sourceNamespace;
            e.conditional = e.sourceLabels || !e.sourceNamespace.isEmpty();
            fill(m, e);
            rule.entries.append(e);
        }
    }
}

} // namespace

QVector<RouteRule> routeRules(const VirtualService &vs, const QString &ns) {
    const QStringList vsGateways =
        vs.gateways.isEmpty() ? QStringList{QStringLiteral("mesh")} : vs.gateways;
    QVector<RouteRule> out;
    for (int i = 0; i < vs.http.size(); ++i) {
        const HttpRoute &h = vs.http.at(i);
        RouteRule rule;
        rule.kind = RuleKind::Http;
        rule.path = indexedPath(u"spec.http", i);
        rule.route = &h.route;
        rule.http = &h;
        rule.terminal = h.hasRedirect || h.hasDirectResponse;
        addEntries(rule, h.match, vsGateways, ns, [](const HttpMatchRequest &m, RuleEntry &e) {
            e.conditional = e.conditional || m.uri || m.scheme || m.method || m.authority ||
                            !m.headers.isEmpty() || !m.queryParams.isEmpty() ||
                            !m.withoutHeaders.isEmpty();
        });
        if (!h.hasDelegate)
            out.append(rule);
    }
    for (int i = 0; i < vs.tls.size(); ++i) {
        const TlsRoute &t = vs.tls.at(i);
        RouteRule rule;
        rule.kind = RuleKind::Tls;
        rule.path = indexedPath(u"spec.tls", i);
        rule.route = &t.route;
        addEntries(rule, t.match, vsGateways, ns, [](const TlsMatchAttributes &m, RuleEntry &e) {
            e.sniHosts = &m.sniHosts;
            e.conditional = e.conditional || !m.destinationSubnets.isEmpty();
        });
        out.append(rule);
    }
    for (int i = 0; i < vs.tcp.size(); ++i) {
        const TcpRoute &t = vs.tcp.at(i);
        RouteRule rule;
        rule.kind = RuleKind::Tcp;
        rule.path = indexedPath(u"spec.tcp", i);
        rule.route = &t.route;
        addEntries(rule, t.match, vsGateways, ns, [](const L4MatchAttributes &m, RuleEntry &e) {
            e.conditional =
                e.conditional || !m.destinationSubnets.isEmpty() || !m.sourceSubnet.isEmpty();
        });
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

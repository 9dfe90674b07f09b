#include "model/istio/RouteRules.h"

#include <charconv>

namespace egret::istio {

QLatin1StringView ruleListName(RuleKind kind) {
    switch (kind) {
    case RuleKind::Http:
        return QLatin1StringView("http");
    case RuleKind::Tls:
        return QLatin1StringView("tls");
    case RuleKind::Tcp:
        return QLatin1StringView("tcp");
    }
    return QLatin1StringView("http");
}

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

QString RouteRule::path() const {
    return rulePath(kind, index);
}

QString rulePath(RuleKind kind, int index) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, index).ptr;
    const QLatin1StringView list = ruleListName(kind);
    QString out;
    out.reserve(5 + list.size() + (end - digits) + 2);
    out.append(QLatin1StringView("spec.")).append(list).append(QLatin1Char('['));
    out.append(QLatin1StringView(digits, end - digits)).append(QLatin1Char(']'));
    return out;
}

namespace {

template <class Match> RuleMatch common(const Match &m) {
    RuleMatch r;
    r.gateways = &m.gateways;
    r.port = m.port;
    r.sourceLabels = m.sourceLabels.isEmpty() ? nullptr : &m.sourceLabels;
    r.sourceNamespace = &m.sourceNamespace;
    r.conditional = r.sourceLabels || !m.sourceNamespace.isEmpty();
    return r;
}

RuleMatch of(const HttpMatchRequest &m) {
    RuleMatch r = common(m);
    r.conditional = r.conditional || m.uri || m.scheme || m.method || m.authority ||
                    !m.headers.isEmpty() || !m.queryParams.isEmpty() || !m.withoutHeaders.isEmpty();
    return r;
}

RuleMatch of(const TlsMatchAttributes &m) {
    RuleMatch r = common(m);
    r.sniHosts = &m.sniHosts;
    r.destinationSubnets = &m.destinationSubnets;
    r.conditional = r.conditional || !m.destinationSubnets.isEmpty();
    return r;
}

RuleMatch of(const L4MatchAttributes &m) {
    RuleMatch r = common(m);
    r.destinationSubnets = &m.destinationSubnets;
    r.conditional = r.conditional || !m.destinationSubnets.isEmpty() || !m.sourceSubnet.isEmpty();
    return r;
}

template <class Route> RouteRule rule(RuleKind kind, int index, const Route &route) {
    RouteRule r;
    r.kind = kind;
    r.index = index;
    r.route = &route.route;
    r.matches.reserve(route.match.size());
    for (const auto &m : route.match)
        r.matches.append(of(m));
    return r;
}

} // namespace

QVector<RouteRule> routeRules(const VirtualService &vs) {
    QVector<RouteRule> out;
    out.reserve(vs.http.size() + vs.tls.size() + vs.tcp.size());
    for (int i = 0; i < vs.http.size(); ++i) {
        out.append(rule(RuleKind::Http, i, vs.http[i]));
        out.last().http = &vs.http[i];
    }
    for (int i = 0; i < vs.tls.size(); ++i)
        out.append(rule(RuleKind::Tls, i, vs.tls[i]));
    for (int i = 0; i < vs.tcp.size(); ++i)
        out.append(rule(RuleKind::Tcp, i, vs.tcp[i]));
    return out;
}

} // namespace egret::istio

#pragma once

#include "model/resources/VirtualService.h"

#include <QLatin1StringView>
#include <QString>
#include <QVector>

#include <optional>

namespace egret::istio {

// A VirtualService's http, tls and tcp rules seen one way, for the flows, the recipes and the
// validator alike. The view points into the VirtualService: it is valid while that lives.

enum class RuleKind { Http, Tls, Tcp };
QLatin1StringView ruleListName(RuleKind kind); // "http", "tls", "tcp": the spec's list
QString ruleProtocol(RuleKind kind);           // "HTTP", "TLS", "TCP"

// One entry of a rule's `match`, whatever the rule's kind.
struct RuleMatch {
    const QStringList *gateways = nullptr; // as written; empty: the VirtualService's
    std::optional<qint64> port;
    const QStringList *sniHosts = nullptr;           // tls rules only
    const QStringList *destinationSubnets = nullptr; // tls and tcp rules only
    const Labels *sourceLabels = nullptr;            // null when it names none
    const QString *sourceNamespace = nullptr;
    // Also matches on what the gateway and port do not decide (source, paths, headers,
    // subnets...): such a match does not shadow the rules after it.
    bool conditional = false;
};

struct RouteRule {
    RuleKind kind = RuleKind::Http;
    int index = 0;              // in the spec's list of that kind
    QVector<RuleMatch> matches; // empty: the rule applies wherever the VirtualService does
    const QVector<RouteDestination> *route = nullptr;
    const HttpRoute *http = nullptr; // http rules: timeout, retries, fault, redirect, delegate
    QString path() const;            // "spec.http[2]"
};
QString rulePath(RuleKind kind, int index); // "spec.http[2]"

// Every rule: the http ones, then tls, then tcp, each kind in Istio's order of evaluation.
QVector<RouteRule> routeRules(const VirtualService &vs);

} // namespace egret::istio

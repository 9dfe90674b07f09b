#pragma once

#include "model/istio/RouteRules.h"

#include <QString>
#include <QVector>

#include <optional>

namespace egret::flow {

// A VirtualService rule (istio::routeRules) spread for derivation over its bindings: which
// gateway (or the mesh) each of its matches binds to, on which port, and whether it matches on
// more than that.

using istio::RuleKind;
using istio::ruleProtocol;

struct RuleEntry {
    QString binding; // "mesh" or "ns/name" of a Gateway
    std::optional<qint64> port;
    int match = -1; // index in the rule's match list; -1 when it has none
    const Labels *sourceLabels = nullptr;
    QString sourceNamespace;
    const QStringList *sniHosts = nullptr;
    bool conditional = false; // also matches on paths, headers, subnets... (does not shadow)
};

struct RouteRule {
    RuleKind kind = RuleKind::Http;
    QString path; // spec.http[2]
    QVector<RuleEntry> entries;
    const QVector<RouteDestination> *route = nullptr;
    const HttpRoute *http = nullptr; // timeout, retries, fault
    bool terminal = false;           // answers itself (redirect, direct response)
};

// The rules of a VirtualService in Istio's order of evaluation per protocol; http rules that
// delegate are left out.
QVector<RouteRule> routeRules(const VirtualService &vs, const QString &ns);

QString describeRetries(const HttpRetry &r);
QString describeFault(const HttpFault &f);

} // namespace egret::flow

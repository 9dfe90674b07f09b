#pragma once

#include "model/istio/RouteRules.h"

#include <QString>
#include <QVector>

namespace egret::validation::rules {

// A route destination of a VirtualService and where it is written. Paths are made only when
// a finding needs one.
struct DestinationRef {
    enum class Where : quint8 { Route, Mirror, Mirrors };
    Destination destination;
    bool present = true; // false for a route entry written `- {}`
    bool mirror = false;
    istio::RuleKind kind = istio::RuleKind::Http; // of the rule it is written in
    int rule = 0;
    int entry = 0; // index in route[] or mirrors[]
    Where where = Where::Route;

    bool inHttp() const { return kind == istio::RuleKind::Http; }
    // Of the `destination` (or `mirror`) mapping; of the route entry when it has none.
    QString path() const;
};

// Every destination in tcp[].route[], tls[].route[] and http[].route[], and with mirrors, every
// http[].mirror and http[].mirrors[].destination.
QVector<DestinationRef> allDestinations(const VirtualService &vs, bool withMirrors);

// An http, tls or tcp rule (istio::routeRules) kept for a run: where it applies and where it
// sends traffic. It holds copies, not pointers, as rulesOf() memoizes it past the parse.
struct RouteRuleView {
    istio::RuleKind kind = istio::RuleKind::Http;
    int index = 0;
    bool isHttp() const { return kind == istio::RuleKind::Http; }
    QString path() const { return istio::rulePath(kind, index); } // "spec.http[0]"
    struct Match {
        QStringList gateways;
        std::optional<qint64> port;
        QStringList sniHosts;
    };
    QVector<Match> matches;
    QVector<DestinationRef> routes;
};
QVector<RouteRuleView> routeRules(const VirtualService &vs);

// Where a rule applies at one gateway ("mesh", or a Gateway as "ns/name"): a match naming
// gateways applies at those only, a match naming none at every gateway of the VirtualService
// (the mesh when it names none), and a rule without matches at all of them.
struct Applicability {
    bool applies = false;
    QVector<qint64> ports; // the ports the rule matches there; empty: any port
    QStringList sniHosts;  // tls rules: the SNI names matched there
};
// `bound` is boundGateways() of the VirtualService.
Applicability appliesAt(const RouteRuleView &rule, const QStringList &bound, const QString &vsNs,
                        const QString &gateway);

// The VirtualService's gateways as "mesh" or "ns/name", in order and without repeats.
QStringList boundGateways(const VirtualService &vs, const QString &vsNs);

// The hosts a rule carries at a gateway: tls rules the SNI names they match (the
// VirtualService's hosts when they match none), other rules the VirtualService's hosts.
QStringList carriedHosts(const RouteRuleView &rule, const Applicability &at,
                         const VirtualService &vs);

} // namespace egret::validation::rules

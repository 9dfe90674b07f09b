#pragma once

#include "model/resources/VirtualService.h"

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
    const char *table = "http"; // "http", "tls", "tcp"
    int rule = 0;
    int entry = 0; // index in route[] or mirrors[]
    Where where = Where::Route;

    bool inHttp() const { return table[1] == 't'; }
    // Of the `destination` (or `mirror`) mapping; of the route entry when it has none.
    QString path() const;
};

// Every destination in tcp[].route[], tls[].route[] and http[].route[], and with mirrors, every
// http[].mirror and http[].mirrors[].destination.
QVector<DestinationRef> allDestinations(const VirtualService &vs, bool withMirrors);

// An http, tls or tcp rule seen the same way: where it applies and where it sends traffic.
struct RouteRuleView {
    const char *kind = "http"; // "http", "tls", "tcp"
    int index = 0;
    bool isHttp() const { return kind[1] == 't'; }
    QString path() const; // "spec.http[0]"
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

// Whether a `gateways` entry written in a VirtualService of `vsNs` names `gateway` ("mesh" or
// "ns/name").
bool refersTo(const QString &ref, const QString &vsNs, const QString &gateway);

// The hosts a rule carries at a gateway: tls rules the SNI names they match (the
// VirtualService's hosts when they match none), other rules the VirtualService's hosts.
QStringList carriedHosts(const RouteRuleView &rule, const Applicability &at,
                         const VirtualService &vs);

} // namespace egret::validation::rules

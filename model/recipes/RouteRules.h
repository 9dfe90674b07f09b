#pragma once

#include "model/recipes/RoutePlan.h"
#include "model/resources/Resource.h"

namespace egret::recipes {

// One rule of a VirtualService (istio::routeRules) reduced to what route removal needs:
// where it is bound, which ports it matches, where it sends traffic.
struct RuleInfo {
    RuleKind kind = RuleKind::Http;
    int index = 0;
    bool mesh = false;    // some match is bound to the mesh (sidecars)
    QStringList gateways; // the Gateways its matches are bound to, as written
    QList<qint64> ports;  // the ports its matches name; empty: any
    bool anyPort = false; // a match without a port
    struct Destination {
        QString host;
        QString subset;
        qint64 port = 0; // 0 when not written
    };
    QVector<Destination> destinations;
};

QVector<RuleInfo> rulesOf(const VirtualService &vs);
QString rulePath(const RuleInfo &rule); // "spec.tls[1]"

} // namespace egret::recipes

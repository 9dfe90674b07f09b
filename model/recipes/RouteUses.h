#pragma once

#include "model/recipes/RouteTrim.h"

#include <QList>
#include <QPair>
#include <QSet>
#include <QString>

namespace egret::recipes {

// What the routes to a host lead to, and what the rules and routes that stay still use, as the
// finders of RouteRemoval.cpp gather it (Istio's VirtualService rules, the Gateway API's
// routes): it decides which ServiceEntry ports and serving hosts go.
using Endpoint = QPair<QString, qint64>; // host, port (0: any)
struct RouteUses {
    bool found = false;
    QSet<Endpoint> gatewayDestinations;   // where the gateways send the routes that go
    QSet<Endpoint> remainingDestinations; // where the rules and routes that stay send
    QSet<QString> remainingHosts;         // the hosts they route
    QList<qint64> meshPorts;              // the ports sidecars call on, of the routes that go
};

// The Gateway API routes to the host (GatewayApiRemoval.cpp): the mesh routes whose parent is the
// host's ServiceEntry, the routes at the gateways they lead to, the listeners, ReferenceGrants and
// gateway TLS settings only they use.
void findGatewayApiRoutes(const RecipeContext &ctx, const RouteRemoval &rm, RouteTrim &trim,
                          RouteUses &uses);

} // namespace egret::recipes

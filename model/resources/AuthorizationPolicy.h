#pragma once

#include "model/resources/GatewayApi.h"

#include <QStringList>
#include <QVector>

#include <optional>

namespace egret {

// security.istio.io AuthorizationPolicy, read as far as egress needs: what it targets (a
// waypoint's ServiceEntry or Gateway), its action, and its rules' operations (host, port,
// method, path). Sources and conditions are counted, not interpreted.
struct AuthorizationOperation {
    QStringList hosts, notHosts;
    QStringList ports, notPorts; // strings, as the API writes them
    QStringList methods, notMethods;
    QStringList paths, notPaths;
};

struct AuthorizationRule {
    QVector<AuthorizationOperation> to;
    int fromCount = 0; // `from` entries (sources), not interpreted
    int whenCount = 0; // `when` conditions, not interpreted
};

struct AuthorizationPolicy {
    QString action;                 // ALLOW (the default), DENY, AUDIT, CUSTOM
    QVector<ObjectRef> targetRefs;  // targetRefs, or the single targetRef
    std::optional<Labels> selector; // spec.selector.matchLabels
    QVector<AuthorizationRule> rules;
    bool hasRules = false; // `rules` written (an empty list denies nothing, allows nothing)
};

} // namespace egret

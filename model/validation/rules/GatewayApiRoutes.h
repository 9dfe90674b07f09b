#pragma once

#include "model/validation/Context.h"

// What the Gateway API rules share: the objects a route's references name, looked up through
// the context so that a change to them re-runs the rule.
namespace egret::validation::rules {

// "Gateway ns/name", "ServiceEntry ns/name", "Service ns/name", "Hostname api.example.com".
QString describeRef(const ObjectRef &ref, const QString &referrerNs, bool parent);

// The Gateway API Gateway a parentRef names, or null (also for another kind of parent).
const Resource *parentGateway(Context &ctx, const ObjectRef &parent, const QString &routeNs);

// The Service or ServiceEntry a reference names, or null (also for another kind).
const Resource *referencedService(Context &ctx, const ObjectRef &ref, const QString &referrerNs);

// Whether a Gateway API route attached to the Gateway whose deployed pods are among `pods` (the
// pods carry its gateway.networking.k8s.io/gateway-name) carries `host` onward.
bool routedOnwardByGatewayApi(Context &ctx, const QString &host,
                              const QVector<const Resource *> &pods);

} // namespace egret::validation::rules

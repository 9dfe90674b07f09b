#pragma once

#include "model/recipes/RoutePlan.h"

#include <yaml-cpp/yaml.h>

namespace egret::recipes {

// The YAML pieces recipes write, laid out as Istio's egress tasks write them.

YAML::Node str(const QString &text);
YAML::Node num(qint64 value);
YAML::Node strings(const QStringList &items);
YAML::Node list(std::initializer_list<YAML::Node> items);

YAML::Node serviceEntryPort(const PortPlan &port, const QString &name);
YAML::Node serviceEntrySpec(const ServiceEntryPlan &plan, const QStringList &portNames);

YAML::Node gatewayServer(const GatewayPlan &plan, const QString &portName);
YAML::Node gatewaySpec(const QString &selectorValue, const YAML::Node &server);

YAML::Node gatewaySubset(const GatewayPlan &plan, const QString &name);
// The rule bound to `mesh` (sidecars to the gateway's subset) and the one bound to the
// Gateway (gateway to the host), as `http`, `tls` or `tcp` rules.
YAML::Node meshRule(const GatewayPlan &plan, const QString &gatewayService, const QString &subset);
YAML::Node gatewayRule(const GatewayPlan &plan, const QString &gatewayRef);

YAML::Node portTlsSettings(const OriginationPlan &plan); // a portLevelSettings item

} // namespace egret::recipes

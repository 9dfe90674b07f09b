#pragma once

#include "model/core/Kind.h"
#include "model/recipes/RoutePlan.h"

#include <yaml-cpp/yaml.h>

namespace egret::recipes {

// The YAML pieces of the Gateway API recipes, laid out as Istio's "Gateway API" tabs write them.

// A listener for the plan's host and port, admitting routes of the Gateway's own namespace.
YAML::Node listenerNode(const GatewayPlan &plan, const QString &name);
YAML::Node kubernetesGatewaySpec(const YAML::Node &listener); // class istio

// A parentRef to a ServiceEntry (`namespace` only when it is not the route's), and to a Gateway.
YAML::Node serviceEntryParent(const QString &name, const QString &ns);
YAML::Node gatewayParent(const QString &name, const QString &sectionName);
// backendRefs: a Service (`namespace` only when it is not the route's) or a Hostname.
YAML::Node serviceBackend(const QString &name, const QString &ns, qint64 port);
YAML::Node hostnameBackend(const QString &host, qint64 port);
// A route's spec with one rule sending to one backend; no hostnames when the list is empty.
YAML::Node routeSpec(const YAML::Node &parent, const QStringList &hostnames,
                     const YAML::Node &backend);

// A ReferenceGrant letting routes of `routeKind` in `routeNs` refer to one Service.
YAML::Node referenceGrantSpec(Kind routeKind, const QString &routeNs, const QString &service);
// The bodies (keys after metadata) of the Role and RoleBinding that let a service account read
// the Secrets of its namespace.
YAML::Node secretReaderRole();
// The Role and RoleBinding's name: "<gateway>-istio-sds" as Istio's task writes it, shortened
// to a DNS label for a long gateway name.
QString credentialAccessName(const QString &gatewayName);
YAML::Node secretReaderBinding(const QString &role, const QString &serviceAccount);

} // namespace egret::recipes

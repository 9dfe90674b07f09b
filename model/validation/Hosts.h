#pragma once

#include "model/istio/GatewayRef.h"
#include "model/istio/HostSet.h"
#include "model/istio/Hosts.h"
#include "model/istio/Visibility.h"

#include <QString>

namespace egret::validation {

// The validator reads host names as Istio's analyzers do (istio::analyzer: case-sensitive,
// quirks included), so its findings match istioctl; the flow graph follows the proxy instead
// (istio::proxy). The names below are the validator's vocabulary for that choice.
using istio::analyzer::clusterServiceOf;
using istio::analyzer::fqdn;
using istio::analyzer::hostsOverlap;
using istio::analyzer::ServiceName;
using istio::analyzer::serviceNameOf;
using istio::analyzer::wildcardCovers;

using istio::exportScopes;
using istio::gatewayHostAdmits;
using istio::gatewayHostFor;
using istio::GatewayRef;
using istio::HostSet;
using istio::isMeshGateway;
using istio::parseGatewayRef;
using istio::serviceExportTo;

// Key separator for composite index keys.
inline constexpr QChar kSep = QChar(0x1f);

// A `gateways` entry as a key of Table::GatewayByName, "ns␟name", made without the parts.
QString gatewayNameKey(const QString &ref, const QString &ownNamespace);

} // namespace egret::validation

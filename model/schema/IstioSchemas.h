#pragma once

#include "model/schema/SchemaNode.h"

namespace egret::schema {

// Istio's networking kinds as its CRDs define them for v1, v1beta1 and v1alpha3 (they are the
// same); resourceSchema (ResourceSchema.h) puts them in documents.

// Parts shared between kinds, each defined once.
const Node *objectMeta();
const Node *workloadSelectorLabels(); // {labels: {k: v}}
const Node *portSelector();           // {number: N}
const Node *clientTls();              // DestinationRule ClientTLSSettings
const Node *serverTls();              // Gateway / Sidecar ServerTLSSettings
const Node *connectionPool();
const Node *trafficPolicy();
const Node *stringMatch(); // {exact|prefix|regex}

// Per kind spec schemas.
const Node *gatewaySpec();
const Node *serviceEntrySpec();
const Node *virtualServiceSpec();
const Node *destinationRuleSpec();
const Node *sidecarSpec();

} // namespace egret::schema

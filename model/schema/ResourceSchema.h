#pragma once

#include "model/core/Kind.h"
#include "model/schema/SchemaNode.h"

#include <QString>

namespace egret::schema {

// The whole document schema (apiVersion, kind, metadata, spec, status) of a kind in the version
// written: Istio's networking kinds as Istio's CRDs define them (v1, v1beta1 and v1alpha3 are the
// same), the Gateway API kinds as the Gateway API's CRDs define each version Egret reads (see
// gatewayApiVersions). Null for kinds that are not checked.
const Node *resourceSchema(Kind kind, const QString &apiVersion);

// Whose schema a kind is checked against, for messages: "Istio's schema", "the Gateway API's
// schema"; empty for kinds that are not checked.
QString schemaName(Kind kind);

} // namespace egret::schema

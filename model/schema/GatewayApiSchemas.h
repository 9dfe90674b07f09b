#pragma once

#include "model/schema/SchemaNode.h"

#include <QString>

// The Gateway API kinds (gateway.networking.k8s.io) as the CRDs of its experimental channel
// define them (v1.5, a superset of the standard channel; fields an earlier release had and a later
// one moved are accepted too, so that manifests written for Istio 1.22-1.30 check clean). Ranges,
// enums and required fields follow the CRDs' OpenAPI schemas; the CEL rules kept are the ones an
// egress configuration meets.
namespace egret::schema::gatewayapi {

// References, as the CRDs name their types.
const Node *parentReference();                           // a route's parentRefs item
const Node *backendObjectReference();                    // group, kind, name, namespace, port
const Node *backendRef();                                // ... and weight
Node *backendRefWith(std::initializer_list<Field> more); // a backendRef with more fields
const Node *secretObjectReference(); // group, kind, name, namespace; name required
const Node *objectReference();       // group, kind, name required; namespace
const Node *localObjectReference();  // group, kind, name required
const Node *labelSelector();         // matchLabels, matchExpressions
const Node *duration();              // the Gateway API's Duration: "1h", "10s", "500ms"
const Node *portNumber();            // 1-65535
const Node *hostname();              // "example.com" or "*.example.com", lower case
const Node *preciseHostname();       // no wildcard
const Node *hostnames();             // a route's hostnames
const Node *headerFilter();          // RequestHeaderModifier / ResponseHeaderModifier
const Node *requestMirror();         // HTTPRequestMirrorFilter
const Node *sessionPersistence();

// CEL on HTTPRoute and GRPCRoute filters: the field the type names is set, and no other.
void httpFilterFields(const YAML::Node &filter, const QString &path, CheckSink &report);
void grpcFilterFields(const YAML::Node &filter, const QString &path, CheckSink &report);

// The fields every route's spec has (parentRefs, useDefaultGateways), plus `more`.
Node *routeSpec(std::initializer_list<Field> more, std::initializer_list<const char *> required);

// Per kind spec schemas, by version where versions differ.
const Node *gatewaySpec();
const Node *httpRouteSpec();
const Node *grpcRouteSpec();
const Node *tlsRouteSpec();         // v1 and v1alpha3: hostnames required, one rule
const Node *tlsRouteSpecV1alpha2(); // hostnames optional, up to 16 rules
const Node *tcpRouteSpec();
const Node *referenceGrantSpec();
const Node *backendTlsPolicySpec();         // v1 and v1alpha3: targetRefs, validation
const Node *backendTlsPolicySpecV1alpha2(); // v1alpha2: targetRef, tls

} // namespace egret::schema::gatewayapi

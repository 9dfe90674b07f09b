#pragma once

#include "model/resources/ObjectMeta.h"
#include "model/resources/VirtualService.h"

#include <QVector>

#include <optional>

namespace egret {

// The Kubernetes Gateway API (gateway.networking.k8s.io), Istio's second egress dialect: what
// Istio reads of each kind to build the same proxy configuration as its own API.

// A reference to another object: a route's parent or backend, a policy's target, a grant's
// subject. Empty group means the core group ("" for Service).
struct ObjectRef {
    QString group;
    QString kind;
    QString name;
    QString ns;          // as written; empty means the referrer's namespace
    QString sectionName; // parentRefs and targetRefs: a listener or a port name
    std::optional<qint64> port;
    std::optional<qint64> weight; // backendRefs only

    bool operator==(const ObjectRef &) const = default;
};

struct GatewayTlsConfig {
    QString mode;                       // Terminate (the default) or Passthrough
    QVector<ObjectRef> certificateRefs; // Secrets for Terminate
    Labels options;                     // e.g. gateway.istio.io/tls-terminate-mode: ISTIO_MUTUAL
};

struct GatewayListener {
    QString name;
    QString hostname; // empty: any host
    std::optional<qint64> port;
    QString protocol; // HTTP, HTTPS, TLS, TCP, UDP, HBONE
    std::optional<GatewayTlsConfig> tls;
    // allowedRoutes.namespaces.from: Same (the default), All, Selector.
    QString routeNamespaces;
    Labels routeNamespaceSelector; // matchLabels, when from is Selector
    QStringList routeKinds;        // allowedRoutes.kinds[].kind; empty: the protocol's defaults
};

struct GatewayAddress {
    QString type; // IPAddress, Hostname, or an implementation's own
    QString value;
};

// gateway.networking.k8s.io Gateway. Istio deploys one with gatewayClassName `istio` as a
// Deployment and Service named `<name>-istio` in its namespace.
struct KubernetesGateway {
    QString gatewayClassName;
    QVector<GatewayListener> listeners;
    QVector<GatewayAddress> addresses;
    Labels infrastructureLabels;
    Labels infrastructureAnnotations;
};

// One rule of an HTTPRoute, GRPCRoute, TLSRoute or TCPRoute: what Istio reads to route.
struct GatewayRouteRule {
    QString name;
    // HTTPRoute and GRPCRoute matches, read as Istio converts them (path to uri, headers, query
    // parameters, method; a GRPC service/method to a uri). A match on PathPrefix "/" alone
    // selects every request and is left out.
    QVector<HttpMatchRequest> matches;
    int matchCount = 0; // as written
    QVector<ObjectRef> backendRefs;
    QString requestTimeout; // HTTPRoute timeouts.request
    QString backendRequestTimeout;
    bool hasRetry = false;
    bool hasFilters = false; // redirects, rewrites, header changes, mirrors
    bool hasRedirect = false;
};

// HTTPRoute, GRPCRoute, TLSRoute or TCPRoute: the resource's kind tells which.
struct GatewayRoute {
    QVector<ObjectRef> parentRefs;
    QStringList hostnames; // TCPRoute has none
    QVector<GatewayRouteRule> rules;
};

// ReferenceGrant: lets objects of `from` (group, kind, namespace) refer to objects `to` (group,
// kind, optional name) in the grant's own namespace.
struct ReferenceGrant {
    struct From {
        QString group;
        QString kind;
        QString ns;
    };
    struct To {
        QString group;
        QString kind;
        QString name; // empty: every object of the kind
    };
    QVector<From> from;
    QVector<To> to;
};

// BackendTLSPolicy: TLS the gateway or sidecar originates toward its targets.
struct BackendTlsPolicy {
    QVector<ObjectRef> targetRefs;
    QVector<ObjectRef> caCertificateRefs;
    QString wellKnownCACertificates; // "System"
    QString hostname;                // validation.hostname: the SNI and the name verified
    QStringList subjectAltNames;     // validation.subjectAltNames (hostname or uri values)
};

} // namespace egret

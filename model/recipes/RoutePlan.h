#pragma once

#include "model/istio/RouteRules.h"
#include "model/recipes/Route.h"

#include <optional>

namespace egret::recipes {

// What a pattern needs, as data: each pattern file turns a request into a plan, and the steps
// (RecipeSteps.h) create or extend the resources that carry it out.

struct PortPlan {
    qint64 number = 0;
    QString protocol; // HTTP, HTTPS, TLS, TCP
    QString name;     // preferred; made unique within the resource
    std::optional<qint64> targetPort;
};

struct ServiceEntryPlan {
    QString host;
    QVector<PortPlan> ports;
    QStringList addresses;
    QString resolution; // DNS, STATIC, NONE
    QStringList endpoints;
    // Gateway patterns send from the gateway to this host: it must resolve to an address.
    bool mustResolve = false;
};

using istio::RuleKind;

struct GatewayPlan {
    qint64 port = 0;      // opened on the gateway
    QString protocol;     // of the Gateway server
    QString tlsMode;      // PASSTHROUGH, ISTIO_MUTUAL, or empty
    QString portName;     // preferred server port name
    QString listenerName; // the Gateway API listener's preferred name; empty: portName
    RuleKind rules = RuleKind::Http;
    qint64 meshPort = 0;     // what the application calls
    QString host;            // the VirtualService host (the wildcard for wildcard routes)
    QString destinationHost; // where the gateway sends: the host, or the serving host
    qint64 destinationPort = 0;
    bool istioMutualSubset = false; // the subset carries ISTIO_MUTUAL with `sni` (origination)
    bool sniMatch = false;          // tls rules match sniHosts [host]
    QStringList destinationSubnets; // tcp: the mesh rule matches them
    bool meshWeight = true;         // `weight: 100` on the mesh rule's destination, as the task
    bool gatewayFirst = true;       // `gateways: [gw, mesh]` as the task, else [mesh, gw]
};

// TLS the proxy originates toward the external host, from a DestinationRule on that host.
struct OriginationPlan {
    QString host;
    qint64 port = 0;
    QString mode; // SIMPLE, MUTUAL
    QString credentialName;
    QString sni;
    bool roundRobin = false;         // `loadBalancer: {simple: ROUND_ROBIN}`, as the task
    bool inGatewayNamespace = false; // a credentialName is read by the gateway from its namespace
    QString namePrefix;              // "originate-tls-for-"
    QString nameHost;                // the host the name is made of; empty: `host`
    // The sni selects the gateway's listener (ISTIO_MUTUAL toward a Gateway API gateway): a
    // different sni already set for the port is a conflict, to be solved with another
    // gateway port.
    bool sniSelectsListener = false;
};

struct RoutePlan {
    QVector<ServiceEntryPlan> serviceEntries;
    std::optional<GatewayPlan> gateway;
    QVector<OriginationPlan> origination;
    QStringList notes;
};

// One per pattern, in the file named after it. The request has its defaults filled in.
RoutePlan planDirectHttp(const RouteRequest &r);
RoutePlan planDirectTls(const RouteRequest &r);
RoutePlan planSidecarTlsOrigination(const RouteRequest &r);
RoutePlan planHttp(const RouteRequest &r);
RoutePlan planTlsPassthrough(const RouteRequest &r);
RoutePlan planTlsOrigination(const RouteRequest &r);
RoutePlan planMtlsOrigination(const RouteRequest &r);
RoutePlan planTcp(const RouteRequest &r);
RoutePlan planAmbient(const RouteRequest &r); // both ambient patterns (AmbientRoute.cpp)
// What tls-origination and mtls-origination share (TlsOrigination.cpp).
RoutePlan planGatewayOrigination(const RouteRequest &r, const QString &serverPortName);

RoutePlan planFor(const RouteRequest &r);

// The plan in the Gateway API (GatewayApiPlan.cpp): the same hosts, ports and TLS, plus what that
// dialect needs besides: its mesh route attaches to the ServiceEntry of the host the application
// calls, so a wildcard routed to a serving host gets one of its own (resolution NONE, as Istio's
// wildcard task), and the notes on the experimental route kinds.
RoutePlan gatewayApiPlan(const RouteRequest &r);

// Shared by the gateway patterns: the ServiceEntry of the host the gateway sends to (for a
// wildcard, the serving host: Istio's wildcard task routes `*.example.com` to one server).
QString gatewayDestination(const RouteRequest &r);

} // namespace egret::recipes

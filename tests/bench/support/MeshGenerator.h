#pragma once

#include <QByteArray>

namespace egret::bench {

// The shapes a mesh of many external hosts comes in.
enum class MeshShape {
    // Per host a ServiceEntry, a Gateway, DestinationRules and a VirtualService, as Istio's egress
    // tasks write them one host at a time (about 1.2 kB each, ~10 MB for 2000 hosts); the client
    // namespaces hold one Deployment each.
    GatewayPerHost,
    // What `egret route add` builds when hosts join an existing gateway: one egress Gateway in
    // istio-system whose two servers (443 TLS PASSTHROUGH, 80 HTTP) list every host as
    // `ns/host`; per host a ServiceEntry (443 TLS, 80 HTTP, DNS) and a VirtualService bound to
    // `mesh` and the Gateway in one of the client namespaces (labelled for injection, three
    // Deployments each); every second host a DestinationRule originating SIMPLE TLS without
    // caCertificates (a warning each).
    OneGateway,
    // As OneGateway, with ten times as many client namespaces, each holding its own hosts
    // (exported to itself only) and one Sidecar: a long, shallow Resources tree.
    ManyNamespaces,
    // What `egret route add --api gateway-api` builds, host by host, as the "Gateway API" tab of
    // Istio's HTTP egress task: per host a ServiceEntry (80 HTTP, 443 HTTPS), a Gateway of class
    // istio (a Gateway takes at most 64 listeners, so one each: 2000 deployed gateways) and two
    // HTTPRoutes, the mesh one (ServiceEntry parent) and the gateway's; every second host a
    // DestinationRule originating SIMPLE TLS at the gateway without caCertificates. Client
    // namespaces as in OneGateway.
    GatewayApi,
};

struct MeshOptions {
    int hosts = 2000;
    int namespaces = 20; // client namespaces
    int faultEvery = 0;  // 0: a clean mesh; n: every n-th host gets one deliberate mistake
    MeshShape shape = MeshShape::GatewayPerHost;
};

// Generates a mesh of `hosts` external hosts routed through the egress gateway. Faults, when
// asked for, rotate through the mistakes the validator must catch (missing subset, wrong port,
// unknown gateway, passthrough with http rules, TLS origination without CA, undeclared host).
QByteArray generateMesh(const MeshOptions &options);

// The shape's name on a benchmark's command line and in its output.
const char *shapeName(MeshShape shape);
bool shapeFromName(const QByteArray &name, MeshShape *shape);

} // namespace egret::bench

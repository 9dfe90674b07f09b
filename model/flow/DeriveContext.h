#pragma once

#include "model/flow/FlowGraph.h"
#include "model/flow/MeshIndex.h"
#include "model/flow/TlsResolver.h"
#include "model/flow/Visibility.h"

#include <QHash>
#include <QSet>

namespace egret::flow {

// A sidecar (or a group of them) whose outbound traffic the graph shows.
struct SourceProxy {
    QString nodeId;
    QString ns; // where it runs ("any sidecar": the default namespace)
    Labels labels;
    bool knownLabels = true; // false for "sidecars in ns" and "any sidecar"
    SidecarScope scope;
    bool registryOnly = false;
    // Host -> ports its routes take elsewhere: no direct hop is drawn for those.
    QHash<QString, QSet<int>> routed;

    ProxyIdentity identity() const { return {ns, knownLabels ? &labels : nullptr}; }
};

// A gateway deployment: the workloads a Gateway selector names, under the Service that fronts
// them (istio-egressgateway.istio-system), or a Gateway whose selector names nothing known.
struct GatewayProxy {
    QString nodeId;
    QString label;
    QString ns;
    Labels labels;
    bool assumed = false;
    bool unresolved = false;
    Provenance members; // its workloads and Services, and the Gateways that select it
    QStringList hosts;  // what its servers accept
    QList<int> ports;
};

// One Gateway server, as the gateway-bound rules and the hops into a gateway see it.
struct ServerRef {
    const Resource *gateway = nullptr;
    int server = -1;
};

// What a route destination host turns out to be.
struct DestinationInfo {
    enum Kind { Gateway, External, InCluster } kind = External;
    QString host;      // as the node shows it
    QString serviceNs; // where the destination's own DestinationRules live
    int gatewayProxy = -1;
    QVector<DeclaredHost> declarations; // ServiceEntries declaring it
    const Resource *service = nullptr;  // a Kubernetes Service declaring it
};

// Whoever sends on a hop: a sidecar or a gateway.
struct Sender {
    QString nodeId;
    ProxyIdentity identity;
    const SidecarScope *scope = nullptr; // null for gateways
    bool registryOnly = false;
    bool gateway = false;
};

// Everything the derivation steps share: the indexes, the proxies, and the graph being built.
class DeriveContext {
public:
    DeriveContext(const Workspace &ws, const MeshConfig &mesh)
        : index(ws, mesh)
        , tls(index) {}

    MeshIndex index;
    TlsResolver tls;
    FlowGraph graph;
    QVector<SourceProxy> sources;
    QVector<GatewayProxy> gatewayProxies;
    QSet<const Resource *> gatewayWorkloads;
    QHash<const Resource *, QVector<int>> proxiesOfGateway; // Gateway resource -> proxies
    QHash<QString, int> proxyOfService;                     // gateway Service FQDN -> proxy
    // Servers by proxy, port and host ("*" hosts and wildcards under "").
    QHash<QString, QVector<ServerRef>> serversByPortHost;

    Sender sender(int sourceIndex) const;
    Sender gatewaySender(int proxy) const;

    DestinationInfo destination(const QString &fqdn) const;
    // Whether the proxy can see a declaration of the destination (exportTo, Sidecar hosts).
    bool declaredFor(const DestinationInfo &d, const Sender &s) const;
    // The Istio port a destination port maps to on the wire (ServiceEntry targetPort).
    int wirePort(const DestinationInfo &d, int servicePort) const;
    QString declaredProtocol(const DestinationInfo &d, int servicePort) const;

    QString gatewayNode(int proxy);
    QString hostNode(const DestinationInfo &d);
    // The servers of a gateway proxy that accept `host` on `port`.
    QVector<ServerRef> serversFor(int proxy, int port, const QString &host) const;
    static QString serverKey(int proxy, int port, const QString &host);
};

FlowSource sourceOf(const Resource &r, const QStringList &paths = {});

} // namespace egret::flow

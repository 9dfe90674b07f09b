#pragma once

#include "model/flow/FlowGraph.h"
#include "model/flow/MeshIndex.h"
#include "model/flow/TlsResolver.h"
#include "model/flow/Visibility.h"

#include <QBitArray>
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
    QString origin;               // not in the files: where the installation's gateway comes from
    Provenance members;           // its workloads and Services, and the Gateways that select it
    ProvenanceIndex membersIndex; // adds to members in constant time: thousands of Gateways
    QStringList hosts;            // what its servers accept
    QList<int> ports;
};

// One Gateway server, as the gateway-bound rules and the hops into a gateway see it.
struct ServerRef {
    const Resource *gateway = nullptr;
    int server = -1;
};

// One host of a Gateway server, split once ("ns/host").
struct ServerHost {
    int server = -1;
    QString ns;
    QString host;
};

// The host ports sidecars route elsewhere (no direct hop is drawn for those): by host and port,
// a bit per source. Marking is per route and source, so it must not allocate.
class RoutedPorts {
public:
    // The slot of a host port, created when absent.
    int slot(const QString &host, int port, int sources);
    void mark(int slot, int source) { m_sources[slot].setBit(source); }
    // -1 when no route takes the host port from any source.
    int find(const QString &host, int port) const { return m_slots.value({host, port}, -1); }
    bool marked(int slot, int source) const { return m_sources.at(slot).testBit(source); }

private:
    QHash<QPair<QString, int>, int> m_slots;
    QVector<QBitArray> m_sources;
};

// What a route destination host turns out to be.
struct DestinationInfo {
    enum Kind { Gateway, External, InCluster } kind = External;
    QString host;      // as the node shows it
    QString serviceNs; // where the destination's own DestinationRules live
    int gatewayProxy = -1;
    QVector<DeclaredHost> declarations;               // ServiceEntries declaring it
    const Resource *service = nullptr;                // a Kubernetes Service declaring it
    const TlsResolver::HostRules *tlsRules = nullptr; // the DestinationRules naming it
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
    // Servers by proxy and port, then host (lower case; wildcards under "", all under "#all").
    QHash<QPair<int, int>, QHash<QString, QVector<ServerRef>>> serversByPortHost;
    // Gateway server hosts, so that matching a route host does not scan a Gateway listing
    // thousands: plain ASCII names by Gateway and lower-case name, the rest by Gateway.
    QHash<QPair<const Resource *, QString>, QVector<ServerHost>> serverHostsByName;
    QHash<const Resource *, QVector<ServerHost>> serverHostsScanned;
    // Each server's provenance entry (spec.servers[i]), made once and shared by the hops.
    QHash<const Resource *, QVector<FlowSource>> serverSources;
    RoutedPorts routed;
    // Equal notes lists made for different routes, made one, so that merging them into a hop
    // is seen to change nothing.
    QSet<QStringList> notesLists;
    const QStringList &sharedNotes(const QStringList &notes) { return *notesLists.insert(notes); }

    Sender sender(int sourceIndex) const;
    Sender gatewaySender(int proxy) const;

    // Asked per route and per declared host; found once per host.
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
    // Indexes a Gateway's server hosts and provenance (serversAccepting, serverSource).
    void indexServers(const Resource &gateway);
    // Bit i: server i of `gateway` accepts `host` from a VirtualService in `vsNs`.
    QBitArray serversAccepting(const Resource &gateway, const QString &host,
                               const QString &vsNs) const;
    const FlowSource &serverSource(const Resource *gateway, int server) const {
        return serverSources.find(gateway)->at(server);
    }

private:
    DestinationInfo findDestination(const QString &fqdn) const;
    mutable QHash<QString, DestinationInfo> m_destinations;
};

FlowSource sourceOf(const Resource &r, const QStringList &paths = {});
// "base[index]" and "base.field[index]": field paths naming a list item; made per route, so
// cheaper than arg().
QString indexedPath(QStringView base, qsizetype index);
QString indexedPath(QStringView base, QLatin1StringView field, qsizetype index);

} // namespace egret::flow

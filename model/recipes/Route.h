#pragma once

#include "model/edit/WorkspaceChange.h"
#include "model/mesh/MeshConfig.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace egret {
class Workspace;
}

namespace egret::recipes {

// Istio's egress tasks, each a set of resources Egret creates or extends (../docs/EGRESS.md).
enum class Pattern {
    DirectHttp,            // sidecar straight to the host: ServiceEntry HTTP
    DirectTls,             // sidecar straight to the host: ServiceEntry with the app's TLS
    SidecarTlsOrigination, // the app speaks HTTP, its sidecar originates TLS
    Http,                  // through the egress gateway, plain HTTP
    TlsPassthrough,        // through the egress gateway, app TLS routed by SNI
    TlsOrigination,        // ISTIO_MUTUAL to the gateway, which originates SIMPLE TLS
    MtlsOrigination,       // ISTIO_MUTUAL to the gateway, which originates MUTUAL TLS
    Tcp,                   // through the egress gateway, TCP matched on destination subnets
    // Ambient mode: ambient pods' traffic through the egress waypoint of istio-egress.
    AmbientEgress,         // HTTP through the waypoint
    AmbientTlsOrigination, // HTTP to the waypoint, which originates TLS to port 443
};

// The dialect a route is written in. Istio: its own Gateway and VirtualService, through the
// installed egress gateway. GatewayApi: as the "Gateway API" tabs of Istio's egress tasks, a
// Kubernetes Gateway of class istio (which Istio deploys as `<name>-istio`) with HTTPRoute,
// TLSRoute or TCPRoute. ServiceEntry and DestinationRule are Istio's in both; the patterns
// without a gateway (direct-*, sidecar-tls-origination) write the same resources in both.
enum class Api { Istio, GatewayApi };

// A route to design: the inputs of the canvas's "route" gesture and of `egret route add`.
struct RouteRequest {
    Pattern pattern = Pattern::TlsPassthrough;
    std::optional<Api> api; // unset: the dialect the workspace already uses (defaultApi)
    QString host;           // external host, or a wildcard `*.example.com`
    qint64 port = 0;        // the port the application calls; 0: the pattern's default
    // Namespace of the route's resources (the source workloads'). Empty: written without a
    // namespace, as Istio's docs do, so they land in the workspace's default namespace.
    QString ns;
    // For the description only: Istio's tasks route every sidecar that sees the resources.
    QString sourceWorkload;
    QString gateway;        // the Gateway resource, "ns/name" or "name"; empty: find or create
    qint64 gatewayPort = 0; // port opened on the egress gateway; 0: the pattern's
    QString credentialName; // mtls-origination: the client Secret, in the gateway's namespace
    QString subnet;         // tcp: CIDR the application connects to
    QString servingHost;    // wildcard through a gateway: the one host that serves every name
    QString targetFile;     // the file new documents go to (created when not in the workspace)
    // The mesh config and installation given apart from the files (--mesh-config,
    // --gateway-values, the window's Installation panel): where the egress gateway is.
    MeshConfig mesh;
};

// The dialect a workspace already uses: the Gateway API when it holds a gateway.networking.k8s.io
// Gateway of class istio or Gateway API routes, and no networking.istio.io Gateway; Istio's
// otherwise (an empty workspace included).
Api defaultApi(const Workspace &ws);
QString apiName(Api api);  // "istio", "gateway-api": what --api takes
QString apiTitle(Api api); // "Istio API", "Gateway API": what the route dialog shows
std::optional<Api> apiFromName(const QString &name);

// What `route remove` takes away: every route to the host, or only the one entering at a port.
struct RouteRemoval {
    QString host;
    qint64 port = 0; // 0: every port
};

// A request that cannot be carried out, and which input is to blame ("host", "port",
// "pattern", "gateway", "gateway-port", "namespace", "credential", "subnet", "serving-host",
// "file"; "workspace" when it is the existing resources that are in the way).
struct InputProblem {
    QString field;
    QString message;
};
// One line per problem, "field: message", as the route dialog and the tests show them.
QString describe(const QVector<InputProblem> &problems);

struct RouteResult {
    bool ok = false;
    QVector<InputProblem> problems; // why nothing changes (ok is false)
    // The edits, ready for WorkspaceChange::apply (the editor: one undo step). Empty when the
    // route is already there.
    edit::WorkspaceChange change;
    QStringList summary; // one line per resource: "created ServiceEntry default/api-example-com"
    QStringList notes;   // what the manifests cannot do: Secrets to create, ports to expose
};

// Checks the inputs alone (names, ports, the options each pattern needs or refuses). An unset
// dialect is taken for Istio's.
QVector<InputProblem> validateRequest(const RouteRequest &request);

// The change that adds the route to the workspace: new resources appended to the target file,
// existing ones extended in place (a second host through the same gateway joins the existing
// Gateway server, DestinationRule and rules instead of duplicating them; in the Gateway API, a
// listener of the existing Gateway and routes of its own). The workspace itself is not
// modified.
RouteResult addRoute(const Workspace &ws, const RouteRequest &request);

// The change that removes exactly what makes the route(s) to the host, in either dialect: rules
// and Gateway API routes, the host in Gateway servers and listeners, subsets and origination
// settings nobody else uses, and the resources that are left empty. Adding a route and removing it
// gives the files back byte for byte when the host was not declared before.
RouteResult removeRoute(const Workspace &ws, const RouteRemoval &removal);

} // namespace egret::recipes

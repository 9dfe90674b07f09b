#include "model/flow/AmbientHops.h"

#include "model/flow/DeriveContext.h"
#include "model/istio/Ambient.h"
#include "model/istio/GatewayApiRefs.h"
#include "model/istio/Protocols.h"
#include "model/istio/Workloads.h"

#include <QMap>

#include <map>

namespace egret::flow {

namespace {

struct AmbientSender {
    QString nodeId;
    QString ns;
};

const QString kLabelsPath = QStringLiteral("metadata.labels");

// Ambient pods grouped by app, as sidecar workloads are; "pods in <ns>" for ambient namespaces
// the files hold no workload of; "any ambient pod" when waypoints are used but nothing says who
// is ambient.
QVector<AmbientSender> ambientSenders(DeriveContext &cx, bool waypointsUsed) {
    const istio::AmbientMesh &ambient = cx.index.ambient();
    QMap<QString, FlowNode> groups;
    QSet<QString> withWorkloads;
    for (const Resource *w : cx.index.workloads()) {
        const Workload *spec = w->as<Workload>();
        // Waypoints and gateways Istio deploys are not senders.
        if (cx.gatewayWorkloads.contains(w) || spec->podLabels.contains(istio::kGatewayNameLabel) ||
            !ambient.isAmbientWorkload(*w))
            continue;
        const QString app = istio::appName(spec->podLabels, w->meta.name);
        const QString id = QStringLiteral("workload:%1/%2").arg(w->ns, app);
        auto it = groups.find(id);
        if (it == groups.end()) {
            FlowNode n;
            n.id = id;
            n.kind = FlowNodeKind::Workload;
            n.label = app;
            n.ns = w->ns;
            n.labels = spec->podLabels;
            n.flags = NodeFlag::Ambient;
            it = groups.insert(id, n);
        }
        addProvenance(it->provenance, sourceOf(*w));
        withWorkloads.insert(w->ns);
    }
    QVector<AmbientSender> out;
    for (const FlowNode &n : std::as_const(groups)) {
        cx.graph.ensureNode(n);
        out.append({n.id, n.ns});
    }
    QStringList namespaces(ambient.ambientNamespaces().cbegin(),
                           ambient.ambientNamespaces().cend());
    namespaces.sort();
    for (const QString &ns : std::as_const(namespaces)) {
        if (withWorkloads.contains(ns))
            continue;
        FlowNode n;
        n.id = QStringLiteral("workload:%1/*").arg(ns);
        n.kind = FlowNodeKind::Workload;
        n.label = QStringLiteral("pods in %1").arg(ns);
        n.ns = ns;
        n.flags = NodeFlag::Ambient | NodeFlag::Assumed;
        if (const Resource *nsObject = ambient.namespaceObject(ns))
            addProvenance(n.provenance, sourceOf(*nsObject, {kLabelsPath}));
        cx.graph.ensureNode(n);
        out.append({n.id, ns});
    }
    if (out.isEmpty() && waypointsUsed) {
        FlowNode n;
        n.id = QStringLiteral("workload:ambient");
        n.kind = FlowNodeKind::Workload;
        n.label = QStringLiteral("any ambient pod");
        n.ns = cx.index.defaultNamespace();
        n.flags = NodeFlag::Ambient | NodeFlag::Assumed;
        cx.graph.ensureNode(n);
        out.append({n.id, n.ns});
    }
    return out;
}

// The waypoint's node: the Deployment Istio makes for it is named after the Gateway.
QString waypointNode(DeriveContext &cx, const istio::WaypointUse &use, const Resource *waypoint) {
    const QString id = QStringLiteral("gateway:%1/%2").arg(use.ns, use.name);
    if (cx.graph.node(id))
        return id;
    FlowNode n;
    n.id = id;
    n.kind = FlowNodeKind::Gateway;
    n.label = use.name;
    n.ns = use.ns;
    n.flags = NodeFlag::Waypoint;
    n.ports = {istio::kHbonePort};
    if (waypoint) {
        n.labels = {{istio::kGatewayNameLabel, use.name}};
        addProvenance(n.provenance, sourceOf(*waypoint, {QStringLiteral("spec.gatewayClassName")}));
    } else {
        n.flags |= NodeFlag::Unresolved;
        addProvenance(n.provenance, sourceOf(*use.labelled, {kLabelsPath}));
    }
    return cx.graph.ensureNode(n).id;
}

struct EntryPort {
    int number = 0;
    int wirePort = 0;
    QString protocol;
    QString path;
    bool appTls = false;
};

QVector<EntryPort> entryPorts(const ServiceEntry &se) {
    QVector<EntryPort> out;
    for (int k = 0; k < se.ports.size(); ++k) {
        const ServicePort &p = se.ports.at(k);
        if (!p.number)
            continue;
        const QString protocol =
            p.protocol.isEmpty() ? QStringLiteral("TCP") : p.protocol.toUpper();
        out.append({int(*p.number), int(p.targetPort.value_or(*p.number)), protocol,
                    indexedPath(u"spec.ports", k), istio::carriesAppTls(protocol)});
    }
    return out;
}

// What the waypoint applies besides TLS: AuthorizationPolicies (shown on the hop), and what
// Egret does not draw for ambient pods (routes attached to the ServiceEntry).
void waypointPolicies(const DeriveContext &cx, const Resource &se, const Resource *waypoint,
                      FlowHop &hop) {
    for (const Resource *p : cx.index.ambient().policiesFor(se, waypoint)) {
        const ResourceRef ref = p->ref();
        hop.policies << QStringLiteral("AuthorizationPolicy %1/%2: %3")
                            .arg(ref.ns, ref.name, istio::describePolicy(*p));
        addProvenance(hop.provenance, sourceOf(*p, {QStringLiteral("spec")}));
    }
    // Never silently wrong: what the waypoint does that the picture leaves out is named.
    for (const Resource *route : cx.index.ambient().routesAttachedTo(se)) {
        const ResourceRef ref = route->ref();
        hop.notes << QStringLiteral("%1 %2/%3 attaches to this ServiceEntry: the waypoint applies "
                                    "its rules, which Egret does not draw for ambient pods")
                         .arg(ref.kind, ref.ns, ref.name);
        addProvenance(hop.provenance, sourceOf(*route, {QStringLiteral("spec.parentRefs")}));
    }
}

} // namespace

void addAmbientHops(DeriveContext &cx) {
    const istio::AmbientMesh &ambient = cx.index.ambient();
    bool waypointsUsed = false;
    for (const Resource *r : cx.index.serviceEntries())
        waypointsUsed = waypointsUsed ||
                        (r->translatedFrom == Kind::Unknown && ambient.waypointUse(*r).isSet());
    if (ambient.isEmpty() && !waypointsUsed)
        return;
    // Every waypoint is drawn, used or not, as every gateway is.
    for (const Resource *w : ambient.waypoints()) {
        istio::WaypointUse self;
        self.name = w->meta.name;
        self.ns = w->ns;
        waypointNode(cx, self, w);
    }
    const QVector<AmbientSender> senders = ambientSenders(cx, waypointsUsed);
    if (senders.isEmpty())
        return;
    // The labels of each waypoint's pods, at stable addresses: the TLS resolver keeps answers
    // by the address of the labels it was asked with.
    std::map<QString, Labels> waypointPods;
    for (const Resource *r : cx.index.serviceEntries()) {
        if (r->translatedFrom != Kind::Unknown)
            continue;
        const ServiceEntry *se = r->as<ServiceEntry>();
        const istio::WaypointUse use = ambient.waypointUse(*r);
        const Resource *waypoint = use.isSet() ? ambient.waypoint(use.ns, use.name) : nullptr;
        const QVector<EntryPort> ports = entryPorts(*se);
        const Labels &waypointLabels =
            waypointPods
                .try_emplace(use.ns + QLatin1Char('/') + use.name,
                             Labels{{istio::kGatewayNameLabel, use.name}})
                .first->second;
        for (int j = 0; j < se->hosts.size(); ++j) {
            const QString &host = se->hosts.at(j);
            const QString hostPath = indexedPath(u"spec.hosts", j);
            const DestinationInfo info = cx.destination(host);
            for (const AmbientSender &s : senders) {
                if (!resourceVisible(*r, s.ns))
                    continue;
                for (const EntryPort &p : ports) {
                    const QString hostId = cx.hostNode(info);
                    if (!use.isSet()) {
                        // ztunnel opens the connection itself: L4 only, no DestinationRule.
                        FlowHop hop;
                        hop.from = s.nodeId;
                        hop.to = hostId;
                        hop.port = p.wirePort;
                        hop.protocol = p.protocol;
                        hop.tls = p.appTls ? WireTls::AppTls : WireTls::Plaintext;
                        hop.provenance = {sourceOf(*r, {hostPath, p.path})};
                        hop.notes << QStringLiteral(
                            "Ambient: no waypoint is bound to this ServiceEntry, so the node's "
                            "ztunnel connects to the host itself (TCP): no DestinationRule, "
                            "route or L7 policy applies");
                        cx.graph.addHop(std::move(hop));
                        continue;
                    }
                    const QString waypointId = waypointNode(cx, use, waypoint);
                    FlowHop in;
                    in.from = s.nodeId;
                    in.to = waypointId;
                    in.port = istio::kHbonePort;
                    in.protocol = QStringLiteral("HBONE");
                    in.tls = WireTls::Hbone;
                    in.provenance = {sourceOf(*r, {hostPath}),
                                     sourceOf(*use.labelled, {kLabelsPath})};
                    if (waypoint)
                        addProvenance(in.provenance,
                                      sourceOf(*waypoint, {QStringLiteral("spec.listeners")}));
                    cx.graph.addHop(std::move(in));

                    FlowHop out;
                    out.from = waypointId;
                    out.to = hostId;
                    out.port = p.wirePort;
                    out.protocol = p.protocol;
                    out.provenance = {sourceOf(*r, {hostPath, p.path})};
                    const TlsOrigination o = cx.tls.resolve(info.tlsRules, QString(), p.number,
                                                            {use.ns, &waypointLabels}, r->ns);
                    applyOrigination(out, o, p.appTls);
                    if (!waypoint)
                        out.notes << QStringLiteral("The waypoint %1/%2 is not in the files")
                                         .arg(use.ns, use.name);
                    waypointPolicies(cx, *r, waypoint, out);
                    cx.graph.addHop(std::move(out));
                }
            }
        }
    }
}

} // namespace egret::flow

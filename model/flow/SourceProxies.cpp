#include "model/flow/SourceProxies.h"

#include "model/flow/DeriveContext.h"
#include "model/istio/GatewayRef.h"
#include "model/istio/Workloads.h"

#include <QMap>

namespace egret::flow {

namespace {

QString appName(const Resource &w) {
    return istio::appName(w.as<Workload>()->podLabels, w.meta.name);
}

bool injectionDisabled(const Workload &w) {
    const QString key = QStringLiteral("sidecar.istio.io/inject");
    return w.podLabels.value(key) == QLatin1String("false") ||
           w.podAnnotations.value(key) == QLatin1String("false");
}

Labels commonLabels(const Labels &a, const Labels &b) {
    Labels out;
    for (auto it = a.cbegin(); it != a.cend(); ++it)
        if (b.value(it.key()) == it.value())
            out.insert(it.key(), it.value());
    return out;
}

bool meshBound(const VirtualService &vs) {
    return istio::meshBound(vs.gateways);
}

void addSource(DeriveContext &cx, FlowNode node, const QString &proxyNs, bool knownLabels) {
    SourceProxy s;
    s.nodeId = node.id;
    s.ns = proxyNs;
    s.labels = node.labels;
    s.knownLabels = knownLabels;
    s.scope = SidecarScope::forProxy(cx.index, proxyNs, knownLabels ? &s.labels : nullptr);
    s.registryOnly = s.scope.registryOnly(cx.index.mesh().registryOnly());
    if (const Resource *sidecar = s.scope.sidecar())
        addProvenance(node.provenance, sourceOf(*sidecar));
    cx.graph.ensureNode(node);
    cx.sources.append(s);
}

} // namespace

void buildSourceProxies(DeriveContext &cx) {
    const MeshIndex &index = cx.index;
    QMap<QString, FlowNode> groups;          // by id, so the order does not depend on the files
    QHash<QString, ProvenanceIndex> members; // by id: an app may run as thousands of pods
    QSet<QString> workloadNamespaces;
    QSet<QString> injectedNamespaces;
    bool ambientWorkloads = false;
    for (const Resource *w : index.workloads()) {
        if (cx.gatewayWorkloads.contains(w)) {
            // A gateway Istio deploys for a Gateway API Gateway is no evidence of what else runs
            // in its namespace (usually the clients' own).
            if (w->translatedFrom == Kind::Unknown)
                workloadNamespaces.insert(w->ns);
            continue;
        }
        const Workload *spec = w->as<Workload>();
        if (injectionDisabled(*spec))
            continue;
        // Ambient pods have no sidecar: AmbientHops draws them.
        if (index.ambient().isAmbientWorkload(*w)) {
            workloadNamespaces.insert(w->ns);
            ambientWorkloads = true;
            continue;
        }
        const QString app = appName(*w);
        const QString id = QStringLiteral("workload:%1/%2").arg(w->ns, app);
        auto it = groups.find(id);
        if (it == groups.end()) {
            FlowNode n;
            n.id = id;
            n.kind = FlowNodeKind::Workload;
            n.label = app;
            n.ns = w->ns;
            n.labels = spec->podLabels;
            it = groups.insert(id, n);
        } else {
            it->labels = commonLabels(it->labels, spec->podLabels);
        }
        members[id].add(it->provenance, sourceOf(*w));
        workloadNamespaces.insert(w->ns);
    }
    for (const FlowNode &n : std::as_const(groups))
        addSource(cx, n, n.ns, true);

    FlowNode synthetic;
    synthetic.kind = FlowNodeKind::Workload;
    synthetic.flags = NodeFlag::Assumed;
    // A Namespace labelled for sidecar injection is evidence of sidecars there, as a workload is.
    for (const Resource *r : index.namespaces()) {
        const Labels &l = r->meta.labels;
        if (l.value(QStringLiteral("istio-injection")) == QLatin1String("enabled") ||
            !l.value(QStringLiteral("istio.io/rev")).isEmpty())
            injectedNamespaces.insert(r->meta.name);
    }
    const bool ambient = ambientWorkloads || !index.ambient().ambientNamespaces().isEmpty();
    if (groups.isEmpty() && injectedNamespaces.isEmpty()) {
        if (ambient)
            return; // the mesh's pods are ambient ones, which have no sidecar
        synthetic.id = QStringLiteral("workload:*");
        synthetic.label = QStringLiteral("any sidecar");
        addSource(cx, synthetic, index.defaultNamespace(), false);
        return;
    }
    // Namespaces where configuration for sidecars lives but no workload is known.
    QSet<QString> configured;
    for (const Resource *r : index.namespaces())
        configured.insert(r->meta.name);
    for (const auto *list : {&index.serviceEntries(), &index.destinationRules(), &index.sidecars()})
        for (const Resource *r : *list)
            configured.insert(r->ns);
    for (const Resource *r : index.virtualServices())
        if (meshBound(*r->as<VirtualService>()))
            configured.insert(r->ns);
    configured.remove(index.mesh().rootNamespace);
    for (const QString &ns : index.ambient().ambientNamespaces())
        configured.remove(ns);
    for (const Resource *w : index.ambient().waypoints())
        configured.remove(w->ns); // a waypoint's home (istio-egress) holds no sidecars
    QStringList extra;
    if (groups.isEmpty())
        configured = injectedNamespaces; // no workload known: the injected namespaces send
    for (const QString &ns : std::as_const(configured))
        if (!ns.isEmpty() && !workloadNamespaces.contains(ns))
            extra << ns;
    extra.sort();
    for (const QString &ns : std::as_const(extra)) {
        synthetic.id = QStringLiteral("workload:%1/*").arg(ns);
        synthetic.label = QStringLiteral("sidecars in %1").arg(ns);
        synthetic.ns = ns;
        addSource(cx, synthetic, ns, false);
    }
}

} // namespace egret::flow

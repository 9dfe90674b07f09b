#include "model/istio/Ambient.h"

#include <QSet>

namespace egret::istio {

bool isWaypoint(const Resource &r) {
    const KubernetesGateway *g = r.as<KubernetesGateway>();
    return g && g->gatewayClassName == kWaypointClass;
}

QString waypointFor(const Resource &waypoint) {
    const QString v = waypoint.meta.labels.value(kWaypointForLabel);
    return v.isEmpty() ? QStringLiteral("service") : v;
}

bool waypointServesServices(const Resource &waypoint) {
    const QString f = waypointFor(waypoint);
    return f == QLatin1String("service") || f == QLatin1String("all");
}

bool isAmbientNamespace(const Labels &l) {
    return l.value(kDataplaneModeLabel) == QLatin1String("ambient") &&
           l.value(QStringLiteral("istio-injection")) != QLatin1String("enabled") &&
           l.value(QStringLiteral("istio.io/rev")).isEmpty();
}

AmbientMesh::AmbientMesh(const QVector<const Resource *> &resources) {
    for (const Resource *r : resources) {
        if (r->kind == Kind::Namespace) {
            m_namespaces.insert(r->meta.name, r);
            if (istio::isAmbientNamespace(r->meta.labels))
                m_ambientNamespaces.insert(r->meta.name);
        } else if (isWaypoint(*r)) {
            m_waypoints.append(r);
            m_waypointByKey.insert(r->ns + QLatin1Char('/') + r->meta.name, r);
        } else if (r->as<AuthorizationPolicy>()) {
            m_policies.append(r);
        } else if (r->as<GatewayRoute>()) {
            m_routes.append(r);
        } else if (const Workload *w = r->as<Workload>()) {
            if (w->podLabels.value(kDataplaneModeLabel) == QLatin1String("ambient"))
                m_ambientPods = true;
        }
    }
}

const Resource *AmbientMesh::waypoint(const QString &ns, const QString &name) const {
    return m_waypointByKey.value(ns + QLatin1Char('/') + name, nullptr);
}

bool AmbientMesh::isAmbientWorkload(const Resource &workload) const {
    const Workload *w = workload.as<Workload>();
    if (!w)
        return false;
    const QString mode = w->podLabels.value(kDataplaneModeLabel);
    if (mode == QLatin1String("none"))
        return false;
    // A pod with a sidecar is a sidecar pod whatever its namespace says.
    const QString inject = QStringLiteral("sidecar.istio.io/inject");
    if (w->podLabels.value(inject) == QLatin1String("true") ||
        w->podAnnotations.value(inject) == QLatin1String("true"))
        return false;
    return mode == QLatin1String("ambient") || m_ambientNamespaces.contains(workload.ns);
}

WaypointUse AmbientMesh::waypointUse(const Resource &r) const {
    return istio::waypointUse(r, m_namespaces.value(r.ns));
}

WaypointUse waypointUse(const Resource &r, const Resource *nsObject) {
    WaypointUse use;
    // A Namespace's own labels bind what it holds; it is cluster-scoped, so its name is the home.
    const QString home = r.kind == Kind::Namespace ? r.meta.name : r.ns;
    const QString own = r.meta.labels.value(kUseWaypointLabel);
    if (own == QLatin1String("none"))
        return use;
    if (!own.isEmpty()) {
        use.name = own;
        use.labelled = &r;
        use.namespaceWide = r.kind == Kind::Namespace;
        const QString ns = r.meta.labels.value(kUseWaypointNamespaceLabel);
        use.explicitNamespace = !ns.isEmpty();
        use.ns = ns.isEmpty() ? home : ns;
        return use;
    }
    if (!nsObject)
        return use;
    const QString wide = nsObject->meta.labels.value(kUseWaypointLabel);
    if (wide.isEmpty() || wide == QLatin1String("none"))
        return use;
    use.name = wide;
    use.labelled = nsObject;
    use.namespaceWide = true;
    const QString ns = nsObject->meta.labels.value(kUseWaypointNamespaceLabel);
    use.explicitNamespace = !ns.isEmpty();
    use.ns = ns.isEmpty() ? home : ns;
    return use;
}

namespace {

bool targets(const ObjectRef &t, const QString &group, const QString &kind, const QString &name) {
    return t.kind == kind && t.name == name && (t.group.isEmpty() || t.group == group);
}

} // namespace

QVector<const Resource *> AmbientMesh::policiesFor(const Resource &service,
                                                   const Resource *waypoint) const {
    QVector<const Resource *> out;
    const bool entry = service.kind == Kind::ServiceEntry;
    const QString group = entry ? QStringLiteral("networking.istio.io") : QString();
    const QString kind = entry ? QStringLiteral("ServiceEntry") : QStringLiteral("Service");
    for (const Resource *p : m_policies) {
        const AuthorizationPolicy *ap = p->as<AuthorizationPolicy>();
        for (const ObjectRef &t : ap->targetRefs) {
            const bool toService =
                p->ns == service.ns &&
                (targets(t, group, kind, service.meta.name) ||
                 (!entry && t.kind == kind && t.group.isEmpty() && t.name == service.meta.name));
            const bool toWaypoint = waypoint && p->ns == waypoint->ns &&
                                    targets(t, QStringLiteral("gateway.networking.k8s.io"),
                                            QStringLiteral("Gateway"), waypoint->meta.name);
            if (toService || toWaypoint) {
                out.append(p);
                break;
            }
        }
    }
    return out;
}

QVector<const Resource *> AmbientMesh::routesAttachedTo(const Resource &se) const {
    QVector<const Resource *> out;
    for (const Resource *r : m_routes)
        for (const ObjectRef &p : r->as<GatewayRoute>()->parentRefs)
            if (p.kind == QLatin1String("ServiceEntry") && p.name == se.meta.name &&
                (p.ns.isEmpty() ? r->ns : p.ns) == se.ns) {
                out.append(r);
                break;
            }
    return out;
}

QString describePolicy(const Resource &policy) {
    const AuthorizationPolicy *p = policy.as<AuthorizationPolicy>();
    const QString action = p->action.isEmpty() ? QStringLiteral("ALLOW") : p->action;
    if (!p->hasRules)
        return action == QLatin1String("ALLOW")
                   ? QStringLiteral("ALLOW with no rules: denies every request")
                   : QStringLiteral("%1 with no rules: matches nothing").arg(action);
    if (p->rules.isEmpty())
        return QStringLiteral("%1 every request").arg(action);
    QStringList parts;
    bool uninterpreted = false;
    for (const AuthorizationRule &rule : p->rules) {
        uninterpreted = uninterpreted || rule.fromCount || rule.whenCount;
        if (rule.to.isEmpty()) {
            parts << QStringLiteral("any request");
            continue;
        }
        for (const AuthorizationOperation &o : rule.to) {
            QString s = o.methods.isEmpty() ? QStringLiteral("any method")
                                            : o.methods.join(QStringLiteral(", "));
            if (!o.paths.isEmpty())
                s += QStringLiteral(" ") + o.paths.join(QStringLiteral(", "));
            if (!o.hosts.isEmpty())
                s += QStringLiteral(" to ") + o.hosts.join(QStringLiteral(", "));
            if (!o.ports.isEmpty())
                s += QStringLiteral(" on port ") + o.ports.join(QStringLiteral(", "));
            if (!o.notHosts.isEmpty() || !o.notPorts.isEmpty() || !o.notMethods.isEmpty() ||
                !o.notPaths.isEmpty())
                s += QStringLiteral(" (with exclusions)");
            parts << s;
        }
    }
    QString out = QStringLiteral("%1 %2").arg(action, parts.join(QStringLiteral("; ")));
    if (uninterpreted)
        out += QStringLiteral(" (sources and conditions not shown: Egret does not interpret them)");
    return out;
}

} // namespace egret::istio

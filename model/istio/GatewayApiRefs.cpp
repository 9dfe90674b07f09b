#include "model/istio/GatewayApiRefs.h"

#include "model/istio/Hosts.h"

namespace egret::istio {

QString refKind(const ObjectRef &ref, bool parent) {
    if (!ref.kind.isEmpty())
        return ref.kind;
    return parent ? QStringLiteral("Gateway") : QStringLiteral("Service");
}

// An empty group is the core group for a backendRef; for a parentRef, an empty group with the
// default kind (Gateway) can only mean the Gateway API's own.
QString refGroup(const ObjectRef &ref, bool parent) {
    if (!ref.group.isEmpty())
        return ref.group;
    return parent && refKind(ref, true) == QLatin1String("Gateway") ? kGatewayApiGroup : QString();
}

bool refersToGateway(const ObjectRef &parent) {
    return refGroup(parent, true) == kGatewayApiGroup &&
           refKind(parent, true) == QLatin1String("Gateway");
}

bool refersToService(const ObjectRef &ref) {
    return ref.group.isEmpty() && refKind(ref, false) == QLatin1String("Service");
}

bool refersToServiceEntry(const ObjectRef &ref) {
    return ref.group == kIstioNetworkingGroup && ref.kind == QLatin1String("ServiceEntry");
}

bool refersToHostname(const ObjectRef &ref) {
    return ref.group == kIstioNetworkingGroup && ref.kind == QLatin1String("Hostname");
}

QString refNamespace(const ObjectRef &ref, const QString &referrerNs) {
    return ref.ns.isEmpty() ? referrerNs : ref.ns;
}

QString backendHost(const ObjectRef &backend, const QString &routeNs) {
    if (refersToHostname(backend))
        return backend.name;
    if (refersToService(backend))
        return serviceFqdn(backend.name, refNamespace(backend, routeNs));
    return {};
}

QString deployedName(const QString &gatewayName) {
    return gatewayName + QStringLiteral("-istio");
}

QVector<Resource> deployedGatewayResources(const Resource &gateway) {
    const KubernetesGateway *g = gateway.as<KubernetesGateway>();
    if (!g || g->gatewayClassName != kIstioGatewayClass)
        return {};
    auto derived = [&](Kind kind) {
        Resource r;
        r.id = gateway.id;
        r.kind = kind;
        r.translatedFrom = Kind::KubernetesGateway;
        r.apiVersion = kind == Kind::Service ? QStringLiteral("v1") : QStringLiteral("apps/v1");
        r.kindName = gateway.kindName;
        r.meta.name = deployedName(gateway.meta.name);
        r.meta.ns = gateway.meta.ns;
        r.ns = gateway.ns;
        r.basePath = gateway.basePath;
        r.location = gateway.location;
        return r;
    };
    const Labels podLabels{{kGatewayNameLabel, gateway.meta.name}};
    Resource deployment = derived(Kind::Deployment);
    Workload w;
    w.podLabels = podLabels;
    w.podLabels.insert(g->infrastructureLabels);
    w.selector = podLabels;
    w.serviceAccount = deployedName(gateway.meta.name);
    deployment.spec = w;

    Resource service = derived(Kind::Service);
    Service s;
    s.hasSelector = true;
    s.selector = podLabels;
    s.type = gateway.meta.annotations.value(kServiceTypeAnnotation, QStringLiteral("LoadBalancer"));
    QList<qint64> seen;
    for (const GatewayListener &l : g->listeners) {
        if (!l.port || seen.contains(*l.port))
            continue;
        seen << *l.port;
        KubePort p;
        p.name = l.name;
        p.port = l.port;
        p.targetPortNumber = l.port;
        p.targetPort = QString::number(*l.port);
        s.ports.append(p);
    }
    service.spec = s;
    return {deployment, service};
}

QStringList hostsAtListener(const GatewayRoute &route, const GatewayListener &listener) {
    if (!route.hostnames.isEmpty())
        return route.hostnames;
    return {listener.hostname.isEmpty() ? QStringLiteral("*") : listener.hostname};
}

QStringList hostsThroughServiceEntry(const GatewayRoute &route, const ServiceEntry &entry) {
    QStringList out;
    for (const QString &h : entry.hosts)
        if (route.hostnames.isEmpty() || route.hostnames.contains(h))
            out << h;
    return out;
}

QVector<Kind> routeKindsFor(const QString &protocol) {
    if (protocol == QLatin1String("HTTP") || protocol == QLatin1String("HTTPS"))
        return {Kind::HttpRoute, Kind::GrpcRoute};
    if (protocol == QLatin1String("TLS"))
        return {Kind::TlsRoute, Kind::TcpRoute};
    if (protocol == QLatin1String("TCP"))
        return {Kind::TcpRoute};
    return {};
}

bool listenerAdmitsKind(const GatewayListener &listener, Kind routeKind) {
    if (listener.routeKinds.isEmpty())
        return routeKindsFor(listener.protocol).contains(routeKind);
    return listener.routeKinds.contains(kindName(routeKind));
}

bool listenerAdmitsNamespace(const GatewayListener &listener, const QString &gatewayNs,
                             const QString &routeNs, const Labels *namespaceLabels) {
    const QString &from = listener.routeNamespaces;
    if (from == QLatin1String("All"))
        return true;
    if (from == QLatin1String("Selector"))
        return namespaceLabels &&
               selectorMatches(listener.routeNamespaceSelector, *namespaceLabels);
    return routeNs == gatewayNs; // Same, the default
}

bool parentSelectsListener(const ObjectRef &parent, const GatewayListener &listener) {
    if (!parent.sectionName.isEmpty() && parent.sectionName != listener.name)
        return false;
    if (parent.port && listener.port && *parent.port != *listener.port)
        return false;
    return true;
}

} // namespace egret::istio

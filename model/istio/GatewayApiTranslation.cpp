#include "model/istio/GatewayApiTranslation.h"

#include "model/istio/GatewayApiRefs.h"
#include "model/istio/Hosts.h"

namespace egret::istio {

namespace {

QString key(const QString &ns, const QString &name) {
    return ns + QLatin1Char('/') + name;
}

// The Istio server a listener becomes.
Server serverOf(const GatewayListener &l, const QString &gatewayNs) {
    Server s;
    s.name = l.name;
    s.port.name = l.name;
    s.port.number = l.port;
    s.port.protocol = l.protocol;
    const QString host = l.hostname.isEmpty() ? QStringLiteral("*") : l.hostname;
    const QString from = l.routeNamespaces;
    // Selector admits the namespaces it selects; the server cannot say which, so it admits all
    // and translateRoute() checks the selector against the route's Namespace.
    const QString scope = (from == QLatin1String("All") || from == QLatin1String("Selector"))
                              ? QStringLiteral("*")
                              : gatewayNs;
    s.hosts = {scope + QLatin1Char('/') + host};
    if (l.tls) {
        ServerTlsSettings tls;
        if (l.tls->mode == QLatin1String("Passthrough")) {
            tls.mode = QStringLiteral("PASSTHROUGH");
        } else if (l.tls->options.value(kTerminateModeOption) == QLatin1String("ISTIO_MUTUAL")) {
            tls.mode = QStringLiteral("ISTIO_MUTUAL");
        } else {
            tls.mode = l.tls->options.value(kTerminateModeOption) == QLatin1String("MUTUAL")
                           ? QStringLiteral("MUTUAL")
                           : QStringLiteral("SIMPLE");
            for (const ObjectRef &c : l.tls->certificateRefs)
                tls.credentialNames << (c.ns.isEmpty() ? c.name : key(c.ns, c.name));
            if (!tls.credentialNames.isEmpty())
                tls.credentialName = tls.credentialNames.takeFirst();
        }
        s.tls = tls;
    }
    return s;
}

RouteDestination destinationOf(const ObjectRef &ref, const QString &host) {
    RouteDestination d;
    d.hasDestination = true;
    d.destination.host = host;
    d.destination.port = ref.port;
    return d;
}

// Gateway API weights are relative (default 1); Istio's are percentages.
void normalizeWeights(QVector<RouteDestination> &route, const QVector<ObjectRef> &refs) {
    if (route.size() < 2)
        return;
    qint64 total = 0;
    for (const ObjectRef &r : refs)
        total += r.weight.value_or(1);
    if (total <= 0)
        return;
    for (int i = 0; i < route.size(); ++i)
        route[i].weight = refs.at(i).weight.value_or(1) * 100 / total;
}

} // namespace

GatewayApiTranslation::GatewayApiTranslation(const QVector<const Resource *> &resources) {
    for (const Resource *r : resources) {
        if (r->as<ServiceEntry>())
            m_serviceEntries.insert(key(r->ns, r->meta.name), r);
        else if (r->as<KubernetesGateway>())
            m_gateways.insert(key(r->ns, r->meta.name), r);
        else if (r->kind == Kind::Namespace)
            m_namespaceLabels.insert(r->meta.name, &r->meta.labels);
    }
    for (const Resource *r : resources)
        if (r->as<KubernetesGateway>())
            translateGateway(*r);
    for (const Resource *r : resources)
        if (r->as<GatewayRoute>())
            translateRoute(*r);
    for (const Resource *r : resources)
        if (r->as<BackendTlsPolicy>())
            translatePolicy(*r);
}

Resource &GatewayApiTranslation::derive(const Resource &from, Kind kind) {
    Resource r;
    r.id = from.id;
    r.kind = kind;
    r.translatedFrom = from.kind;
    r.apiVersion = QStringLiteral("networking.istio.io/v1");
    r.kindName = from.kindName;
    r.meta.name = from.meta.name;
    r.meta.ns = from.meta.ns;
    r.ns = from.ns;
    r.basePath = from.basePath;
    r.location = from.location;
    m_resources.push_back(std::move(r));
    return m_resources.back();
}

void GatewayApiTranslation::translateGateway(const Resource &gateway) {
    const KubernetesGateway &g = *gateway.as<KubernetesGateway>();
    if (g.gatewayClassName != kIstioGatewayClass)
        return; // a waypoint, a remote gateway, or another implementation's
    for (Resource &r : deployedGatewayResources(gateway))
        m_resources.push_back(std::move(r));
    Gateway istio;
    istio.selector = {{kGatewayNameLabel, gateway.meta.name}};
    for (const GatewayListener &l : g.listeners)
        istio.servers.append(serverOf(l, gateway.ns));
    derive(gateway, Kind::Gateway).spec = istio;
}

void GatewayApiTranslation::translateRoute(const Resource &route) {
    const GatewayRoute &rt = *route.as<GatewayRoute>();
    for (const ObjectRef &parent : rt.parentRefs) {
        const QString parentNs = refNamespace(parent, route.ns);
        VirtualService vs;
        QVector<std::optional<qint64>> ports; // the parent's ports the rules match
        if (refersToGateway(parent)) {
            const Resource *gw = m_gateways.value(key(parentNs, parent.name));
            if (!gw || gw->as<KubernetesGateway>()->gatewayClassName != kIstioGatewayClass)
                continue;
            vs.gateways = {key(parentNs, parent.name)};
            vs.exportTo = {QStringLiteral("*")};
            for (const GatewayListener &l : gw->as<KubernetesGateway>()->listeners) {
                if (!parentSelectsListener(parent, l) || !listenerAdmitsKind(l, route.kind) ||
                    !listenerAdmitsNamespace(l, parentNs, route.ns,
                                             m_namespaceLabels.value(route.ns)))
                    continue;
                for (const QString &h : hostsAtListener(rt, l))
                    if (!vs.hosts.contains(h))
                        vs.hosts << h;
                if (!parent.sectionName.isEmpty() || parent.port)
                    ports << l.port;
            }
        } else if (refersToServiceEntry(parent)) {
            const Resource *se = m_serviceEntries.value(key(parentNs, parent.name));
            if (!se)
                continue;
            vs.gateways = {QStringLiteral("mesh")};
            vs.hosts = hostsThroughServiceEntry(rt, *se->as<ServiceEntry>());
            // A route in the service's own namespace is the producer's: every client sees it.
            vs.exportTo = {parentNs == route.ns ? QStringLiteral("*") : QStringLiteral(".")};
            if (parent.port)
                ports << parent.port;
        } else if (refersToService(parent)) {
            vs.gateways = {QStringLiteral("mesh")};
            vs.hosts = {serviceFqdn(parent.name, parentNs)};
            vs.exportTo = {parentNs == route.ns ? QStringLiteral("*") : QStringLiteral(".")};
            if (parent.port)
                ports << parent.port;
        } else {
            continue;
        }
        if (vs.hosts.isEmpty())
            continue;
        if (ports.isEmpty())
            ports << std::nullopt;

        for (const GatewayRouteRule &rule : rt.rules) {
            QVector<RouteDestination> dests;
            QVector<ObjectRef> refs;
            for (const ObjectRef &b : rule.backendRefs) {
                const QString ns = refNamespace(b, route.ns);
                QString host = backendHost(b, route.ns);
                if (refersToServiceEntry(b)) {
                    if (const Resource *se = m_serviceEntries.value(key(ns, b.name));
                        se && !se->as<ServiceEntry>()->hosts.isEmpty())
                        host = se->as<ServiceEntry>()->hosts.first();
                }
                // An unknown backend gets an empty destination: the rule still takes the
                // traffic (Istio answers 500), and the validator names the backend.
                dests.append(host.isEmpty() ? RouteDestination{} : destinationOf(b, host));
                refs.append(b);
            }
            normalizeWeights(dests, refs);
            if (route.kind == Kind::HttpRoute || route.kind == Kind::GrpcRoute) {
                HttpRoute http;
                http.name = rule.name;
                http.route = dests;
                http.timeout = rule.requestTimeout;
                if (rule.hasRetry)
                    http.retries = HttpRetry{};
                http.hasRedirect = rule.hasRedirect;
                for (const std::optional<qint64> &port : ports) {
                    const QVector<HttpMatchRequest> matches =
                        rule.matches.isEmpty() ? QVector<HttpMatchRequest>{HttpMatchRequest{}}
                                               : rule.matches;
                    for (HttpMatchRequest m : matches) {
                        m.port = port;
                        http.match.append(m);
                    }
                }
                // A match that selects nothing beyond what the rule is bound to adds nothing.
                if (http.match.size() == 1 && !http.match.first().port &&
                    http.match.first().canonical.isEmpty())
                    http.match.clear();
                vs.http.append(http);
            } else if (route.kind == Kind::TlsRoute) {
                TlsRoute tls;
                tls.route = dests;
                for (const std::optional<qint64> &port : ports) {
                    TlsMatchAttributes m;
                    m.sniHosts = vs.hosts;
                    m.port = port;
                    tls.match.append(m);
                }
                vs.tls.append(tls);
            } else {
                TcpRoute tcp;
                tcp.route = dests;
                for (const std::optional<qint64> &port : ports) {
                    if (!port)
                        continue;
                    L4MatchAttributes m;
                    m.port = port;
                    tcp.match.append(m);
                }
                vs.tcp.append(tcp);
            }
        }
        derive(route, Kind::VirtualService).spec = vs;
    }
}

void GatewayApiTranslation::translatePolicy(const Resource &policy) {
    const BackendTlsPolicy &p = *policy.as<BackendTlsPolicy>();
    for (const ObjectRef &target : p.targetRefs) {
        const QString ns = refNamespace(target, policy.ns);
        QStringList hosts;
        if (refersToServiceEntry(target)) {
            if (const Resource *se = m_serviceEntries.value(key(ns, target.name)))
                hosts = se->as<ServiceEntry>()->hosts;
        } else if (refersToService(target)) {
            hosts = {serviceFqdn(target.name, ns)};
        }
        for (const QString &host : hosts) {
            auto tp = std::make_shared<TrafficPolicy>();
            ClientTlsSettings tls;
            tls.mode = QStringLiteral("SIMPLE");
            tls.sni = p.hostname;
            tls.subjectAltNames = p.subjectAltNames;
            if (!p.caCertificateRefs.isEmpty())
                tls.credentialName = p.caCertificateRefs.first().name;
            else if (!p.wellKnownCACertificates.isEmpty())
                tls.caCertificates = QStringLiteral("system");
            if (!target.sectionName.isEmpty() || target.port) {
                PortTrafficPolicy port;
                port.port = target.port;
                port.tls = tls;
                tp->portLevelSettings.append(port);
            } else {
                tp->tls = tls;
            }
            DestinationRule dr;
            dr.host = host;
            dr.trafficPolicy = tp;
            derive(policy, Kind::DestinationRule).spec = dr;
        }
    }
}

namespace {

// "spec.http[2].route[1].destination" -> "spec.rules[2].backendRefs[1]"
QString routePath(const QString &path) {
    static const QLatin1StringView lists[] = {QLatin1StringView("spec.http["),
                                              QLatin1StringView("spec.tls["),
                                              QLatin1StringView("spec.tcp[")};
    for (QLatin1StringView list : lists) {
        if (!path.startsWith(list))
            continue;
        const qsizetype close = path.indexOf(QLatin1Char(']'), list.size());
        QString out =
            QStringLiteral("spec.rules[") + path.mid(list.size(), close - list.size() + 1);
        const QLatin1StringView route(".route[");
        if (path.mid(close + 1).startsWith(route)) {
            const qsizetype end = path.indexOf(QLatin1Char(']'), close + 1 + route.size());
            out += QStringLiteral(".backendRefs") +
                   path.mid(close + 1 + route.size() - 1, end - close - route.size() + 1);
        }
        return out;
    }
    if (path.startsWith(QLatin1String("spec.hosts")))
        return QStringLiteral("spec.hostnames");
    return QStringLiteral("spec.parentRefs");
}

} // namespace

ResourceRef sourceRef(const Resource &translated) {
    ResourceRef ref = translated.ref();
    // The deployed Deployment and Service are named "<gateway>-istio".
    if (translated.translatedFrom == Kind::KubernetesGateway && translated.kind != Kind::Gateway)
        ref.name.chop(int(deployedName(QString()).size()));
    return ref;
}

QString sourcePath(const Resource &translated, const QString &path) {
    switch (translated.translatedFrom) {
    case Kind::Unknown:
        return path;
    case Kind::KubernetesGateway:
        if (translated.kind == Kind::Gateway && path.startsWith(QLatin1String("spec.servers["))) {
            const qsizetype close = path.indexOf(QLatin1Char(']'));
            return QStringLiteral("spec.listeners") + path.mid(12, close - 12 + 1);
        }
        return QStringLiteral("spec.gatewayClassName");
    case Kind::BackendTlsPolicy:
        return path.startsWith(QLatin1String("spec.host")) ? QStringLiteral("spec.targetRefs")
                                                           : QStringLiteral("spec.validation");
    default:
        return routePath(path);
    }
}

} // namespace egret::istio

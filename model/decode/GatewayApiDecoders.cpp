#include "model/decode/Decoders.h"
#include "model/decode/NodeRead.h"

// The Gateway API kinds. Defaults the API server would fill in (a listener's allowedRoutes
// from Same, a parentRef's group gateway.networking.k8s.io and kind Gateway, a backendRef's core
// Service) are left empty here and applied where they are read (istio/GatewayApi).
namespace egret::decode {

namespace {

ObjectRef objectRef(const YAML::Node &n) {
    ObjectRef r;
    r.group = str(n, "group");
    r.kind = str(n, "kind");
    r.name = str(n, "name");
    r.ns = str(n, "namespace");
    r.sectionName = str(n, "sectionName");
    r.port = integer(n, "port");
    r.weight = integer(n, "weight");
    return r;
}

QVector<ObjectRef> objectRefs(const YAML::Node &n, const char *key) {
    QVector<ObjectRef> out;
    forEach(n, key, [&](const YAML::Node &item) { out.append(objectRef(item)); });
    return out;
}

GatewayListener listener(const YAML::Node &l) {
    GatewayListener out;
    out.name = str(l, "name");
    out.hostname = str(l, "hostname");
    out.port = integer(l, "port");
    out.protocol = str(l, "protocol");
    const YAML::Node tls = child(l, "tls");
    if (tls.IsMap()) {
        GatewayTlsConfig t;
        t.mode = str(tls, "mode");
        t.certificateRefs = objectRefs(tls, "certificateRefs");
        t.options = strMap(tls, "options");
        out.tls = t;
    }
    const YAML::Node allowed = child(l, "allowedRoutes");
    const YAML::Node namespaces = child(allowed, "namespaces");
    out.routeNamespaces = str(namespaces, "from");
    out.routeNamespaceSelector = strMap(child(namespaces, "selector"), "matchLabels");
    forEach(allowed, "kinds", [&](const YAML::Node &k) { out.routeKinds << str(k, "kind"); });
    return out;
}

std::optional<StringMatch> pathMatch(const YAML::Node &path) {
    if (!path.IsMap())
        return std::nullopt;
    const QString type = str(path, "type");
    const QString value = str(path, "value");
    if (type == QLatin1String("Exact"))
        return StringMatch{QStringLiteral("exact"), value};
    if (type == QLatin1String("RegularExpression"))
        return StringMatch{QStringLiteral("regex"), value};
    // PathPrefix, the default type, with "/" as the default value.
    if (value.isEmpty() || value == QLatin1String("/"))
        return std::nullopt;
    return StringMatch{QStringLiteral("prefix"), value};
}

QMap<QString, StringMatch> nameValueMatches(const YAML::Node &m, const char *key) {
    QMap<QString, StringMatch> out;
    forEach(m, key, [&](const YAML::Node &h) {
        const bool regex = str(h, "type") == QLatin1String("RegularExpression");
        out.insert(str(h, "name").toLower(),
                   {regex ? QStringLiteral("regex") : QStringLiteral("exact"), str(h, "value")});
    });
    return out;
}

HttpMatchRequest httpMatch(const YAML::Node &m) {
    HttpMatchRequest out;
    out.uri = pathMatch(child(m, "path"));
    if (const QString method = str(m, "method"); !method.isEmpty())
        out.method = StringMatch{QStringLiteral("exact"), method};
    out.headers = nameValueMatches(m, "headers");
    out.queryParams = nameValueMatches(m, "queryParams");
    // GRPCRoute: /service/method
    const YAML::Node grpc = child(m, "method");
    if (grpc.IsMap()) {
        const QString service = str(grpc, "service");
        const QString method = str(grpc, "method");
        if (!service.isEmpty() || !method.isEmpty())
            out.uri = StringMatch{QStringLiteral("prefix"),
                                  QLatin1Char('/') + service + QLatin1Char('/') + method};
    }
    out.canonical = canonical(m);
    return out;
}

} // namespace

KubernetesGateway kubernetesGateway(const YAML::Node &root) {
    const YAML::Node spec = child(root, "spec");
    KubernetesGateway g;
    g.gatewayClassName = str(spec, "gatewayClassName");
    forEach(spec, "listeners", [&](const YAML::Node &l) { g.listeners.append(listener(l)); });
    forEach(spec, "addresses", [&](const YAML::Node &a) {
        g.addresses.append({str(a, "type"), str(a, "value")});
    });
    const YAML::Node infra = child(spec, "infrastructure");
    g.infrastructureLabels = strMap(infra, "labels");
    g.infrastructureAnnotations = strMap(infra, "annotations");
    return g;
}

GatewayRoute gatewayRoute(const YAML::Node &root) {
    const YAML::Node spec = child(root, "spec");
    GatewayRoute route;
    route.parentRefs = objectRefs(spec, "parentRefs");
    route.hostnames = strList(spec, "hostnames");
    forEach(spec, "rules", [&](const YAML::Node &r) {
        GatewayRouteRule rule;
        rule.name = str(r, "name");
        const YAML::Node matches = child(r, "matches");
        rule.matchCount = matches.IsSequence() ? int(matches.size()) : 0;
        forEach(r, "matches", [&](const YAML::Node &m) { rule.matches.append(httpMatch(m)); });
        rule.backendRefs = objectRefs(r, "backendRefs");
        const YAML::Node timeouts = child(r, "timeouts");
        rule.requestTimeout = str(timeouts, "request");
        rule.backendRequestTimeout = str(timeouts, "backendRequest");
        rule.hasRetry = present(child(r, "retry"));
        forEach(r, "filters", [&](const YAML::Node &f) {
            rule.hasFilters = true;
            if (str(f, "type") == QLatin1String("RequestRedirect"))
                rule.hasRedirect = true;
        });
        route.rules.append(rule);
    });
    return route;
}

ReferenceGrant referenceGrant(const YAML::Node &root) {
    const YAML::Node spec = child(root, "spec");
    ReferenceGrant g;
    forEach(spec, "from", [&](const YAML::Node &f) {
        g.from.append({str(f, "group"), str(f, "kind"), str(f, "namespace")});
    });
    forEach(spec, "to", [&](const YAML::Node &t) {
        g.to.append({str(t, "group"), str(t, "kind"), str(t, "name")});
    });
    return g;
}

BackendTlsPolicy backendTlsPolicy(const YAML::Node &root) {
    const YAML::Node spec = child(root, "spec");
    BackendTlsPolicy p;
    p.targetRefs = objectRefs(spec, "targetRefs");
    // v1alpha2 named a single target.
    const YAML::Node single = child(spec, "targetRef");
    if (single.IsMap())
        p.targetRefs.append(objectRef(single));
    const YAML::Node validation = child(spec, "validation");
    p.caCertificateRefs = objectRefs(validation, "caCertificateRefs");
    p.wellKnownCACertificates = str(validation, "wellKnownCACertificates");
    p.hostname = str(validation, "hostname");
    // v1alpha2 (Gateway API 1.0) wrote the same settings under `tls`, with shorter names.
    const YAML::Node tls = child(spec, "tls");
    if (present(tls) && !present(validation)) {
        p.caCertificateRefs = objectRefs(tls, "caCertRefs");
        p.wellKnownCACertificates = str(tls, "wellKnownCACerts");
        p.hostname = str(tls, "hostname");
    }
    forEach(validation, "subjectAltNames", [&](const YAML::Node &san) {
        const QString value = str(san, "hostname");
        p.subjectAltNames << (value.isEmpty() ? str(san, "uri") : value);
    });
    return p;
}

} // namespace egret::decode

#include "model/decode/Decoders.h"
#include "model/decode/NodeRead.h"

namespace egret::decode {

namespace {

std::optional<StringMatch> stringMatch(const YAML::Node &n) {
    if (!n.IsMap())
        return std::nullopt;
    for (const char *type : {"exact", "prefix", "regex"}) {
        const YAML::Node v = n[type];
        if (v.IsDefined())
            return StringMatch{QLatin1String(type), str(v)};
    }
    return StringMatch{};
}

QMap<QString, StringMatch> stringMatches(const YAML::Node &n, const char *key) {
    QMap<QString, StringMatch> out;
    const YAML::Node m = child(n, key);
    if (!m.IsMap())
        return out;
    for (auto it = m.begin(), end = m.end(); it != end; ++it) {
        const auto entry = *it; // one copy of the pair: each `it->` makes a new one
        out.insert(str(entry.first), stringMatch(entry.second).value_or(StringMatch{}));
    }
    return out;
}

Destination destination(const YAML::Node &d) {
    return {str(d, "host"), str(d, "subset"), integer(child(d, "port"), "number")};
}

QVector<RouteDestination> routes(const YAML::Node &rule) {
    QVector<RouteDestination> out;
    forEach(rule, "route", [&](const YAML::Node &r) {
        RouteDestination rd;
        const YAML::Node d = child(r, "destination");
        rd.hasDestination = d.IsMap();
        if (rd.hasDestination)
            rd.destination = destination(d);
        rd.weight = integer(r, "weight");
        out.append(rd);
    });
    return out;
}

HttpRoute httpRoute(const YAML::Node &r) {
    HttpRoute h;
    h.name = str(r, "name");
    forEach(r, "match", [&](const YAML::Node &m) {
        HttpMatchRequest hm;
        hm.name = str(m, "name");
        hm.uri = stringMatch(child(m, "uri"));
        hm.scheme = stringMatch(child(m, "scheme"));
        hm.method = stringMatch(child(m, "method"));
        hm.authority = stringMatch(child(m, "authority"));
        hm.headers = stringMatches(m, "headers");
        hm.queryParams = stringMatches(m, "queryParams");
        hm.withoutHeaders = stringMatches(m, "withoutHeaders");
        hm.port = integer(m, "port");
        hm.sourceLabels = strMap(m, "sourceLabels");
        hm.gateways = strList(m, "gateways");
        hm.sourceNamespace = str(m, "sourceNamespace");
        hm.ignoreUriCase = boolean(m, "ignoreUriCase").value_or(false);
        hm.canonical = canonical(m, {QStringLiteral("name")});
        h.match.append(hm);
    });
    h.route = routes(r);
    h.timeout = str(r, "timeout");
    const YAML::Node retries = child(r, "retries");
    if (retries.IsMap())
        h.retries = HttpRetry{integer(retries, "attempts"), str(retries, "perTryTimeout"),
                              str(retries, "retryOn")};
    const YAML::Node fault = child(r, "fault");
    if (fault.IsMap()) {
        HttpFault f;
        const YAML::Node delay = child(fault, "delay");
        f.hasDelay = delay.IsMap();
        f.fixedDelay = str(delay, "fixedDelay");
        f.delayPercentage = number(child(delay, "percentage"), "value");
        f.delayPercent = integer(delay, "percent");
        const YAML::Node abort = child(fault, "abort");
        f.hasAbort = abort.IsMap();
        f.abortHttpStatus = integer(abort, "httpStatus");
        f.abortPercentage = number(child(abort, "percentage"), "value");
        h.fault = f;
    }
    const YAML::Node mirror = child(r, "mirror");
    if (mirror.IsMap())
        h.mirror = destination(mirror);
    forEach(r, "mirrors",
            [&](const YAML::Node &m) { h.mirrors.append(destination(child(m, "destination"))); });
    h.hasRedirect = present(child(r, "redirect"));
    h.hasDirectResponse = present(child(r, "directResponse"));
    h.hasDelegate = present(child(r, "delegate"));
    return h;
}

} // namespace

VirtualService virtualService(const YAML::Node &root) {
    const YAML::Node spec = child(root, "spec");
    VirtualService vs;
    vs.hosts = strList(spec, "hosts");
    vs.gateways = strList(spec, "gateways");
    vs.exportTo = strList(spec, "exportTo");
    forEach(spec, "http", [&](const YAML::Node &r) { vs.http.append(httpRoute(r)); });
    forEach(spec, "tls", [&](const YAML::Node &r) {
        TlsRoute t;
        forEach(r, "match", [&](const YAML::Node &m) {
            t.match.append({strList(m, "sniHosts"), strList(m, "destinationSubnets"),
                            integer(m, "port"), strMap(m, "sourceLabels"), strList(m, "gateways"),
                            str(m, "sourceNamespace"), canonical(m)});
        });
        t.route = routes(r);
        vs.tls.append(t);
    });
    forEach(spec, "tcp", [&](const YAML::Node &r) {
        TcpRoute t;
        forEach(r, "match", [&](const YAML::Node &m) {
            t.match.append({strList(m, "destinationSubnets"), integer(m, "port"),
                            str(m, "sourceSubnet"), strMap(m, "sourceLabels"),
                            strList(m, "gateways"), str(m, "sourceNamespace"), canonical(m)});
        });
        t.route = routes(r);
        vs.tcp.append(t);
    });
    return vs;
}

} // namespace egret::decode

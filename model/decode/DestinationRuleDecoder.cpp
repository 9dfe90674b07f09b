#include "model/decode/Decoders.h"
#include "model/decode/NodeRead.h"

namespace egret::decode {

namespace {

std::optional<ClientTlsSettings> clientTls(const YAML::Node &n) {
    if (!n.IsMap())
        return std::nullopt;
    ClientTlsSettings t;
    t.mode = str(n, "mode");
    t.clientCertificate = str(n, "clientCertificate");
    t.privateKey = str(n, "privateKey");
    t.caCertificates = str(n, "caCertificates");
    t.credentialName = str(n, "credentialName");
    t.subjectAltNames = strList(n, "subjectAltNames");
    t.sni = str(n, "sni");
    t.insecureSkipVerify = boolean(n, "insecureSkipVerify");
    return t;
}

std::optional<LoadBalancerSettings> loadBalancer(const YAML::Node &n) {
    if (!n.IsMap())
        return std::nullopt;
    return LoadBalancerSettings{str(n, "simple"), child(n, "consistentHash").IsMap(),
                                child(n, "localityLbSetting").IsMap()};
}

std::optional<ConnectionPoolSettings> connectionPool(const YAML::Node &n) {
    if (!n.IsMap())
        return std::nullopt;
    const YAML::Node tcp = child(n, "tcp");
    const YAML::Node http = child(n, "http");
    ConnectionPoolSettings c;
    c.maxConnections = integer(tcp, "maxConnections");
    c.connectTimeout = str(tcp, "connectTimeout");
    c.http1MaxPendingRequests = integer(http, "http1MaxPendingRequests");
    c.http2MaxRequests = integer(http, "http2MaxRequests");
    c.maxRequestsPerConnection = integer(http, "maxRequestsPerConnection");
    c.maxRetries = integer(http, "maxRetries");
    c.idleTimeout = str(http, "idleTimeout");
    return c;
}

std::optional<OutlierDetection> outlierDetection(const YAML::Node &n) {
    if (!n.IsMap())
        return std::nullopt;
    return OutlierDetection{integer(n, "consecutive5xxErrors"),
                            integer(n, "consecutiveGatewayErrors"), str(n, "interval"),
                            str(n, "baseEjectionTime"), integer(n, "maxEjectionPercent")};
}

TrafficPolicyPtr trafficPolicy(const YAML::Node &n) {
    if (!n.IsMap())
        return nullptr;
    auto policy = std::make_shared<TrafficPolicy>();
    TrafficPolicy &p = *policy;
    p.loadBalancer = loadBalancer(child(n, "loadBalancer"));
    p.connectionPool = connectionPool(child(n, "connectionPool"));
    p.outlierDetection = outlierDetection(child(n, "outlierDetection"));
    p.tls = clientTls(child(n, "tls"));
    p.hasTunnel = child(n, "tunnel").IsMap();
    forEach(n, "portLevelSettings", [&](const YAML::Node &pl) {
        p.portLevelSettings.append(
            {integer(child(pl, "port"), "number"), loadBalancer(child(pl, "loadBalancer")),
             connectionPool(child(pl, "connectionPool")),
             outlierDetection(child(pl, "outlierDetection")), clientTls(child(pl, "tls"))});
    });
    return policy;
}

} // namespace

DestinationRule destinationRule(const YAML::Node &root) {
    const YAML::Node spec = child(root, "spec");
    DestinationRule dr;
    dr.host = str(spec, "host");
    dr.trafficPolicy = trafficPolicy(child(spec, "trafficPolicy"));
    dr.exportTo = strList(spec, "exportTo");
    const YAML::Node selector = child(spec, "workloadSelector");
    if (selector.IsMap())
        dr.workloadSelector = strMap(selector, "matchLabels");
    forEach(spec, "subsets", [&](const YAML::Node &s) {
        dr.subsets.append(
            {str(s, "name"), strMap(s, "labels"), trafficPolicy(child(s, "trafficPolicy"))});
    });
    return dr;
}

} // namespace egret::decode

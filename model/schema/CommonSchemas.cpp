#include "model/schema/IstioSchemas.h"

namespace egret::schema {

const Node *objectMeta() {
    static const Node *n = [] {
        Node *meta = object({
            {"name", string()},
            {"namespace", string()},
            {"generateName", string()},
            {"labels", stringMap()},
            {"annotations", stringMap()},
            {"uid", string()},
            {"resourceVersion", string()},
            {"generation", integer(std::numeric_limits<std::int64_t>::min(),
                                   std::numeric_limits<std::int64_t>::max())},
            {"creationTimestamp", any()},
            {"deletionTimestamp", any()},
            {"deletionGracePeriodSeconds", any()},
            {"ownerReferences", array(preserved())},
            {"finalizers", stringList()},
            {"managedFields", array(preserved())},
            {"selfLink", string()},
        });
        return meta;
    }();
    return n;
}

const Node *workloadSelectorLabels() {
    static const Node *n = object({{"labels", stringMap()}});
    return n;
}

const Node *portSelector() {
    static const Node *n = object({{"number", port()}});
    return n;
}

const Node *stringMatch() {
    static const Node *n = [] {
        Node *m = object({{"exact", string()}, {"prefix", string()}, {"regex", string()}});
        m->oneOf = {{"exact", "prefix", "regex"}};
        return m;
    }();
    return n;
}

const Node *clientTls() {
    static const Node *n = object({
        {"mode", enumeration({"DISABLE", "SIMPLE", "MUTUAL", "ISTIO_MUTUAL"})},
        {"clientCertificate", string()},
        {"privateKey", string()},
        {"caCertificates", string()},
        {"credentialName", string()},
        {"subjectAltNames", stringList()},
        {"sni", string()},
        {"insecureSkipVerify", boolean()},
        {"caCrl", string()},
    });
    return n;
}

const Node *serverTls() {
    static const Node *n = [] {
        const Node *tlsVersion =
            enumeration({"TLS_AUTO", "TLSV1_0", "TLSV1_1", "TLSV1_2", "TLSV1_3"});
        Node *tls = object({
            {"httpsRedirect", boolean()},
            {"mode", enumeration({"PASSTHROUGH", "SIMPLE", "MUTUAL", "AUTO_PASSTHROUGH",
                                  "ISTIO_MUTUAL", "OPTIONAL_MUTUAL"})},
            {"serverCertificate", string()},
            {"privateKey", string()},
            {"caCertificates", string()},
            {"caCrl", string()},
            {"credentialName", string()},
            {"credentialNames", stringList()},
            {"caCertCredentialName", string()},
            {"tlsCertificates", array(object({{"serverCertificate", string()},
                                              {"privateKey", string()},
                                              {"caCertificates", string()}}))},
            {"subjectAltNames", stringList()},
            {"verifyCertificateSpki", stringList()},
            {"verifyCertificateHash", stringList()},
            {"minProtocolVersion", tlsVersion},
            {"maxProtocolVersion", tlsVersion},
            {"cipherSuites", stringList()},
            {"ecdhCurves", stringList()},
            {"insecureSkipVerify", boolean()},
        });
        // CEL in the CRD: one way to name the certificate.
        tls->oneOf = {{"credentialName", "credentialNames"},
                      {"credentialNames", "tlsCertificates"},
                      {"credentialName", "tlsCertificates"}};
        return tls;
    }();
    return n;
}

const Node *connectionPool() {
    static const Node *n = object({
        {"tcp",
         object({
             {"maxConnections", integer()},
             {"connectTimeout", duration()},
             {"tcpKeepalive",
              object({{"probes", uint32()}, {"time", duration()}, {"interval", duration()}})},
             {"maxConnectionDuration", duration()},
             {"idleTimeout", duration()},
         })},
        {"http",
         object({
             {"http1MaxPendingRequests", integer()},
             {"http2MaxRequests", integer()},
             {"maxRequestsPerConnection", integer()},
             {"maxRetries", integer()},
             {"idleTimeout", duration()},
             {"h2UpgradePolicy", enumeration({"DEFAULT", "DO_NOT_UPGRADE", "UPGRADE"})},
             {"useClientProtocol", boolean()},
             {"maxConcurrentStreams", integer()},
             {"http2KeepAlive", object({{"interval", duration()}, {"timeout", duration()}})},
         })},
    });
    return n;
}

static const Node *loadBalancer() {
    static const Node *n = [] {
        const Node *failover = array(object({{"from", string()}, {"to", string()}}));
        const Node *locality = object({
            {"distribute", array(object({{"from", string()}, {"to", map(uint32())}}))},
            {"failover", failover},
            {"failoverPriority", stringList()},
            {"enabled", boolean()},
        });
        const Node *consistentHash = object({
            {"httpHeaderName", string()},
            {"httpCookie",
             object({{"name", string()},
                     {"path", string()},
                     {"ttl", duration()},
                     {"attributes",
                      array(object({{"name", string()}, {"value", string()}}, {"name"}))}},
                    {"name"})},
            {"useSourceIp", boolean()},
            {"httpQueryParameterName", string()},
            {"ringHash", object({{"minimumRingSize", uint32()}})},
            {"maglev", object({{"tableSize", uint32()}})},
            {"minimumRingSize", uint32()},
        });
        Node *lb = object({
            {"simple", enumeration({"UNSPECIFIED", "LEAST_CONN", "RANDOM", "PASSTHROUGH",
                                    "ROUND_ROBIN", "LEAST_REQUEST"})},
            {"consistentHash", consistentHash},
            {"backendUtilization", object({{"weightUpdatePeriod", duration()},
                                           {"weightExpirationPeriod", duration()},
                                           {"weightStabilizationPeriod", duration()},
                                           {"errorUtilizationPenaltyPercent", uint32()},
                                           {"metricNamesForComputingUtilization", stringList()}})},
            {"localityLbSetting", locality},
            {"zoneAwareLbSetting", object({{"enabled", boolean()},
                                           {"failover", failover},
                                           {"failoverPriority", stringList()},
                                           {"minClusterSize", uint32()}})},
            {"warmupDurationSecs", duration()},
            {"warmup",
             object(
                 {{"duration", duration()}, {"minimumPercent", number()}, {"aggression", number()}},
                 {"duration"})},
        });
        lb->oneOf = {{"simple", "consistentHash", "backendUtilization"}};
        return lb;
    }();
    return n;
}

static const Node *outlierDetection() {
    static const Node *n = object({
        {"splitExternalLocalOriginErrors", boolean()},
        {"consecutiveLocalOriginFailures", uint32()},
        {"consecutiveGatewayErrors", uint32()},
        {"consecutive5xxErrors", uint32()},
        {"consecutiveErrors", integer()},
        {"interval", duration()},
        {"baseEjectionTime", duration()},
        {"maxEjectionPercent", integer()},
        {"minHealthPercent", integer()},
        {"outlierDetectionHttpErrorCodes", array(integer(0, 599))},
    });
    return n;
}

const Node *trafficPolicy() {
    static const Node *n = object({
        {"loadBalancer", loadBalancer()},
        {"connectionPool", connectionPool()},
        {"outlierDetection", outlierDetection()},
        {"tls", clientTls()},
        {"portLevelSettings", array(object({
                                  {"port", portSelector()},
                                  {"loadBalancer", loadBalancer()},
                                  {"connectionPool", connectionPool()},
                                  {"outlierDetection", outlierDetection()},
                                  {"tls", clientTls()},
                              }))},
        {"tunnel",
         object({{"protocol", string()}, {"targetHost", string()}, {"targetPort", uint32()}},
                {"targetHost", "targetPort"})},
        {"proxyProtocol", object({{"version", enumeration({"V1", "V2"})}})},
        {"retryBudget", object({{"percent", number()},
                                {"minRetryConcurrency", uint32()},
                                {"budgetInterval", duration()}})},
    });
    return n;
}

} // namespace egret::schema

// Istio's validation webhook for DestinationRules, case by case from Istio's validation_test.go
// (TestValidateDestinationRule, TestValidateTrafficPolicy, TestValidateConnectionPool,
// TestValidateLoadBalancer, TestValidateOutlierDetection, Test_validateExportTo), its agent
// package's TestValidateLocalityLbSetting and TestValidateLocalities, and
// testdata/crds/destinationrule-{valid,invalid}.yaml; then rules of the webhook those tests leave
// out.
#include "WebhookTable.h"

using namespace egret;
using namespace egret::webhooktest;

namespace {

constexpr const char *DR = "DestinationRule";

const WebhookCase kCases[] = {
    // TestValidateDestinationRule
    {"simple destination rule", DR, R"(  host: reviews
  subsets:
  - name: v1
    labels: {version: v1}
  - name: v2
    labels: {version: v2}
)",
     ""},
    {"empty selector labels", DR, R"(  host: reviews
  subsets:
  - name: v1
    labels: {version: v1}
  workloadSelector: {}
)",
     "warning: a workload selector without matchLabels"},
    {"missing destination name", DR, R"(  host: ""
  subsets:
  - name: v1
    labels: {version: v1}
)",
     "error: an empty domain name is not allowed"},
    {"missing subset name", DR, R"(  host: reviews
  subsets:
  - name: ""
    labels: {version: v1}
  - name: v2
    labels: {version: v2}
)",
     "error: a subset needs a name"},
    {"duplicate subset names", DR, R"(  host: reviews
  subsets:
  - name: foo
    labels: {version: v1}
  - name: foo
    labels: {version: v2}
)",
     "error: subset name \"foo\" is used twice"},
    {"valid traffic policy, top level", DR, R"(  host: reviews
  trafficPolicy:
    loadBalancer: {simple: ROUND_ROBIN}
    connectionPool:
      tcp: {maxConnections: 7}
      http: {http2MaxRequests: 11}
    outlierDetection: {minHealthPercent: 20}
  subsets:
  - name: v1
    labels: {version: v1}
)",
     ""},
    {"invalid traffic policy, top level", DR, R"(  host: reviews
  trafficPolicy:
    loadBalancer: {simple: ROUND_ROBIN}
    connectionPool: {}
    outlierDetection: {minHealthPercent: 20}
)",
     "error: a connection pool must set tcp or http settings"},
    {"valid traffic policy, subset level", DR, R"(  host: reviews
  subsets:
  - name: v1
    labels: {version: v1}
    trafficPolicy:
      loadBalancer: {simple: ROUND_ROBIN}
      connectionPool:
        tcp: {maxConnections: 7}
        http: {http2MaxRequests: 11}
      outlierDetection: {minHealthPercent: 20}
  - name: v2
    labels: {version: v2}
)",
     ""},
    {"invalid traffic policy, subset level", DR, R"(  host: reviews
  subsets:
  - name: v1
    labels: {version: v1}
    trafficPolicy:
      loadBalancer: {simple: ROUND_ROBIN}
      connectionPool: {}
      outlierDetection: {minHealthPercent: 20}
)",
     "error: refuses it [spec.subsets[0].trafficPolicy.connectionPool]"},
    {"valid traffic policy, both levels", DR, R"(  host: reviews
  trafficPolicy:
    loadBalancer: {simple: ROUND_ROBIN}
    outlierDetection: {minHealthPercent: 20}
  subsets:
  - name: v1
    labels: {version: v1}
    trafficPolicy:
      connectionPool:
        tcp: {maxConnections: 7}
      outlierDetection: {minHealthPercent: 30}
)",
     ""},
    {"SIMPLE, caCertificates", DR, R"(  host: reviews
  trafficPolicy:
    tls: {mode: SIMPLE, caCertificates: test, subjectAltNames: [reviews.default.svc]}
)",
     ""},
    {"SIMPLE, credentialName", DR, R"(  host: reviews
  trafficPolicy:
    tls: {mode: SIMPLE, credentialName: test, subjectAltNames: [reviews.default.svc]}
)",
     ""},
    {"SIMPLE, caCertificates, insecureSkipVerify false", DR, R"(  host: reviews
  trafficPolicy:
    tls:
      mode: SIMPLE
      caCertificates: test
      subjectAltNames: [reviews.default.svc]
      insecureSkipVerify: false
)",
     ""},
    {"SIMPLE, credentialName, insecureSkipVerify false", DR, R"(  host: reviews
  trafficPolicy:
    tls:
      mode: SIMPLE
      credentialName: test
      subjectAltNames: [reviews.default.svc]
      insecureSkipVerify: false
)",
     ""},
    {"SIMPLE, credentialName, insecureSkipVerify true", DR, R"(  host: reviews
  trafficPolicy:
    tls: {mode: SIMPLE, credentialName: test, insecureSkipVerify: true}
)",
     "error: insecureSkipVerify skips the server's verification"},
    {"SIMPLE, caCertificates, insecureSkipVerify true", DR, R"(  host: reviews
  trafficPolicy:
    tls: {mode: SIMPLE, caCertificates: test, insecureSkipVerify: true}
)",
     "error: insecureSkipVerify skips the server's verification"},
    {"SIMPLE, subjectAltNames, insecureSkipVerify true", DR, R"(  host: reviews
  trafficPolicy:
    tls: {mode: SIMPLE, subjectAltNames: [reviews.default.svc], insecureSkipVerify: true}
)",
     "error: insecureSkipVerify skips the server's verification"},
    {"MUTUAL, files", DR, R"(  host: reviews
  trafficPolicy:
    tls:
      mode: MUTUAL
      caCertificates: test
      privateKey: key
      clientCertificate: cert
      subjectAltNames: [reviews.default.svc]
)",
     ""},
    {"MUTUAL, credentialName", DR, R"(  host: reviews
  trafficPolicy:
    tls: {mode: MUTUAL, credentialName: test, subjectAltNames: [reviews.default.svc]}
)",
     ""},
    {"MUTUAL, files, insecureSkipVerify false", DR, R"(  host: reviews
  trafficPolicy:
    tls:
      mode: MUTUAL
      caCertificates: test
      privateKey: key
      clientCertificate: cert
      subjectAltNames: [reviews.default.svc]
      insecureSkipVerify: false
)",
     ""},
    {"MUTUAL, credentialName, insecureSkipVerify false", DR, R"(  host: reviews
  trafficPolicy:
    tls:
      mode: MUTUAL
      credentialName: test
      subjectAltNames: [reviews.default.svc]
      insecureSkipVerify: false
)",
     ""},
    {"MUTUAL, caCertificates, insecureSkipVerify true", DR, R"(  host: reviews
  trafficPolicy:
    tls:
      mode: MUTUAL
      caCertificates: test
      privateKey: key
      clientCertificate: cert
      insecureSkipVerify: true
)",
     "error: caCertificates and subjectAltNames cannot be set with it"},
    {"MUTUAL, credentialName, insecureSkipVerify true", DR, R"(  host: reviews
  trafficPolicy:
    tls: {mode: MUTUAL, credentialName: test, insecureSkipVerify: true}
)",
     ""},
    {"MUTUAL, no CA, insecureSkipVerify true", DR, R"(  host: reviews
  trafficPolicy:
    tls: {mode: MUTUAL, privateKey: key, clientCertificate: cert, insecureSkipVerify: true}
)",
     ""},
    {"MUTUAL, subjectAltNames, insecureSkipVerify true", DR, R"(  host: reviews
  trafficPolicy:
    tls:
      mode: MUTUAL
      privateKey: key
      clientCertificate: cert
      subjectAltNames: [reviews.default.svc]
      insecureSkipVerify: true
)",
     "error: caCertificates and subjectAltNames cannot be set with it"},

    // TestValidateTrafficPolicy
    {"traffic policy, nil entries", DR, "  host: reviews\n  trafficPolicy: {}\n",
     "error: a traffic policy must set at least one of"},
    {"traffic policy, missing port in port level settings", DR, R"(  host: reviews
  trafficPolicy:
    portLevelSettings:
    - loadBalancer: {simple: ROUND_ROBIN}
      connectionPool:
        tcp: {maxConnections: 7}
      outlierDetection: {minHealthPercent: 20}
)",
     "error: a port-level traffic policy needs a port"},
    {"traffic policy, bad max connection duration", DR, R"(  host: reviews
  trafficPolicy:
    loadBalancer: {simple: ROUND_ROBIN}
    connectionPool:
      tcp: {maxConnectionDuration: 0.0000005s}
)",
     "error: duration \"0.0000005s\" must be at least 1ms"},
    {"traffic policy, panic threshold too low", DR, R"(  host: reviews
  trafficPolicy:
    outlierDetection: {minHealthPercent: -1}
)",
     "error: minHealthPercent -1 is not a percentage"},
    {"traffic policy, both upgrade and use client protocol set", DR, R"(  host: reviews
  trafficPolicy:
    connectionPool:
      http: {h2UpgradePolicy: UPGRADE, useClientProtocol: true}
)",
     "error: useClientProtocol cannot be true when h2UpgradePolicy is UPGRADE"},

    // TestValidateConnectionPool
    {"connection pool, tcp and http", DR, R"(  host: reviews
  trafficPolicy:
    connectionPool:
      tcp: {maxConnections: 7, connectTimeout: 2s}
      http:
        http1MaxPendingRequests: 2
        http2MaxRequests: 11
        maxRequestsPerConnection: 5
        maxRetries: 4
        idleTimeout: 30s
        maxConcurrentStreams: 5
)",
     ""},
    {"connection pool, tcp only", DR, R"(  host: reviews
  trafficPolicy:
    connectionPool:
      tcp: {maxConnections: 7, connectTimeout: 2s}
)",
     ""},
    {"connection pool, http only without idle timeout", DR, R"(  host: reviews
  trafficPolicy:
    connectionPool:
      http: {http1MaxPendingRequests: 2, http2MaxRequests: 11, maxRetries: 4}
)",
     ""},
    {"connection pool, bad max connections", DR, R"(  host: reviews
  trafficPolicy:
    connectionPool:
      tcp: {maxConnections: -1}
)",
     "error: maxConnections must not be negative"},
    {"connection pool, bad connect timeout", DR, R"(  host: reviews
  trafficPolicy:
    connectionPool:
      tcp: {connectTimeout: 2.000000005s}
)",
     "error: duration \"2.000000005s\" is finer than a millisecond"},
    {"connection pool, bad max pending requests", DR, R"(  host: reviews
  trafficPolicy:
    connectionPool:
      http: {http1MaxPendingRequests: -1}
)",
     "error: http1MaxPendingRequests must not be negative"},
    {"connection pool, bad max requests", DR, R"(  host: reviews
  trafficPolicy:
    connectionPool:
      http: {http2MaxRequests: -1}
)",
     "error: http2MaxRequests must not be negative"},
    {"connection pool, bad max requests per connection", DR, R"(  host: reviews
  trafficPolicy:
    connectionPool:
      http: {maxRequestsPerConnection: -1}
)",
     "error: maxRequestsPerConnection must not be negative"},
    {"connection pool, bad max retries", DR, R"(  host: reviews
  trafficPolicy:
    connectionPool:
      http: {maxRetries: -1}
)",
     "error: maxRetries must not be negative"},
    {"connection pool, bad idle timeout", DR, R"(  host: reviews
  trafficPolicy:
    connectionPool:
      http: {idleTimeout: 30.000000005s}
)",
     "error: is finer than a millisecond"},
    {"connection pool, tcp idle timeout disabled", DR, R"(  host: reviews
  trafficPolicy:
    connectionPool:
      tcp: {idleTimeout: 0s}
)",
     ""},
    {"connection pool, bad max concurrent streams", DR, R"(  host: reviews
  trafficPolicy:
    connectionPool:
      http: {maxConcurrentStreams: -1}
)",
     "error: maxConcurrentStreams must not be negative"},
    {"connection pool, Go duration under a millisecond", DR, R"(  host: reviews
  trafficPolicy:
    connectionPool:
      tcp: {connectTimeout: 500us}
)",
     "error: duration \"500us\" must be at least 1ms"},
    {"connection pool, Go durations", DR, R"(  host: reviews
  trafficPolicy:
    connectionPool:
      tcp: {connectTimeout: 30ms, maxConnectionDuration: 1h30m}
)",
     ""},

    // TestValidateLoadBalancer
    {"load balancer, simple", DR,
     "  host: reviews\n  trafficPolicy:\n    loadBalancer: {simple: ROUND_ROBIN}\n", ""},
    {"load balancer, consistent hash with the deprecated ring size", DR, R"(  host: reviews
  trafficPolicy:
    loadBalancer:
      consistentHash:
        minimumRingSize: 1024
        httpCookie: {name: test, ttl: 3600s}
)",
     "warning: minimumRingSize is deprecated"},
    {"load balancer, consistent hash without a cookie name", DR, R"(  host: reviews
  trafficPolicy:
    loadBalancer:
      consistentHash:
        httpCookie: {ttl: 3600s}
)",
     "error: missing required field \"name\""},
    {"load balancer, consistent hash with an empty cookie name", DR, R"(  host: reviews
  trafficPolicy:
    loadBalancer:
      consistentHash:
        httpCookie: {name: "", ttl: 3600s}
)",
     "error: an httpCookie hash needs the cookie's name"},
    {"load balancer, maglev not prime", DR, R"(  host: reviews
  trafficPolicy:
    loadBalancer:
      consistentHash:
        maglev: {tableSize: 1000}
)",
     "error: maglev tableSize 1000 must be a prime number"},

    // TestValidateOutlierDetection
    {"outlier detection, valid", DR, R"(  host: reviews
  trafficPolicy:
    outlierDetection: {interval: 2s, baseEjectionTime: 2s, maxEjectionPercent: 50}
)",
     ""},
    {"outlier detection, bad interval", DR, R"(  host: reviews
  trafficPolicy:
    outlierDetection: {interval: 2.000000005s}
)",
     "error: refuses it [spec.trafficPolicy.outlierDetection.interval]"},
    {"outlier detection, bad base ejection time", DR, R"(  host: reviews
  trafficPolicy:
    outlierDetection: {baseEjectionTime: 2.000000005s}
)",
     "error: is finer than a millisecond"},
    {"outlier detection, bad max ejection percent", DR, R"(  host: reviews
  trafficPolicy:
    outlierDetection: {maxEjectionPercent: 105}
)",
     "error: maxEjectionPercent 105 is not a percentage"},
    {"outlier detection, panic threshold too high", DR, R"(  host: reviews
  trafficPolicy:
    outlierDetection: {minHealthPercent: 101}
)",
     "error: minHealthPercent 101 is not a percentage"},
    {"outlier detection, deprecated consecutiveErrors", DR, R"(  host: reviews
  trafficPolicy:
    outlierDetection: {consecutiveErrors: 101}
)",
     "warning: consecutiveErrors is deprecated"},
    {"outlier detection, local origin failures without the split", DR, R"(  host: reviews
  trafficPolicy:
    outlierDetection: {consecutiveLocalOriginFailures: 10}
)",
     "error: consecutiveLocalOriginFailures counts only when splitExternalLocalOriginErrors"},
    {"outlier detection, local origin failures with the split", DR, R"(  host: reviews
  trafficPolicy:
    outlierDetection: {consecutiveLocalOriginFailures: 10, splitExternalLocalOriginErrors: true}
)",
     ""},

    // TestValidateLocalityLbSetting
    {"locality, total weight over 100", DR, R"(  host: reviews
  trafficPolicy:
    outlierDetection: {}
    loadBalancer:
      localityLbSetting:
        distribute:
        - from: a/b/c
          to: {a/b/c: 80, a/b1: 25}
)",
     "error: locality weights add up to 105, not 100"},
    {"locality, total weight under 100", DR, R"(  host: reviews
  trafficPolicy:
    outlierDetection: {}
    loadBalancer:
      localityLbSetting:
        distribute:
        - from: a/b/c
          to: {a/b/c: 80, a/b1: 15}
)",
     "error: locality weights add up to 95, not 100"},
    {"locality, weight 0", DR, R"(  host: reviews
  trafficPolicy:
    outlierDetection: {}
    loadBalancer:
      localityLbSetting:
        distribute:
        - from: a/b/c
          to: {a/b/c: 0, a/b1: 100}
)",
     "error: locality weight 0 must be between 1 and 100"},
    {"locality, both distribute and failover", DR, R"(  host: reviews
  trafficPolicy:
    outlierDetection: {}
    loadBalancer:
      localityLbSetting:
        distribute:
        - from: a/b/c
          to: {a/b/c: 80, a/b1: 20}
        failover:
        - {from: region1, to: region2}
)",
     "error: distribute and failover cannot be set together"},
    {"locality, failover to the same region", DR, R"(  host: reviews
  trafficPolicy:
    outlierDetection: {}
    loadBalancer:
      localityLbSetting:
        failover:
        - {from: region1, to: region1}
)",
     "error: failover from and to name the same region"},
    {"locality, failover from a wildcard", DR, R"(  host: reviews
  trafficPolicy:
    outlierDetection: {}
    loadBalancer:
      localityLbSetting:
        failover:
        - {from: "*", to: region2}
)",
     "error: failover regions cannot use the wildcard"},
    {"locality, failover to a wildcard", DR, R"(  host: reviews
  trafficPolicy:
    outlierDetection: {}
    loadBalancer:
      localityLbSetting:
        failover:
        - {from: region1, to: "*"}
)",
     "error: failover regions cannot use the wildcard"},
    {"locality, failover from a zone", DR, R"(  host: reviews
  trafficPolicy:
    outlierDetection: {}
    loadBalancer:
      localityLbSetting:
        failover:
        - {from: region1/zone1, to: region2}
)",
     "error: failover names regions only"},
    {"locality, failover to a zone", DR, R"(  host: reviews
  trafficPolicy:
    outlierDetection: {}
    loadBalancer:
      localityLbSetting:
        failover:
        - {from: region1, to: region2/zone1}
)",
     "error: failover names regions only"},
    {"locality, failover priority without outlier detection", DR, R"(  host: reviews
  trafficPolicy:
    loadBalancer:
      localityLbSetting:
        failoverPriority:
        - topology.istio.io/network
        - topology.kubernetes.io/region
        - topology.kubernetes.io/zone
        - topology.istio.io/subzone
)",
     "warning: locality failover needs an outlierDetection policy"},
    {"locality, failover without outlier detection", DR, R"(  host: reviews
  trafficPolicy:
    loadBalancer:
      localityLbSetting:
        failover:
        - {from: us-east, to: eu-west}
        - {from: us-west, to: eu-east}
)",
     "warning: locality failover needs an outlierDetection policy"},
    {"locality, failover with a region failover priority", DR, R"(  host: reviews
  trafficPolicy:
    outlierDetection: {}
    loadBalancer:
      localityLbSetting:
        failover:
        - {from: region1, to: region2}
        failoverPriority: [topology.kubernetes.io/region]
)",
     "error: failoverPriority cannot list the topology label topology.kubernetes.io/region"},
    {"locality, failover with outlier detection", DR, R"(  host: reviews
  trafficPolicy:
    outlierDetection: {consecutive5xxErrors: 5}
    loadBalancer:
      localityLbSetting:
        failover:
        - {from: us-east, to: eu-west}
)",
     ""},

    // TestValidateLocalities, through the destinations of a distribute entry
    {"localities, several wildcards", DR,
     "  host: reviews\n"
     "  trafficPolicy:\n"
     "    loadBalancer:\n"
     "      localityLbSetting:\n"
     "        distribute:\n"
     "        - from: a\n"
     "          to: {\"*/zone/*\": 100}\n",
     "error: may hold one wildcard"},
    {"localities, wildcard not at the end", DR, R"(  host: reviews
  trafficPolicy:
    loadBalancer:
      localityLbSetting:
        distribute:
        - from: a
          to: {"*/zone": 100}
)",
     "error: may hold one wildcard"},
    {"localities, explicit wildcard region overlap", DR, R"(  host: reviews
  trafficPolicy:
    loadBalancer:
      localityLbSetting:
        distribute:
        - from: x
          to: {"*": 50, a/b/c: 50}
)",
     "error: locality \"a/b/c\" overlaps one listed before it"},
    {"localities, implicit wildcard region overlap", DR, R"(  host: reviews
  trafficPolicy:
    loadBalancer:
      localityLbSetting:
        distribute:
        - from: x
          to: {a: 50, a/b/c: 50}
)",
     "error: overlaps one listed before it"},
    {"localities, explicit wildcard zone overlap", DR,
     "  host: reviews\n"
     "  trafficPolicy:\n"
     "    loadBalancer:\n"
     "      localityLbSetting:\n"
     "        distribute:\n"
     "        - from: x\n"
     "          to: {a/*: 50, a/b/c: 50}\n",
     "error: overlaps one listed before it"},
    {"localities, implicit wildcard zone overlap", DR, R"(  host: reviews
  trafficPolicy:
    loadBalancer:
      localityLbSetting:
        distribute:
        - from: x
          to: {a/b: 50, a/b/c: 50}
)",
     "error: overlaps one listed before it"},
    {"localities, explicit wildcard subzone overlap", DR,
     "  host: reviews\n"
     "  trafficPolicy:\n"
     "    loadBalancer:\n"
     "      localityLbSetting:\n"
     "        distribute:\n"
     "        - from: x\n"
     "          to: {a/b/*: 50, a/b/c: 50}\n",
     "error: overlaps one listed before it"},
    {"localities, overlapping sources", DR, R"(  host: reviews
  trafficPolicy:
    loadBalancer:
      localityLbSetting:
        distribute:
        - from: a
          to: {x: 100}
        - from: a/b/c
          to: {y: 100}
)",
     "error: refuses it [spec.trafficPolicy.loadBalancer.localityLbSetting.distribute]"},
    {"localities, valid", DR,
     "  host: reviews\n"
     "  trafficPolicy:\n"
     "    loadBalancer:\n"
     "      localityLbSetting:\n"
     "        distribute:\n"
     "        - from: a1/*\n"
     "          to: {a1/*: 20, a2/*: 20, a3/b3/c3: 20, a4/b4: 20, a5/b5/*: 20}\n",
     ""},

    // Test_validateExportTo, the cases of a DestinationRule
    {"exportTo, . and ns1", DR, "  host: reviews\n  exportTo: [., ns1]\n", ""},
    {"exportTo, . and *", DR, "  host: reviews\n  exportTo: [., \"*\"]\n",
     "error: exportTo \"*\" (everyone) cannot be listed with other entries"},
    {"exportTo, . and the same namespace", DR, "  host: reviews\n  exportTo: [., default]\n",
     "error: exportTo lists both \".\" and the document's own namespace default"},
    {"exportTo, duplicate namespaces", DR, "  host: reviews\n  exportTo: [ns1, ns2, ns1]\n",
     "error: exportTo lists \"ns1\" twice"},
    {"exportTo, invalid namespace", DR, "  host: reviews\n  exportTo: [ns1_]\n",
     "error: exportTo \"ns1_\" is not"},
    {"exportTo, workload selector and *", DR, R"(  host: reviews
  workloadSelector:
    matchLabels: {app: reviews}
  exportTo: ["*"]
)",
     "error: cannot be exported beyond its own namespace"},
    {"exportTo, workload selector and .", DR, R"(  host: reviews
  workloadSelector:
    matchLabels: {app: reviews}
  exportTo: [.]
)",
     ""},
    {"exportTo, workload selector and another namespace", DR, R"(  host: reviews
  workloadSelector:
    matchLabels: {app: reviews}
  exportTo: [somens]
)",
     "error: cannot be exported beyond its own namespace"},
    {"exportTo, workload selector and two namespaces", DR, R"(  host: reviews
  workloadSelector:
    matchLabels: {app: reviews}
  exportTo: [., somens]
)",
     "error: takes one exportTo entry"},

    // testdata/crds/destinationrule-{valid,invalid}.yaml
    {"warmup, duration", DR, R"(  host: ratings.prod.svc.cluster.local
  trafficPolicy:
    loadBalancer:
      warmup: {duration: 300s}
)",
     ""},
    {"warmup, minimum percent", DR, R"(  host: ratings.prod.svc.cluster.local
  trafficPolicy:
    loadBalancer:
      warmup: {duration: 300s, minimumPercent: 5.0}
)",
     ""},
    {"warmup, aggression", DR, R"(  host: ratings.prod.svc.cluster.local
  trafficPolicy:
    loadBalancer:
      warmup: {duration: 300s, minimumPercent: 5.0, aggression: 5.0}
)",
     ""},
    {"warmup, minimum percent 150", DR, R"(  host: ratings.prod.svc.cluster.local
  trafficPolicy:
    loadBalancer:
      warmup: {duration: 300s, minimumPercent: 150.0}
)",
     "error: warmup minimumPercent 150.0 must be between 0 and 100"},
    {"warmup, no duration", DR, R"(  host: ratings.prod.svc.cluster.local
  trafficPolicy:
    loadBalancer:
      warmup: {minimumPercent: 5.0}
)",
     "error: missing required field \"duration\""},
    {"warmup, negative aggression", DR, R"(  host: ratings.prod.svc.cluster.local
  trafficPolicy:
    loadBalancer:
      warmup: {duration: 300s, aggression: -0.1}
)",
     "error: warmup aggression -0.1 must be at least 1"},

    // The webhook's rules the tests above leave out
    {"host, wildcard not first", DR, "  host: foo.*.com\n",
     "error: domain name \"foo.*.com\" is invalid"},
    {"host, wildcard", DR, "  host: \"*.example.com\"\n", ""},
    {"subset name not a DNS label", DR, R"(  host: reviews
  subsets:
  - name: v1.0
    labels: {version: v1}
)",
     "error: subset name \"v1.0\" is not a DNS label"},
    {"subset label key invalid", DR, R"(  host: reviews
  subsets:
  - name: v1
    labels: {"-version": v1}
)",
     "error: label key \"-version\" is not a Kubernetes label name"},
    {"subset label value invalid", DR, R"(  host: reviews
  subsets:
  - name: v1
    labels: {version: "v1 beta"}
)",
     "error: label value \"v1 beta\" is not a Kubernetes label value"},
    {"subset label with a DNS prefix", DR, R"(  host: reviews
  subsets:
  - name: v1
    labels: {app.kubernetes.io/version: v1.2_3}
)",
     ""},
    {"retry budget only", DR, R"(  host: reviews
  trafficPolicy:
    retryBudget: {percent: 20}
)",
     "error: a traffic policy must set at least one of"},
    {"port level settings, no field", DR, R"(  host: reviews
  trafficPolicy:
    portLevelSettings:
    - port: {number: 443}
)",
     "error: a port-level traffic policy must set at least one of"},
    {"port level settings, TLS", DR, R"(  host: api.example.com
  trafficPolicy:
    portLevelSettings:
    - port: {number: 443}
      tls: {mode: SIMPLE, sni: api.example.com}
)",
     ""},
    {"port level settings, MUTUAL without files", DR, R"(  host: api.example.com
  trafficPolicy:
    portLevelSettings:
    - port: {number: 443}
      tls: {mode: MUTUAL, caCertificates: /etc/ca.pem}
)",
     "error: MUTUAL TLS needs a clientCertificate"},
    {"MUTUAL without a private key", DR, R"(  host: api.example.com
  trafficPolicy:
    tls: {mode: MUTUAL, clientCertificate: /etc/cert.pem}
)",
     "error: MUTUAL TLS needs a privateKey"},
    {"credentialName with files", DR, R"(  host: api.example.com
  trafficPolicy:
    tls: {mode: SIMPLE, credentialName: api-ca, caCertificates: /etc/ca.pem}
)",
     "error: with credentialName the certificates come from the secret"},
    {"credentialName of a ConfigMap of another namespace", DR,
     "  host: api.example.com\n"
     "  trafficPolicy:\n"
     "    tls: {mode: SIMPLE, credentialName: \"configmap://other/api-ca\"}\n",
     "error: names a ConfigMap of namespace other"},
    {"credentialName of a ConfigMap without a namespace", DR,
     "  host: api.example.com\n"
     "  trafficPolicy:\n"
     "    tls: {mode: SIMPLE, credentialName: \"configmap://api-ca\"}\n",
     "error: must name a namespace and a ConfigMap"},
    {"credentialName of a ConfigMap of the namespace", DR,
     "  host: api.example.com\n"
     "  trafficPolicy:\n"
     "    tls: {mode: SIMPLE, credentialName: \"configmap://default/api-ca\"}\n",
     ""},
    {"tunnel and proxy protocol", DR, R"(  host: api.example.com
  trafficPolicy:
    tunnel: {targetHost: api.example.com, targetPort: 443}
    proxyProtocol: {version: V2}
)",
     "error: tunnel and proxyProtocol cannot be set together"},
    {"tunnel, valid", DR, R"(  host: proxy.example.com
  trafficPolicy:
    tunnel: {protocol: CONNECT, targetHost: 192.0.2.10, targetPort: 443}
)",
     ""},
    {"tunnel, unknown protocol", DR, R"(  host: proxy.example.com
  trafficPolicy:
    tunnel: {protocol: GET, targetHost: api.example.com, targetPort: 443}
)",
     "error: tunnel protocol \"GET\" is neither CONNECT nor POST"},
    {"tunnel, bad target host", DR, R"(  host: proxy.example.com
  trafficPolicy:
    tunnel: {targetHost: "api_example", targetPort: 443}
)",
     "error: tunnel targetHost \"api_example\" is neither a domain name nor an IP address"},
    {"tunnel, target port 0", DR, R"(  host: proxy.example.com
  trafficPolicy:
    tunnel: {targetHost: api.example.com, targetPort: 0}
)",
     "error: tunnel targetPort: port number 0 must be in the range 1..65535"},
    {"maglev, table too large", DR, R"(  host: reviews
  trafficPolicy:
    loadBalancer:
      consistentHash:
        maglev: {tableSize: 5000011}
)",
     "error: maglev tableSize 5000011 must be less than 5000011"},
    {"maglev, prime table", DR, R"(  host: reviews
  trafficPolicy:
    loadBalancer:
      consistentHash:
        httpHeaderName: x-user
        maglev: {tableSize: 65537}
)",
     ""},
    {"ring size beside maglev", DR, R"(  host: reviews
  trafficPolicy:
    loadBalancer:
      consistentHash:
        minimumRingSize: 1024
        maglev: {tableSize: 65537}
)",
     "error: minimumRingSize cannot be set with ringHash or maglev"},
    {"workload selector with a wildcard", DR, R"(  host: reviews
  workloadSelector:
    matchLabels: {app: "rev*"}
)",
     "error: the wildcard in \"app=rev*\" is not supported"},
};

} // namespace

class TestWebhookDestinationRule : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cases_data() { addRows(kCases); }
    void cases() {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, expect);
        verifyRow(yaml, expect);
    }
};

QTEST_GUILESS_MAIN(TestWebhookDestinationRule)
#include "tst_webhook_destinationrule.moc"

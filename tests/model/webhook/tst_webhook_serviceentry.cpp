// Istio's validation webhook for ServiceEntrys, case by case from Istio's validation_test.go
// (TestValidateServiceEntries) and testdata/crds/serviceentry-{valid,invalid}.yaml.
#include "WebhookTable.h"

using namespace egret;
using namespace egret::webhooktest;

namespace {

// Two HTTP ports, the names the endpoints below refer to.
#define HTTP_PORTS                                                                                 \
    "  ports:\n  - {number: 80, protocol: http, name: http-valid1}\n"                              \
    "  - {number: 8080, protocol: http, name: http-valid2}\n"
#define HTTP_PORT "  ports:\n  - {number: 80, protocol: http, name: http-valid1}\n"

const WebhookCase kCases[] = {
    // TestValidateServiceEntries
    {"discovery type DNS", "ServiceEntry",
     "  hosts: [\"*.google.com\"]\n" HTTP_PORTS
     "  endpoints:\n  - {address: lon.google.com, ports: {http-valid1: 8080}}\n"
     "  - {address: in.google.com, ports: {http-valid2: 9080}}\n  resolution: DNS\n",
     ""},
    {"discovery type DNS Round Robin", "ServiceEntry",
     "  hosts: [\"*.istio.io\"]\n" HTTP_PORTS
     "  endpoints:\n  - {address: api-v1.istio.io, ports: {http-valid1: 8080}}\n"
     "  resolution: DNS_ROUND_ROBIN\n",
     ""},
    {"discovery type DNS, label tlsMode: istio", "ServiceEntry",
     "  hosts: [\"*.google.com\"]\n" HTTP_PORTS
     "  endpoints:\n  - address: lon.google.com\n    ports: {http-valid1: 8080}\n"
     "    labels: {security.istio.io/tlsMode: istio}\n"
     "  - address: in.google.com\n    ports: {http-valid2: 9080}\n"
     "    labels: {security.istio.io/tlsMode: istio}\n  resolution: DNS\n",
     ""},
    {"discovery type DNS, one host set with IP address and https port", "ServiceEntry",
     "  hosts: [httpbin.org]\n  addresses: [10.10.10.10]\n" HTTP_PORTS
     "  - {number: 443, protocol: https, name: https}\n  resolution: DNS\n",
     ""},
    {"discovery type DNS, multi hosts set with IP address and https port", "ServiceEntry",
     "  hosts: [httpbin.org, wikipedia.org]\n  addresses: [10.10.10.10]\n" HTTP_PORTS
     "  - {number: 443, protocol: https, name: https}\n  resolution: DNS\n",
     "warning: a ServiceEntry with addresses and a TCP port should have one host"},
    {"discovery type DNS, IP address set", "ServiceEntry",
     "  hosts: [\"*.google.com\"]\n  addresses: [10.10.10.10]\n" HTTP_PORTS
     "  endpoints:\n  - {address: lon.google.com, ports: {http-valid1: 8080}}\n"
     "  - {address: in.google.com, ports: {http-valid2: 9080}}\n  resolution: DNS\n",
     ""},
    {"discovery type DNS, IP in endpoints", "ServiceEntry",
     "  hosts: [\"*.google.com\"]\n" HTTP_PORTS
     "  endpoints:\n  - {address: 1.1.1.1, ports: {http-valid1: 8080}}\n"
     "  - {address: in.google.com, ports: {http-valid2: 9080}}\n  resolution: DNS\n",
     ""},
    {"empty hosts", "ServiceEntry",
     HTTP_PORT "  endpoints:\n  - {address: in.google.com}\n  resolution: DNS\n",
     "error: missing required field \"hosts\""},
    {"empty host list", "ServiceEntry",
     "  hosts: []\n" HTTP_PORT "  endpoints:\n  - {address: in.google.com}\n  resolution: DNS\n",
     "error: a ServiceEntry needs at least one host"},
    {"bad hosts", "ServiceEntry",
     "  hosts: [\"-\"]\n" HTTP_PORT "  endpoints:\n  - {address: in.google.com}\n"
     "  resolution: DNS\n",
     "error: domain name \"-\" is invalid"},
    {"full wildcard host", "ServiceEntry",
     "  hosts: [foo.com, \"*\"]\n" HTTP_PORT "  endpoints:\n  - {address: in.google.com}\n"
     "  resolution: DNS\n",
     "error: a ServiceEntry host cannot be the wildcard"},
    {"short name host", "ServiceEntry",
     "  hosts: [foo, bar.com]\n" HTTP_PORT
     "  endpoints:\n  - {address: in.google.com, ports: {http-valid1: 9080}}\n"
     "  resolution: DNS\n",
     ""},
    {"undefined endpoint port", "ServiceEntry",
     "  hosts: [google.com]\n  ports:\n  - {number: 80, protocol: http, name: http-valid1}\n"
     "  - {number: 81, protocol: http, name: http-valid2}\n"
     "  endpoints:\n  - {address: lon.google.com, ports: {http-valid1: 8080}}\n"
     "  - {address: in.google.com, ports: {http-dne: 9080}}\n  resolution: DNS\n",
     "error: endpoint port \"http-dne\" is not the name of one of the ServiceEntry's ports"},
    {"discovery type DNS, non-FQDN endpoint", "ServiceEntry",
     "  hosts: [\"*.google.com\"]\n" HTTP_PORTS
     "  endpoints:\n  - {address: \"*.lon.google.com\", ports: {http-valid1: 8080}}\n"
     "  resolution: DNS\n",
     "error: endpoint address \"*.lon.google.com\" is neither an IP address nor a fully "
     "qualified domain name"},
    {"discovery type DNS, non-FQDN host", "ServiceEntry",
     "  hosts: [\"*.google.com\"]\n" HTTP_PORTS "  resolution: DNS\n",
     "error: host \"*.google.com\" is not a fully qualified domain name, which resolution DNS "
     "without endpoints needs"},
    {"discovery type DNS, no endpoints", "ServiceEntry",
     "  hosts: [google.com]\n" HTTP_PORTS "  resolution: DNS\n", ""},
    {"discovery type DNS, unix endpoint", "ServiceEntry",
     "  hosts: [\"*.google.com\"]\n" HTTP_PORT
     "  endpoints:\n  - {address: \"unix:///lon/google/com\"}\n  resolution: DNS\n",
     "error: endpoint address \"unix:///lon/google/com\" is neither an IP address nor"},
    {"discovery type none", "ServiceEntry",
     "  hosts: [google.com]\n" HTTP_PORTS "  resolution: NONE\n", ""},
    {"discovery type none, endpoints provided", "ServiceEntry",
     "  hosts: [google.com]\n" HTTP_PORTS
     "  endpoints:\n  - {address: lon.google.com, ports: {http-valid1: 8080}}\n"
     "  resolution: NONE\n",
     "error: resolution NONE cannot have endpoints"},
    {"discovery type none, cidr addresses", "ServiceEntry",
     "  hosts: [google.com]\n  addresses: [172.1.2.16/16]\n" HTTP_PORTS "  resolution: NONE\n", ""},
    {"discovery type static, cidr addresses with endpoints", "ServiceEntry",
     "  hosts: [google.com]\n  addresses: [172.1.2.16/16]\n" HTTP_PORTS
     "  endpoints:\n  - {address: 1.1.1.1, ports: {http-valid1: 8080}}\n"
     "  - {address: 2.2.2.2, ports: {http-valid2: 9080}}\n  resolution: STATIC\n",
     ""},
    {"discovery type static", "ServiceEntry",
     "  hosts: [google.com]\n  addresses: [172.1.2.16]\n" HTTP_PORTS
     "  endpoints:\n  - {address: 1.1.1.1, ports: {http-valid1: 8080}}\n"
     "  - {address: 2.2.2.2, ports: {http-valid2: 9080}}\n  resolution: STATIC\n",
     ""},
    {"discovery type static, FQDN in endpoints", "ServiceEntry",
     "  hosts: [google.com]\n  addresses: [172.1.2.16]\n" HTTP_PORTS
     "  endpoints:\n  - {address: google.com, ports: {http-valid1: 8080}}\n"
     "  - {address: 2.2.2.2, ports: {http-valid2: 9080}}\n  resolution: STATIC\n",
     "error: endpoint address \"google.com\" is not an IP address, which resolution STATIC needs"},
    {"discovery type static, missing endpoints", "ServiceEntry",
     "  hosts: [google.com]\n  addresses: [172.1.2.16]\n" HTTP_PORTS "  resolution: STATIC\n", ""},
    {"discovery type static, bad endpoint port name", "ServiceEntry",
     "  hosts: [google.com]\n  addresses: [172.1.2.16]\n" HTTP_PORTS
     "  endpoints:\n  - {address: 1.1.1.1, ports: {http-valid1: 8080}}\n"
     "  - {address: 2.2.2.2, ports: {http-dne: 9080}}\n  resolution: STATIC\n",
     "error: endpoint port \"http-dne\" is not the name of one of the ServiceEntry's ports"},
    {"discovery type none, conflicting port names", "ServiceEntry",
     "  hosts: [google.com]\n  ports:\n  - {number: 80, protocol: http, name: http-conflict}\n"
     "  - {number: 8080, protocol: http, name: http-conflict}\n  resolution: NONE\n",
     "error: port name \"http-conflict\" is used twice"},
    {"discovery type none, conflicting port numbers", "ServiceEntry",
     "  hosts: [google.com]\n  ports:\n  - {number: 80, protocol: http, name: http-conflict1}\n"
     "  - {number: 80, protocol: http, name: http-conflict2}\n  resolution: NONE\n",
     "error: port number 80 is listed twice"},
    {"unix socket", "ServiceEntry",
     "  hosts: [uds.cluster.local]\n  ports:\n  - {number: 6553, protocol: grpc, name: "
     "grpc-service1}\n  resolution: STATIC\n  endpoints:\n  - {address: "
     "\"unix:///path/to/socket\"}\n",
     ""},
    {"unix socket, relative path", "ServiceEntry",
     "  hosts: [uds.cluster.local]\n  ports:\n  - {number: 6553, protocol: grpc, name: "
     "grpc-service1}\n  resolution: STATIC\n  endpoints:\n  - {address: "
     "\"unix://./relative/path.sock\"}\n",
     "error: unix domain socket \"./relative/path.sock\" is not an absolute path"},
    {"unix socket, endpoint ports", "ServiceEntry",
     "  hosts: [uds.cluster.local]\n  ports:\n  - {number: 6553, protocol: grpc, name: "
     "grpc-service1}\n  resolution: STATIC\n  endpoints:\n  - {address: "
     "\"unix:///path/to/socket\", ports: {grpc-service1: 6553}}\n",
     "error: a unix domain socket endpoint cannot have ports"},
    {"unix socket, multiple service ports", "ServiceEntry",
     "  hosts: [uds.cluster.local]\n  ports:\n  - {number: 6553, protocol: grpc, name: "
     "grpc-service1}\n  - {number: 80, protocol: http, name: http-service2}\n"
     "  resolution: STATIC\n  endpoints:\n  - {address: \"unix:///path/to/socket\"}\n",
     "error: a unix domain socket endpoint needs the ServiceEntry to have exactly one port"},
    {"empty protocol", "ServiceEntry",
     "  hosts: [google.com]\n  addresses: [172.1.2.16/16]\n  ports:\n"
     "  - {number: 80, protocol: http, name: http-valid1}\n  - {number: 8080, name: "
     "http-valid2}\n  resolution: NONE\n",
     ""},
    {"selector", "ServiceEntry",
     "  hosts: [google.com]\n  workloadSelector:\n    labels: {foo: bar}\n" HTTP_PORT,
     "warning: workloadSelector has no effect with resolution NONE"},
    {"workload selector without labels", "ServiceEntry",
     "  hosts: [google.com]\n" HTTP_PORTS "  workloadSelector: {}\n",
     "warning: a workload selector without labels selects every workload of the namespace"},
    {"selector and endpoints", "ServiceEntry",
     "  hosts: [google.com]\n  workloadSelector:\n    labels: {foo: bar}\n" HTTP_PORT
     "  endpoints:\n  - {address: 1.1.1.1}\n",
     "error: resolution NONE cannot have endpoints"},
    {"selector and resolution NONE", "ServiceEntry",
     "  hosts: [google.com]\n  workloadSelector:\n    labels: {foo: bar}\n" HTTP_PORT
     "  resolution: NONE\n",
     "warning: workloadSelector has no effect with resolution NONE"},
    {"selector and resolution DNS", "ServiceEntry",
     "  hosts: [google.com]\n  workloadSelector:\n    labels: {foo: bar}\n" HTTP_PORT
     "  resolution: DNS\n",
     ""},
    {"bad selector key", "ServiceEntry",
     "  hosts: [google.com]\n  workloadSelector:\n    labels: {\"\": bar}\n" HTTP_PORT,
     "error: a selector key may not be empty"},
    {"repeat target port", "ServiceEntry",
     "  hosts: [google.com]\n  resolution: DNS\n  ports:\n"
     "  - {number: 80, protocol: http, name: http-valid1, targetPort: 80}\n"
     "  - {number: 81, protocol: http, name: http-valid2, targetPort: 80}\n",
     ""},
    {"valid target port", "ServiceEntry",
     "  hosts: [google.com]\n  resolution: DNS\n  ports:\n"
     "  - {number: 80, protocol: http, name: http-valid1, targetPort: 81}\n",
     ""},
    {"invalid target port", "ServiceEntry",
     "  hosts: [google.com]\n  resolution: DNS\n  ports:\n"
     "  - {number: 80, protocol: http, name: http-valid1, targetPort: 65536}\n",
     "error: targetPort 65536 must be in the range 1..65535"},
    {"warn target port", "ServiceEntry",
     "  hosts: [google.com]\n  workloadSelector:\n    labels: {key: bar}\n  ports:\n"
     "  - {number: 80, protocol: http, name: http-valid1, targetPort: 1234}\n",
     "warning: workloadSelector has no effect with resolution NONE"},
    {"valid endpoint port", "ServiceEntry",
     "  hosts: [google.com]\n  ports:\n"
     "  - {number: 80, protocol: http, name: http-valid1, targetPort: 81}\n"
     "  resolution: STATIC\n  endpoints:\n  - {address: 1.1.1.1, ports: {http-valid1: 8081}}\n",
     ""},
    {"invalid endpoint port", "ServiceEntry",
     "  hosts: [google.com]\n  ports:\n"
     "  - {number: 80, protocol: http, name: http-valid1, targetPort: 81}\n"
     "  resolution: STATIC\n  endpoints:\n  - {address: 1.1.1.1, ports: {http-valid1: 65536}}\n",
     "error: port number 65536 must be in the range 1..65535"},
    {"protocol unset for addresses empty", "ServiceEntry",
     "  hosts: [google.com]\n  ports:\n  - {number: 80, protocol: http, name: http-valid1}\n"
     "  - {number: 8080, name: http-valid2}\n  resolution: NONE\n",
     "warning: a TCP port (or one without a protocol) needs the ServiceEntry to have addresses"},
    {"protocol is TCP for addresses empty", "ServiceEntry",
     "  hosts: [google.com]\n  addresses: []\n  ports:\n"
     "  - {number: 80, protocol: http, name: http-valid1}\n"
     "  - {number: 81, protocol: TCP, name: tcp-valid1}\n  resolution: NONE\n",
     "warning: resolution NONE gets no automatic address"},
    {"dns round robin with more than one endpoint", "ServiceEntry",
     "  hosts: [google.com]\n  ports:\n  - {number: 8081, protocol: http, name: http-valid1}\n"
     "  endpoints:\n  - {address: api-v1.istio.io, ports: {http-valid1: 8081}}\n"
     "  - {address: 1.1.1.2, ports: {http-valid1: 8081}}\n  resolution: DNS_ROUND_ROBIN\n",
     "error: resolution DNS_ROUND_ROBIN cannot have more than one endpoint"},
    {"dns round robin with 0 endpoints", "ServiceEntry",
     "  hosts: [google.com]\n  ports:\n  - {number: 8081, protocol: http, name: http-valid1}\n"
     "  endpoints: []\n  resolution: DNS_ROUND_ROBIN\n",
     ""},
    {"partial wildcard hosts", "ServiceEntry",
     "  hosts: [\"*.nytimes.com\", \"*washingtonpost.com\"]\n"
     "  ports:\n  - {number: 443, protocol: HTTPS, name: https-nytimes}\n  resolution: NONE\n",
     "warning: partial wildcard \"*washingtonpost.com\" is not supported"},
    {"network set with no address on endpoint", "ServiceEntry",
     "  hosts: [www.example.com]\n"
     "  ports:\n  - {number: 443, protocol: HTTPS, name: https-example}\n"
     "  endpoints:\n  - {network: cluster-1}\n  resolution: STATIC\n",
     "warning: the endpoint has no address, only network \"cluster-1\""},

    // The other branches of ValidateServiceEntry and validateWorkloadEntry.
    {"invalid address", "ServiceEntry", "  hosts: [google.com]\n  addresses: [1.2.3]\n" HTTP_PORT,
     "error: \"1.2.3\" is not an IP address or a CIDR block"},
    {"invalid cidr", "ServiceEntry",
     "  hosts: [example.com]\n  addresses: [1.2.3.4/99]\n" HTTP_PORT,
     "error: \"1.2.3.4/99\" is not a valid CIDR block"},
    {"ipv6 addresses", "ServiceEntry",
     "  hosts: [example.com]\n  addresses: [\"2001:db8::1\", \"2001:db8::/32\"]\n" HTTP_PORT, ""},
    {"invalid port name", "ServiceEntry",
     "  hosts: [google.com]\n  ports:\n  - {number: 80, protocol: http, name: http_1}\n",
     "error: port name \"http_1\" is not a DNS label"},
    {"unsupported protocol", "ServiceEntry",
     "  hosts: [google.com]\n  addresses: [10.0.0.1]\n"
     "  ports:\n  - {number: 9092, protocol: kafka, name: kafka}\n",
     "error: protocol \"kafka\" is not one Istio knows"},
    {"several hosts need HTTP or TLS ports", "ServiceEntry",
     "  hosts: [a.example.com, b.example.com]\n  addresses: [10.0.0.1]\n"
     "  ports:\n  - {number: 5432, protocol: TCP, name: tcp}\n  resolution: DNS\n",
     "error: a ServiceEntry with several hosts and resolution DNS needs HTTP or TLS ports"},
    {"several hosts with TLS ports", "ServiceEntry",
     "  hosts: [a.example.com, b.example.com]\n"
     "  ports:\n  - {number: 443, protocol: TLS, name: tls}\n  resolution: DNS\n",
     ""},
    {"static endpoint with bad label", "ServiceEntry",
     "  hosts: [google.com]\n" HTTP_PORT
     "  endpoints:\n  - {address: 1.1.1.1, labels: {app: \"-bad-\"}}\n  resolution: STATIC\n",
     "error: label value \"-bad-\" of \"app\" is not a valid label value"},
    {"endpoint with empty address", "ServiceEntry",
     "  hosts: [google.com]\n" HTTP_PORT "  endpoints:\n  - {address: \"\"}\n"
     "  resolution: STATIC\n",
     "error: an endpoint needs an address"},
    {"exported to no one", "ServiceEntry",
     "  hosts: [google.com]\n" HTTP_PORT "  exportTo: [\"~\"]\n", ""},
    {"exported to no one and someone", "ServiceEntry",
     "  hosts: [google.com]\n" HTTP_PORT "  exportTo: [\"~\", foo]\n",
     "error: a ServiceEntry cannot be exported to no one (\"~\") and to someone"},
    {"exported twice to this namespace", "ServiceEntry",
     "  hosts: [google.com]\n" HTTP_PORT "  exportTo: [default, .]\n",
     "error: exportTo lists both \".\" and the document's own namespace default"},

    // testdata/crds/serviceentry-invalid.yaml
    {"crd no spec", "ServiceEntry", "",
     "error: a ServiceEntry needs a spec with at least one host"},
    {"crd missing host", "ServiceEntry", "  {}\n", "error: missing required field \"hosts\""},
    {"crd bad selector value", "ServiceEntry",
     "  hosts: [example.com]\n  workloadSelector:\n    labels:\n      val: \"*\"\n",
     "error: the wildcard in \"val=*\" is not supported"},
    {"crd selector and endpoints", "ServiceEntry",
     "  hosts: [example.com]\n  workloadSelector: {}\n  endpoints:\n  - address: 1.2.3.4\n",
     "error: only one of"},
    {"crd bad host wildcard", "ServiceEntry", "  hosts: [\"*\"]\n",
     "error: a ServiceEntry host cannot be the wildcard"},
    {"crd bad host wildcard suffix", "ServiceEntry", "  hosts: [\"foo*\"]\n",
     "error: domain name \"foo*\" is invalid"},
    {"crd bad cidr resolution", "ServiceEntry",
     "  hosts: [example.com]\n  addresses: [1.2.3.4/16]\n  resolution: DNS\n",
     "error: CIDR addresses are allowed only with resolution NONE or STATIC"},
    {"crd duplicate ports name", "ServiceEntry",
     "  hosts: [example.com]\n  ports:\n  - name: a\n    number: 1\n  - name: a\n    number: 12\n",
     "error: port name \"a\" is used twice"},
    {"crd duplicate ports number", "ServiceEntry",
     "  hosts: [example.com]\n  ports:\n  - name: a\n    number: 1\n  - name: b\n    number: 1\n",
     "error: port number 1 is listed twice"},
    {"crd bad port", "ServiceEntry",
     "  hosts: [example.com]\n  ports:\n  - name: a\n    number: 99999\n",
     "error: port number 99999 must be in the range 1..65535"},
    {"crd bad port target", "ServiceEntry",
     "  hosts: [example.com]\n  ports:\n  - name: a\n    number: 1\n    targetPort: 99999\n",
     "error: targetPort 99999 must be in the range 1..65535"},
    {"crd none with endpoints", "ServiceEntry",
     "  hosts: [example.com]\n  endpoints:\n  - address: \"1.2.3.4\"\n  resolution: NONE\n",
     "error: resolution NONE cannot have endpoints"},
    {"crd dns rr with multiple endpoints", "ServiceEntry",
     "  hosts: [example.com]\n  resolution: DNS_ROUND_ROBIN\n  endpoints:\n"
     "  - address: sub1.example.com\n  - address: sub2.example.com\n",
     "error: resolution DNS_ROUND_ROBIN cannot have more than one endpoint"},

    // testdata/crds/serviceentry-valid.yaml
    {"crd full", "ServiceEntry",
     "  hosts: [example.com]\n  workloadSelector:\n    labels:\n      foo: bar\n"
     "  addresses: [1.2.3.4, \"001:db8::\"]\n  exportTo: [foo, .]\n  location: MESH_EXTERNAL\n"
     "  ports:\n  - name: foo\n    protocol: HTTP\n    number: 1234\n    targetPort: 2345\n"
     "  subjectAltNames: [sa]\n  resolution: DNS\n",
     ""},
    {"crd static endpoints", "ServiceEntry",
     "  hosts: [example.com]\n  endpoints:\n  - address: sub.example.com\n"
     "  ports:\n  - name: foo\n    protocol: HTTP\n    number: 1234\n    targetPort: 2345\n"
     "  resolution: DNS\n",
     ""},
    {"crd empty selector", "ServiceEntry", "  workloadSelector: {}\n  hosts: [example.com]\n",
     "warning: a workload selector without labels"},
    {"crd partial wildcard", "ServiceEntry", "  hosts: [\"*x\"]\n",
     "warning: partial wildcard \"*x\" is not supported"},
    {"crd none cidr", "ServiceEntry", "  hosts: [example.com]\n  addresses:\n  - 1.1.1.1/32\n", ""},
};

} // namespace

class TestWebhookServiceEntry : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cases_data() { addRows(kCases); }
    void cases() {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, expect);
        verifyRow(yaml, expect);
    }

    // The opt-out label turns automatic addresses off whatever the resolution.
    void autoAllocationOptOut() {
        const QByteArray yaml = "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\n"
                                "metadata:\n  name: db\n  namespace: default\n  labels:\n"
                                "    networking.istio.io/enable-autoallocate-ip: \"false\"\n"
                                "spec:\n  hosts: [db.example.com]\n  resolution: DNS\n"
                                "  ports:\n  - {number: 5432, protocol: TCP, name: tcp}\n";
        verifyRow(yaml, QStringLiteral("warning: the ServiceEntry opts out of automatic "
                                       "addresses"));
        QByteArray allocated = yaml;
        allocated.replace("\"false\"", "\"true\"");
        verifyRow(allocated, QString());
    }
};

QTEST_GUILESS_MAIN(TestWebhookServiceEntry)
#include "tst_webhook_serviceentry.moc"

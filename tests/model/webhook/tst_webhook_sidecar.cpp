// Istio's validation webhook for Sidecars, case by case from Istio's validation_test.go
// (TestValidateSidecar; its IPv4 and IPv6 twins both kept), then rules of the webhook those tests
// leave out. The documents live in namespace "default", where Istio's tests use "bar".
#include "WebhookTable.h"

using namespace egret;
using namespace egret::webhooktest;

namespace {

constexpr const char *SC = "Sidecar";

// An egress listener importing everything, for cases about the other parts.
#define ALL_EGRESS "  egress:\n  - hosts: [\"*/*\"]\n"

const WebhookCase kCases[] = {
    {"empty ingress and egress", SC, "  egress: []\n", "error: a Sidecar must set at least one of"},
    {"no spec", SC, "", "error: a Sidecar must set at least one of"},
    {"default", SC, ALL_EGRESS, ""},
    {"workload selector without labels", SC, "  workloadSelector: {}\n" ALL_EGRESS,
     "warning: a workload selector without labels applies this Sidecar"},
    {"import local namespace with wildcard", SC, "  egress:\n  - hosts: [./*]\n", ""},
    {"import local namespace with fqdn", SC, "  egress:\n  - hosts: [./foo.com]\n", ""},
    {"import nothing", SC, "  egress:\n  - hosts: [~/*]\n", ""},
    {"bad egress host 1", SC, "  egress:\n  - hosts: [\"*\"]\n",
     "error: must be of the form namespace/dnsName"},
    {"bad egress host 2", SC, "  egress:\n  - hosts: [/]\n",
     "error: needs both a namespace and a DNS name"},
    {"empty egress host", SC, "  egress:\n  - hosts: []\n",
     "error: an egress listener needs at least one host"},
    {"multiple wildcard egress", SC, R"(  egress:
  - hosts: ["*/foo.com"]
  - hosts: [ns1/bar.com]
)",
     "error: refuses it [spec.egress[0]]"},
    {"wildcard egress not in end", SC, R"(  egress:
  - hosts: ["*/foo.com"]
  - port: {protocol: http, number: 8080, name: h8080}
    hosts: [ns1/bar.com]
)",
     "error: so it must be the last listener"},
    {"invalid port", SC, R"(  egress:
  - port: {protocol: http1, number: 1000000, name: ""}
    hosts: [ns1/bar.com]
)",
     "error: port number 1000000 must be in the range 1..65535"},
    {"invalid protocol", SC, R"(  egress:
  - port: {protocol: http1, number: 8080}
    hosts: [ns1/bar.com]
)",
     "error: protocol \"http1\" is not one Istio knows"},
    {"port without name", SC, R"(  egress:
  - port: {protocol: http, number: 8080}
    hosts: [ns1/bar.com]
)",
     ""},
    {"UDS bind in outbound", SC,
     "  egress:\n"
     "  - port: {protocol: http, number: 0, name: uds}\n"
     "    hosts: [ns1/bar.com]\n"
     "    bind: unix:///@foo/bar/com\n",
     ""},
    {"UDS bind in inbound", SC,
     "  ingress:\n"
     "  - port: {protocol: http, number: 0, name: uds}\n"
     "    bind: unix:///@foo/bar/com\n"
     "    defaultEndpoint: 127.0.0.1:9999\n",
     "error: port number 0 must be in the range 1..65535"},
    {"UDS bind in outbound 2", SC,
     "  egress:\n"
     "  - port: {protocol: http, number: 0, name: uds}\n"
     "    hosts: [ns1/bar.com]\n"
     "    bind: unix:///foo/bar/com\n",
     ""},
    {"invalid bind", SC,
     "  egress:\n"
     "  - port: {protocol: http, number: 0, name: uds}\n"
     "    hosts: [ns1/bar.com]\n"
     "    bind: foobar:///@foo/bar/com\n",
     "error: its bind must be unix://<path>"},
    {"invalid capture mode with uds bind", SC,
     "  egress:\n"
     "  - port: {protocol: http, number: 0, name: uds}\n"
     "    hosts: [ns1/bar.com]\n"
     "    bind: unix:///@foo/bar/com\n"
     "    captureMode: IPTABLES\n",
     "error: a unix domain socket listener takes captureMode DEFAULT or NONE"},
    {"duplicate UDS bind", SC,
     "  egress:\n"
     "  - port: {protocol: http, number: 0, name: uds}\n"
     "    hosts: [ns1/bar.com]\n"
     "    bind: unix:///@foo/bar/com\n"
     "  - port: {protocol: http, number: 0, name: uds}\n"
     "    hosts: [ns1/bar.com]\n"
     "    bind: unix:///@foo/bar/com\n",
     "error: unix domain socket \"unix:///@foo/bar/com\" is bound by two listeners"},
    {"duplicate ports", SC, R"(  egress:
  - port: {protocol: http, number: 90, name: foo}
    hosts: [ns1/bar.com]
  - port: {protocol: tcp, number: 90, name: tcp}
    hosts: [ns2/bar.com]
)",
     "error: egress port 90 is used twice"},
    {"ingress without port", SC, R"(  ingress:
  - defaultEndpoint: 127.0.0.1:110
)" ALL_EGRESS,
     "error: missing required field \"port\""},
    {"ingress without port and with IPv6 endpoint", SC, R"(  ingress:
  - defaultEndpoint: "[::1]:110"
)" ALL_EGRESS,
     "error: missing required field \"port\""},
    {"ingress with duplicate ports", SC, R"(  ingress:
  - port: {protocol: http, number: 90, name: foo}
    defaultEndpoint: 127.0.0.1:110
  - port: {protocol: tcp, number: 90, name: bar}
    defaultEndpoint: 127.0.0.1:110
)" ALL_EGRESS,
     "error: ingress port 90 is used twice"},
    {"ingress with duplicate ports and IPv6 endpoint", SC, R"(  ingress:
  - port: {protocol: http, number: 90, name: foo}
    defaultEndpoint: "[::1]:110"
  - port: {protocol: tcp, number: 90, name: bar}
    defaultEndpoint: "[::1]:110"
)" ALL_EGRESS,
     "error: ingress port 90 is used twice"},
    {"ingress without default endpoint", SC, R"(  ingress:
  - port: {protocol: http, number: 90, name: foo}
)" ALL_EGRESS,
     ""},
    {"ingress with invalid default endpoint in IPv4", SC, R"(  ingress:
  - port: {protocol: http, number: 90, name: foo}
    defaultEndpoint: 1.1.1.1:90
)",
     "error: defaultEndpoint must be 127.0.0.1:<port>"},
    {"ingress with invalid default endpoint in IPv6", SC, R"(  ingress:
  - port: {protocol: http, number: 90, name: foo}
    defaultEndpoint: "[1:1:1:1:1:1:1:1]:90"
)",
     "error: defaultEndpoint must be 127.0.0.1:<port>"},
    {"ingress with invalid default endpoint uds", SC,
     "  ingress:\n"
     "  - port: {protocol: http, number: 90, name: foo}\n"
     "    defaultEndpoint: unix:///\n" ALL_EGRESS,
     "error: unix domain socket \"/\" is not an absolute path to a file"},
    {"ingress with invalid default endpoint port in IPv4", SC, R"(  ingress:
  - port: {protocol: http, number: 90, name: foo}
    defaultEndpoint: 127.0.0.1:hi
)" ALL_EGRESS,
     "error: defaultEndpoint port \"hi\" is not a number"},
    {"ingress with invalid default endpoint port in IPv6", SC, R"(  ingress:
  - port: {protocol: http, number: 90, name: foo}
    defaultEndpoint: "[::1]:hi"
)" ALL_EGRESS,
     "error: defaultEndpoint port \"hi\" is not a number"},
    {"valid ingress and egress in IPv4", SC, R"(  ingress:
  - port: {protocol: http, number: 90, name: foo}
    defaultEndpoint: 127.0.0.1:9999
)" ALL_EGRESS,
     ""},
    {"valid ingress and egress in IPv6", SC, R"(  ingress:
  - port: {protocol: http, number: 90, name: foo}
    defaultEndpoint: "[::1]:9999"
)" ALL_EGRESS,
     ""},
    {"valid ingress and empty egress in IPv4", SC, R"(  ingress:
  - port: {protocol: http, number: 90, name: foo}
    defaultEndpoint: 127.0.0.1:9999
)",
     ""},
    {"valid ingress and empty egress in IPv6", SC, R"(  ingress:
  - port: {protocol: http, number: 90, name: foo}
    defaultEndpoint: "[::1]:9999"
)",
     ""},
    {"just outbound traffic policy", SC, "  outboundTrafficPolicy: {mode: ALLOW_ANY}\n", ""},
    {"empty protocol in IPv4", SC, R"(  ingress:
  - port: {number: 90, name: foo}
    defaultEndpoint: 127.0.0.1:9999
)" ALL_EGRESS,
     ""},
    {"empty protocol in IPv6", SC, R"(  ingress:
  - port: {number: 90, name: foo}
    defaultEndpoint: "[::1]:9999"
)" ALL_EGRESS,
     ""},
    {"ALLOW_ANY without egress proxy", SC,
     "  outboundTrafficPolicy: {mode: ALLOW_ANY}\n" ALL_EGRESS, ""},
    {"egress proxy with REGISTRY_ONLY (the default)", SC, R"(  outboundTrafficPolicy:
    egressProxy:
      host: foo.bar
      subset: shiny
      port: {number: 5000}
)" ALL_EGRESS,
     "error: egressProxy works only with mode ALLOW_ANY"},
    {"egress proxy with ALLOW_ANY", SC, R"(  outboundTrafficPolicy:
    mode: ALLOW_ANY
    egressProxy:
      host: foo.bar
      subset: shiny
      port: {number: 5000}
)" ALL_EGRESS,
     ""},
    {"egress proxy with ALLOW_ANY, host not a domain name", SC, R"(  outboundTrafficPolicy:
    mode: ALLOW_ANY
    egressProxy:
      host: foobar*123
      subset: shiny
      port: {number: 5000}
)" ALL_EGRESS,
     "error: egressProxy host: domain name \"foobar*123\" is invalid"},
    {"egress proxy without port", SC, R"(  outboundTrafficPolicy:
    mode: ALLOW_ANY
    egressProxy:
      host: foo.bar
      subset: shiny
)" ALL_EGRESS,
     "error: egressProxy needs a port"},
    {"egress only one wildcarded", SC, "  egress:\n  - hosts: [\"*/*\", test/a.com]\n",
     "warning: \"*/*\" imports every host"},
    {"egress wildcarded namespace", SC, "  egress:\n  - hosts: [\"*/b.com\", test/a.com]\n", ""},
    {"egress duplicated with wildcarded same namespace", SC,
     "  egress:\n  - hosts: [test/*, test/a.com]\n",
     "warning: egress host \"test/a.com\" repeats what another host"},
    {"invalid partial wildcard", SC, "  egress:\n  - hosts: [test/*a.com]\n",
     "error: a wildcard must be the whole first label"},
    {"egress duplicated with wildcarded same namespace .", SC,
     "  egress:\n  - hosts: [./*, default/a.com]\n",
     "warning: egress host \"default/a.com\" repeats what another host"},
    {"ingress tls mode ISTIO_MUTUAL in IPv4", SC, R"(  ingress:
  - port: {protocol: http, number: 90, name: foo}
    defaultEndpoint: 127.0.0.1:9999
    tls: {mode: ISTIO_MUTUAL}
)",
     "error: a Sidecar's ingress TLS cannot use mode ISTIO_MUTUAL"},
    {"ingress tls mode ISTIO_MUTUAL in IPv6", SC, R"(  ingress:
  - port: {protocol: http, number: 90, name: foo}
    defaultEndpoint: "[::1]:9999"
    tls: {mode: ISTIO_MUTUAL}
)",
     "error: a Sidecar's ingress TLS cannot use mode ISTIO_MUTUAL"},
    {"ingress tls mode AUTO_PASSTHROUGH in IPv4", SC, R"(  ingress:
  - port: {protocol: http, number: 90, name: foo}
    defaultEndpoint: 127.0.0.1:9999
    tls: {mode: AUTO_PASSTHROUGH}
)",
     "error: a Sidecar's ingress TLS cannot use mode AUTO_PASSTHROUGH"},
    {"ingress tls mode AUTO_PASSTHROUGH in IPv6", SC, R"(  ingress:
  - port: {protocol: http, number: 90, name: foo}
    defaultEndpoint: "[::1]:9999"
    tls: {mode: AUTO_PASSTHROUGH}
)",
     "error: a Sidecar's ingress TLS cannot use mode AUTO_PASSTHROUGH"},
    {"ingress tls invalid protocol in IPv4", SC, R"(  ingress:
  - port: {protocol: tcp, number: 90, name: foo}
    defaultEndpoint: 127.0.0.1:9999
    tls: {mode: SIMPLE}
)",
     "error: TLS settings need a port of protocol HTTPS or TLS"},
    {"ingress tls invalid protocol in IPv6", SC, R"(  ingress:
  - port: {protocol: tcp, number: 90, name: foo}
    defaultEndpoint: "[::1]:9999"
    tls: {mode: SIMPLE}
)",
     "error: TLS settings need a port of protocol HTTPS or TLS"},
    {"ingress tls httpsRedirect in IPv4", SC, R"(  ingress:
  - port: {protocol: tcp, number: 90, name: foo}
    defaultEndpoint: 127.0.0.1:9999
    tls: {mode: SIMPLE, httpsRedirect: true}
)",
     "error: a Sidecar's ingress TLS does not support httpsRedirect"},
    {"ingress tls httpsRedirect in IPv6", SC, R"(  ingress:
  - port: {protocol: tcp, number: 90, name: foo}
    defaultEndpoint: "[::1]:9999"
    tls: {mode: SIMPLE, httpsRedirect: true}
)",
     "error: a Sidecar's ingress TLS does not support httpsRedirect"},
    {"ingress tls SAN entries in IPv4", SC, R"(  ingress:
  - port: {protocol: tcp, number: 90, name: foo}
    defaultEndpoint: 127.0.0.1:9999
    tls: {mode: SIMPLE, subjectAltNames: [httpbin.com]}
)",
     "error: a Sidecar's ingress TLS does not support subjectAltNames"},
    {"ingress tls SAN entries in IPv6", SC, R"(  ingress:
  - port: {protocol: tcp, number: 90, name: foo}
    defaultEndpoint: "[::1]:9999"
    tls: {mode: SIMPLE, subjectAltNames: [httpbin.com]}
)",
     "error: a Sidecar's ingress TLS does not support subjectAltNames"},
    {"ingress tls credentialName in IPv4", SC, R"(  ingress:
  - port: {protocol: tcp, number: 90, name: foo}
    defaultEndpoint: 127.0.0.1:9999
    tls: {mode: SIMPLE, credentialName: secret-name}
)",
     "error: a Sidecar's ingress TLS does not support credentialName"},
    {"ingress tls credentialName in IPv6", SC, R"(  ingress:
  - port: {protocol: tcp, number: 90, name: foo}
    defaultEndpoint: "[::1]:9999"
    tls: {mode: SIMPLE, credentialName: secret-name}
)",
     "error: a Sidecar's ingress TLS does not support credentialName"},
    {"ingress tls credentialNames in IPv4", SC, R"(  ingress:
  - port: {protocol: tcp, number: 90, name: foo}
    defaultEndpoint: 127.0.0.1:9999
    tls: {mode: SIMPLE, credentialNames: [secret-name]}
)",
     "error: a Sidecar's ingress TLS does not support credentialNames"},
    {"ingress tls credentialNames in IPv6", SC, R"(  ingress:
  - port: {protocol: tcp, number: 90, name: foo}
    defaultEndpoint: "[::1]:9999"
    tls: {mode: SIMPLE, credentialNames: [secret-name]}
)",
     "error: a Sidecar's ingress TLS does not support credentialNames"},
    {"ingress tls tlsCertificates in IPv4", SC, R"(  ingress:
  - port: {protocol: tcp, number: 90, name: foo}
    defaultEndpoint: 127.0.0.1:9999
    tls:
      mode: SIMPLE
      tlsCertificates:
      - {serverCertificate: /etc/istio/ingress-certs/tls.crt, privateKey: /etc/istio/ingress-certs/tls.key}
      - {serverCertificate: /etc/istio/ingress-certs/tls2.crt, privateKey: /etc/istio/ingress-certs/tls2.key}
)",
     "error: a Sidecar's ingress TLS does not support tlsCertificates"},
    {"ingress tls tlsCertificates in IPv6", SC, R"(  ingress:
  - port: {protocol: tcp, number: 90, name: foo}
    defaultEndpoint: "[::1]:9999"
    tls:
      mode: SIMPLE
      tlsCertificates:
      - {serverCertificate: /etc/istio/ingress-certs/tls.crt, privateKey: /etc/istio/ingress-certs/tls.key}
)",
     "error: a Sidecar's ingress TLS does not support tlsCertificates"},
    {"valid inbound connection pool", SC, R"(  inboundConnectionPool:
    http:
      http1MaxPendingRequests: 1024
      http2MaxRequests: 1024
      maxRequestsPerConnection: 1024
      maxRetries: 1024
)",
     ""},
    {"valid port-level connection pool with top level default", SC, R"(  ingress:
  - port: {protocol: http, number: 90, name: foo}
    connectionPool:
      http: {http1MaxPendingRequests: 1024, http2MaxRequests: 1024, maxRetries: 1024}
  inboundConnectionPool:
    http: {http1MaxPendingRequests: 1024, http2MaxRequests: 1024, maxRetries: 1024}
)",
     ""},
    {"valid port-level connection pool without a top level default", SC, R"(  ingress:
  - port: {protocol: http, number: 90, name: foo}
    connectionPool:
      http: {http1MaxPendingRequests: 1024, maxRequestsPerConnection: 1024}
)",
     ""},
    {"http connection settings on a tcp port", SC, R"(  ingress:
  - port: {protocol: tcp, number: 90, name: foo}
    connectionPool:
      http: {http1MaxPendingRequests: 1024, http2MaxRequests: 1024}
)",
     "warning: port 90 (foo) is not HTTP but tcp, so only its TCP connection pool settings"},
    {"invalid top level connection pool", SC, "  inboundConnectionPool: {}\n",
     "error: a connection pool must set tcp or http settings"},
    {"invalid port-level connection pool", SC, R"(  ingress:
  - port: {protocol: tcp, number: 90, name: foo}
    connectionPool: {}
)",
     "error: a connection pool must set tcp or http settings"},

    // The webhook's rules the tests above leave out
    {"workload selector with a wildcard", SC, R"(  workloadSelector:
    labels: {app: "web*"}
)" ALL_EGRESS,
     "error: the wildcard in \"app=web*\" is not supported"},
    {"egress host with a short name", SC, "  egress:\n  - hosts: [istio-system/istiod]\n",
     "error: uses a short name"},
    {"egress host with a bad namespace", SC, "  egress:\n  - hosts: [Bad_NS/api.example.com]\n",
     "error: its namespace is not"},
    {"egress host repeated", SC, "  egress:\n  - hosts: [./api.example.com, ./api.example.com]\n",
     "warning: egress host \"./api.example.com\" repeats what another host"},
    {"egress port with targetPort", SC, R"(  egress:
  - port: {protocol: HTTP, number: 8080, name: http, targetPort: 80}
    hosts: [./api.example.com]
)",
     "error: targetPort has no effect on a Sidecar"},
    {"egress port name not a DNS label", SC, R"(  egress:
  - port: {protocol: HTTP, number: 8080, name: http_8080}
    hosts: [./api.example.com]
)",
     "error: port name \"http_8080\" is not a DNS label"},
    {"egress bind not an address", SC, R"(  egress:
  - port: {protocol: HTTP, number: 8080}
    bind: localhost
    hosts: [./api.example.com]
)",
     "error: bind \"localhost\" is not an IP address"},
    {"egress listeners with a catch-all last", SC,
     "  egress:\n"
     "  - port: {protocol: HTTP, number: 8080, name: http}\n"
     "    bind: 127.0.0.1\n"
     "    hosts: [./api.example.com]\n"
     "  - hosts: [istio-system/*, ./*]\n",
     ""},
    {"ingress SIMPLE TLS with files", SC, R"(  ingress:
  - port: {protocol: HTTPS, number: 8443, name: https}
    defaultEndpoint: 127.0.0.1:8080
    tls: {mode: SIMPLE, serverCertificate: /etc/certs/cert.pem, privateKey: /etc/certs/key.pem}
)",
     ""},
    {"ingress SIMPLE TLS without a key", SC, R"(  ingress:
  - port: {protocol: HTTPS, number: 8443, name: https}
    tls: {mode: SIMPLE, serverCertificate: /etc/certs/cert.pem}
)",
     "error: SIMPLE TLS needs a privateKey"},
    {"ingress MUTUAL TLS without a CA", SC, R"(  ingress:
  - port: {protocol: HTTPS, number: 8443, name: https}
    tls: {mode: MUTUAL, serverCertificate: /etc/certs/cert.pem, privateKey: /etc/certs/key.pem}
)",
     "error: MUTUAL TLS needs caCertificates"},
    {"ingress SIMPLE TLS with a CRL", SC, R"(  ingress:
  - port: {protocol: HTTPS, number: 8443, name: https}
    tls:
      mode: SIMPLE
      serverCertificate: /etc/certs/cert.pem
      privateKey: /etc/certs/key.pem
      caCrl: /etc/certs/crl.pem
)",
     "error: caCrl cannot be used with SIMPLE TLS"},
    {"ingress TLS 1.0 without ciphers", SC, R"(  ingress:
  - port: {protocol: HTTPS, number: 8443, name: https}
    tls:
      mode: SIMPLE
      serverCertificate: /etc/certs/cert.pem
      privateKey: /etc/certs/key.pem
      minProtocolVersion: TLSV1_0
)",
     "warning: TLS versions below 1.2 need cipherSuites"},
    {"ingress passthrough TLS with files", SC, R"(  ingress:
  - port: {protocol: TLS, number: 8443, name: tls}
    tls: {mode: PASSTHROUGH, serverCertificate: /etc/certs/cert.pem}
)",
     "warning: PASSTHROUGH mode uses no certificates"},
    {"ingress bind to a unix socket", SC,
     "  ingress:\n"
     "  - port: {protocol: HTTP, number: 8080, name: http}\n"
     "    bind: unix:///var/run/app.sock\n",
     "error: bind \"unix:///var/run/app.sock\" is not an IP address"},
    {"egress proxy subset not a DNS label", SC, R"(  outboundTrafficPolicy:
    mode: ALLOW_ANY
    egressProxy:
      host: proxy.example.com
      subset: v1.0
      port: {number: 3128}
)",
     "error: subset name \"v1.0\" is not a DNS label"},
    {"egress proxy port 0", SC, R"(  outboundTrafficPolicy:
    mode: ALLOW_ANY
    egressProxy:
      host: proxy.example.com
      port: {number: 0}
)",
     "error: port number 0 must be in the range 1..65535"},
};

#undef ALL_EGRESS

} // namespace

class TestWebhookSidecar : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cases_data() { addRows(kCases); }
    void cases() {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, expect);
        verifyRow(yaml, expect);
    }
};

QTEST_GUILESS_MAIN(TestWebhookSidecar)
#include "tst_webhook_sidecar.moc"

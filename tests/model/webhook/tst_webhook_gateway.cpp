// Istio's validation webhook for Gateways, case by case from Istio's validation_test.go
// (TestValidateGateway, TestValidateServer, TestValidateServerPort, TestValidateTlsOptions).
#include "WebhookTable.h"

using namespace egret;
using namespace egret::webhooktest;

namespace {

// A Gateway with one server: its port as a flow mapping, then the server's other keys.
#define SERVER(port, rest)                                                                         \
    "  selector:\n    istio: egressgateway\n  servers:\n  - port: " port "\n" rest
#define HTTP_SERVER(rest) SERVER("{number: 80, name: http, protocol: HTTP}", rest)
// An HTTPS server for foo.bar.com with the TLS settings given as a flow mapping.
#define HTTPS_TLS(tls)                                                                             \
    SERVER("{number: 443, name: https, protocol: HTTPS}",                                          \
           "    hosts: [foo.bar.com]\n    tls: " tls "\n")
#define CERT "serverCertificate: /etc/certs/cert.pem"
#define KEY "privateKey: /etc/certs/key.pem"
#define CA "caCertificates: /etc/certs/ca.pem"

const WebhookCase kCases[] = {
    // TestValidateGateway
    {"one server", "Gateway",
     "  selector:\n    istio: egressgateway\n  servers:\n  - port: {number: 80, name: http, "
     "protocol: HTTP}\n    hosts: [\"*\"]\n",
     ""},
    {"no servers", "Gateway", "  selector:\n    istio: egressgateway\n",
     "error: a Gateway needs at least one server"},
    {"no spec", "Gateway", "", "error: a Gateway needs at least one server"},
    {"empty servers", "Gateway", "  selector:\n    istio: egressgateway\n  servers: []\n",
     "error: a Gateway needs at least one server"},
    {"happy domain", "Gateway",
     SERVER("{number: 7, name: name1, protocol: http}", "    hosts: [foo.bar.com]\n"), ""},
    {"happy multiple servers", "Gateway",
     "  selector:\n    istio: egressgateway\n  servers:\n"
     "  - port: {number: 80, name: http, protocol: HTTP}\n    hosts: [foo.bar.com]\n"
     "  - port: {number: 443, name: tls, protocol: TLS}\n    hosts: [foo.bar.com]\n"
     "    tls: {mode: PASSTHROUGH}\n",
     ""},
    {"gateway-api namespace ~ without gateway semantics", "Gateway",
     HTTP_SERVER("    hosts: [~/foo.bar.com]\n"), "error: namespace \"~\""},
    {"invalid port", "Gateway",
     SERVER("{number: 66000, name: name1, protocol: http}", "    hosts: [foo.bar.com]\n"),
     "error: port number 66000 must be in the range 1..65535"},
    {"duplicate port names", "Gateway",
     "  selector:\n    istio: egressgateway\n  servers:\n"
     "  - port: {number: 80, name: foo, protocol: HTTP}\n    hosts: [foo.bar.com]\n"
     "  - port: {number: 8080, name: foo, protocol: HTTP}\n    hosts: [scooby.doo.com]\n",
     "error: port name \"foo\" is used by two servers"},
    {"invalid domain", "Gateway", HTTP_SERVER("    hosts: [foo.*.bar.com]\n"),
     "error: domain name \"foo.*.bar.com\" is invalid"},
    {"valid httpsRedirect", "Gateway",
     HTTP_SERVER("    hosts: [bar.com]\n    tls: {httpsRedirect: true}\n"), ""},
    {"https httpsRedirect is a warning", "Gateway",
     SERVER("{number: 80, name: https, protocol: https}",
            "    hosts: [bar.com]\n    tls: {httpsRedirect: true}\n"),
     "warning: tls.httpsRedirect only applies to HTTP servers"},
    {"invalid partial wildcard", "Gateway",
     SERVER("{number: 443, name: tls, protocol: tls}",
            "    hosts: [\"*bar.com\"]\n    tls: {mode: ISTIO_MUTUAL}\n"),
     "error: partial wildcard \"*bar.com\" is not allowed"},

    // TestValidateServer
    {"server without hosts", "Gateway", HTTP_SERVER("    hosts: []\n"),
     "error: a server needs at least one host"},
    {"server without port", "Gateway",
     "  selector:\n    istio: egressgateway\n  servers:\n  - hosts: [foo.bar.com]\n",
     "error: missing required field \"port\""},
    {"happy ip", "Gateway", HTTP_SERVER("    hosts: [1.1.1.1]\n"), ""},
    {"happy ns/name", "Gateway", HTTP_SERVER("    hosts: [ns1/foo.bar.com]\n"), ""},
    {"happy */name", "Gateway", HTTP_SERVER("    hosts: [\"*/foo.bar.com\"]\n"), ""},
    {"happy ./name", "Gateway", HTTP_SERVER("    hosts: [./foo.bar.com]\n"), ""},
    {"happy wildcard host", "Gateway", HTTP_SERVER("    hosts: [\"*.bar.com\"]\n"), ""},
    {"invalid domain ns/name format", "Gateway", HTTP_SERVER("    hosts: [ns1/foo.*.bar.com]\n"),
     "error: domain name \"foo.*.bar.com\" is invalid"},
    {"invalid namespace", "Gateway", HTTP_SERVER("    hosts: [Not_A_Namespace/foo.bar.com]\n"),
     "error: namespace \"Not_A_Namespace\""},
    {"empty namespace", "Gateway", HTTP_SERVER("    hosts: [/foo.bar.com]\n"),
     "error: needs both a namespace and a name"},
    {"invalid short name host", "Gateway", HTTP_SERVER("    hosts: [foo]\n"),
     "error: host \"foo\" is a short name"},
    {"invalid short name after namespace", "Gateway", HTTP_SERVER("    hosts: [ns1/foo]\n"),
     "error: host \"foo\" is a short name"},
    {"invalid tls options", "Gateway",
     SERVER("{number: 1, name: http, protocol: http}",
            "    hosts: [foo.bar.com]\n    tls: {mode: SIMPLE}\n"),
     "error: SIMPLE TLS needs a server certificate"},
    {"no tls on HTTPS", "Gateway",
     SERVER("{number: 10000, name: https, protocol: https}", "    hosts: [foo.bar.com]\n"),
     "error: an HTTPS or TLS server needs TLS settings"},
    {"no tls on TLS", "Gateway",
     SERVER("{number: 443, name: tls, protocol: TLS}", "    hosts: [foo.bar.com]\n"),
     "error: an HTTPS or TLS server needs TLS settings"},
    {"tls on HTTP", "Gateway",
     HTTP_SERVER("    hosts: [foo.bar.com]\n    tls: {mode: SIMPLE, credentialName: cred}\n"),
     "error: a plain-text HTTP server cannot terminate TLS"},
    {"tls with certificate on HTTP redirect", "Gateway",
     HTTP_SERVER("    hosts: [foo.bar.com]\n    tls: {httpsRedirect: true, " KEY "}\n"),
     "error: a plain-text HTTP server cannot terminate TLS"},
    {"tls on TCP", "Gateway",
     SERVER("{number: 9000, name: tcp, protocol: TCP}",
            "    hosts: [foo.bar.com]\n    tls: {mode: PASSTHROUGH}\n"),
     "error: neither HTTPS nor TLS cannot have TLS settings"},
    {"bind ip", "Gateway", HTTP_SERVER("    hosts: [foo.bar.com]\n    bind: 127.0.0.1\n"), ""},
    {"bind ipv6", "Gateway", HTTP_SERVER("    hosts: [foo.bar.com]\n    bind: \"::1\"\n"), ""},
    {"bind unix path with invalid port", "Gateway",
     SERVER("{number: 7, name: http, protocol: http}",
            "    hosts: [foo.bar.com]\n    bind: unix://@foobar\n"),
     "error: a server bound to a unix domain socket needs port number 0"},
    {"bind unix path", "Gateway",
     SERVER("{number: 0, name: http, protocol: http}",
            "    hosts: [foo.bar.com]\n    bind: unix://@foobar\n"),
     ""},
    {"bind relative unix path", "Gateway",
     SERVER("{number: 0, name: http, protocol: http}",
            "    hosts: [foo.bar.com]\n    bind: unix://tmp/sock\n"),
     "error: unix domain socket \"tmp/sock\" is not an absolute path"},
    {"bind bad ip", "Gateway",
     SERVER("{number: 0, name: http, protocol: http}",
            "    hosts: [foo.bar.com]\n    bind: foo.bar\n"),
     "error: bind \"foo.bar\" is not an IP address"},

    // TestValidateServerPort
    {"port empty", "Gateway", SERVER("{}", "    hosts: [foo.bar.com]\n"),
     "error: missing required field \"protocol\""},
    {"port happy", "Gateway",
     SERVER("{number: 1, name: Henry, protocol: http}", "    hosts: [foo.bar.com]\n"), ""},
    {"port invalid protocol", "Gateway",
     SERVER("{number: 1, name: Henry, protocol: kafka}", "    hosts: [foo.bar.com]\n"),
     "error: protocol \"kafka\" is not one Istio knows"},
    {"port empty protocol", "Gateway",
     SERVER("{number: 1, name: Henry, protocol: \"\"}", "    hosts: [foo.bar.com]\n"),
     "error: protocol \"\" is not one Istio knows"},
    {"port invalid number", "Gateway",
     SERVER("{number: 1073741824, name: http, protocol: http}", "    hosts: [foo.bar.com]\n"),
     "error: port number 1073741824 must be in the range 1..65535"},
    {"port name, no number", "Gateway",
     SERVER("{number: 0, name: Henry, protocol: http}", "    hosts: [foo.bar.com]\n"),
     "error: port number 0 must be in the range 1..65535"},
    {"port name, no number, not a unix bind", "Gateway",
     SERVER("{number: 0, name: Henry, protocol: http}",
            "    hosts: [foo.bar.com]\n    bind: uds:///tmp\n"),
     "error: port number 0 must be in the range 1..65535"},
    {"port empty name", "Gateway",
     SERVER("{number: 80, name: \"\", protocol: http}", "    hosts: [foo.bar.com]\n"),
     "error: a server port needs a name"},
    {"port target port", "Gateway",
     SERVER("{number: 80, name: http, protocol: http, targetPort: 8080}",
            "    hosts: [foo.bar.com]\n"),
     "error: targetPort has no effect on a Gateway"},

    // TestValidateTlsOptions, each on an HTTPS server
    {"tls empty", "Gateway", HTTPS_TLS("{}"), ""},
    {"tls simple", "Gateway", HTTPS_TLS("{mode: SIMPLE, " CERT ", " KEY "}"), ""},
    {"tls simple with client bundle", "Gateway",
     HTTPS_TLS("{mode: SIMPLE, " CERT ", " KEY ", " CA "}"), ""},
    {"tls simple sds", "Gateway", HTTPS_TLS("{mode: SIMPLE, credentialName: sds-name}"), ""},
    {"tls simple sds with server cert", "Gateway",
     HTTPS_TLS("{mode: SIMPLE, " CERT ", " KEY ", credentialName: sds-name}"),
     "error: only one of credentialName, credentialNames, serverCertificate/privateKey"},
    {"tls simple no server cert", "Gateway", HTTPS_TLS("{mode: SIMPLE, " KEY "}"),
     "error: SIMPLE TLS needs a server certificate"},
    {"tls simple no private key", "Gateway", HTTPS_TLS("{mode: SIMPLE, " CERT "}"),
     "error: SIMPLE TLS needs a private key"},
    {"tls simple more than 2 certs", "Gateway",
     HTTPS_TLS("{mode: SIMPLE, tlsCertificates: [{" CERT ", " KEY "}, {" CERT ", " KEY "}, {" CERT
               ", " KEY "}]}"),
     "warning: SIMPLE TLS supports at most 2 server certificates"},
    {"tls simple with both server cert and tls certs", "Gateway",
     HTTPS_TLS("{mode: SIMPLE, " CERT ", " KEY ", tlsCertificates: [{" CERT ", " KEY "}]}"),
     "error: only one of credentialName, credentialNames, serverCertificate/privateKey"},
    {"tls simple 2 certs with missing certificate", "Gateway",
     HTTPS_TLS("{mode: SIMPLE, tlsCertificates: [{" KEY "}, {" CERT ", " KEY "}]}"),
     "error: SIMPLE TLS needs a server certificate"},
    {"tls simple 2 certs with missing private key", "Gateway",
     HTTPS_TLS("{mode: SIMPLE, tlsCertificates: [{" CERT "}, {" CERT ", " KEY "}]}"),
     "error: SIMPLE TLS needs a private key"},
    {"tls simple sds no server cert", "Gateway",
     HTTPS_TLS("{mode: SIMPLE, " KEY ", credentialName: sds-name}"), ""},
    {"tls simple sds no private key", "Gateway",
     HTTPS_TLS("{mode: SIMPLE, " CERT ", credentialName: sds-name}"), ""},
    {"tls mutual", "Gateway", HTTPS_TLS("{mode: MUTUAL, " CERT ", " KEY ", " CA "}"), ""},
    {"tls mutual sds", "Gateway", HTTPS_TLS("{mode: MUTUAL, " CA ", credentialName: sds-name}"),
     ""},
    {"tls mutual sds with credential name and server cert", "Gateway",
     HTTPS_TLS("{mode: MUTUAL, " CERT ", " KEY ", " CA ", credentialName: sds-name}"),
     "error: only one of credentialName, credentialNames, serverCertificate/privateKey"},
    {"tls mutual sds with credential name and tls certs", "Gateway",
     HTTPS_TLS("{mode: MUTUAL, " CA ", tlsCertificates: [{" CERT ", " KEY "}], credentialName: "
               "sds-name}"),
     "error: only one of"},
    {"tls mutual no server cert", "Gateway", HTTPS_TLS("{mode: MUTUAL, " KEY ", " CA "}"),
     "error: MUTUAL TLS needs a server certificate"},
    {"tls credential names and certificates", "Gateway",
     HTTPS_TLS("{mode: MUTUAL, " CERT ", " KEY ", credentialNames: [server-certs]}"),
     "error: only one of credentialName, credentialNames, serverCertificate/privateKey"},
    {"tls credential names and tls certificates", "Gateway",
     HTTPS_TLS("{mode: MUTUAL, tlsCertificates: [{" CERT ", " KEY ", " CA "}], credentialNames: "
               "[server-certs]}"),
     "error: only one of"},
    {"tls only tls certificates", "Gateway",
     HTTPS_TLS("{mode: MUTUAL, tlsCertificates: [{" CERT ", " KEY "}], " CA "}"), ""},
    {"tls mutual sds no server cert", "Gateway",
     HTTPS_TLS("{mode: MUTUAL, " KEY ", " CA ", credentialName: sds-name}"), ""},
    {"tls mutual no client CA bundle", "Gateway", HTTPS_TLS("{mode: MUTUAL, " CERT ", " KEY "}"),
     "error: MUTUAL TLS needs a client CA bundle"},
    {"tls mutual no certs: server certificate", "Gateway", HTTPS_TLS("{mode: MUTUAL}"),
     "error: MUTUAL TLS needs a server certificate"},
    {"tls mutual no certs: private key", "Gateway", HTTPS_TLS("{mode: MUTUAL}"),
     "error: MUTUAL TLS needs a private key"},
    {"tls mutual no certs: CA bundle", "Gateway", HTTPS_TLS("{mode: MUTUAL}"),
     "error: MUTUAL TLS needs a client CA bundle"},
    {"tls mutual more than 2 certs", "Gateway",
     HTTPS_TLS("{mode: MUTUAL, " CA ", tlsCertificates: [{" CERT ", " KEY "}, {" CERT ", " KEY
               "}, {" CERT ", " KEY "}]}"),
     "warning: MUTUAL TLS supports at most 2 server certificates"},
    {"tls mutual with both server cert and tls certs", "Gateway",
     HTTPS_TLS("{mode: MUTUAL, " CERT ", " KEY ", " CA ", tlsCertificates: [{" CERT ", " KEY "}]}"),
     "error: only one of credentialName, credentialNames, serverCertificate/privateKey"},
    {"tls mutual 2 certs with missing certificate", "Gateway",
     HTTPS_TLS("{mode: MUTUAL, " CA ", tlsCertificates: [{" KEY "}, {" CERT ", " KEY "}]}"),
     "error: MUTUAL TLS needs a server certificate"},
    {"tls mutual 2 certs with missing private key", "Gateway",
     HTTPS_TLS("{mode: MUTUAL, " CA ", tlsCertificates: [{" CERT "}, {" CERT ", " KEY "}]}"),
     "error: MUTUAL TLS needs a private key"},
    {"tls mutual 2 certs with missing CA certificate", "Gateway",
     HTTPS_TLS("{mode: MUTUAL, tlsCertificates: [{" CERT ", " KEY "}, {" CERT ", " KEY "}]}"),
     "error: MUTUAL TLS needs a client CA bundle"},
    {"tls optional mutual no certs: server certificate", "Gateway",
     HTTPS_TLS("{mode: OPTIONAL_MUTUAL}"), "error: MUTUAL TLS needs a server certificate"},
    {"tls optional mutual no certs: private key", "Gateway", HTTPS_TLS("{mode: OPTIONAL_MUTUAL}"),
     "error: MUTUAL TLS needs a private key"},
    {"tls optional mutual no certs: CA bundle", "Gateway", HTTPS_TLS("{mode: OPTIONAL_MUTUAL}"),
     "error: MUTUAL TLS needs a client CA bundle"},
    {"tls pass through sds no certs", "Gateway",
     HTTPS_TLS("{mode: PASSTHROUGH, credentialName: sds-name}"),
     "warning: PASSTHROUGH mode does not terminate TLS: its certificates are ignored"},
    {"tls pass through sds crl", "Gateway", HTTPS_TLS("{mode: PASSTHROUGH, caCrl: scrl}"),
     "warning: PASSTHROUGH mode does not terminate TLS"},
    {"tls auto pass through with certificate", "Gateway",
     HTTPS_TLS("{mode: AUTO_PASSTHROUGH, " CERT "}"),
     "warning: AUTO_PASSTHROUGH mode does not terminate TLS"},
    {"tls istio_mutual no certs", "Gateway", HTTPS_TLS("{mode: ISTIO_MUTUAL}"), ""},
    {"tls istio_mutual with server cert", "Gateway", HTTPS_TLS("{mode: ISTIO_MUTUAL, " CERT "}"),
     "error: ISTIO_MUTUAL uses the certificates Istio issues; serverCertificate cannot be set"},
    {"tls istio_mutual with client bundle", "Gateway",
     HTTPS_TLS("{mode: ISTIO_MUTUAL, " CERT ", " KEY ", " CA "}"),
     "error: caCertificates cannot be set"},
    {"tls istio_mutual with private key", "Gateway", HTTPS_TLS("{mode: ISTIO_MUTUAL, " KEY "}"),
     "error: privateKey cannot be set"},
    {"tls istio_mutual with credential name", "Gateway",
     HTTPS_TLS("{mode: ISTIO_MUTUAL, credentialName: some-cred}"),
     "error: credentialName cannot be set"},
    {"tls invalid cipher suites", "Gateway",
     HTTPS_TLS("{mode: SIMPLE, credentialName: sds-name, cipherSuites: [not-a-cipher-suite]}"),
     "warning: cipher suites Envoy does not know are ignored: not-a-cipher-suite"},
    {"tls valid cipher suites", "Gateway",
     HTTPS_TLS("{mode: SIMPLE, credentialName: sds-name, cipherSuites: "
               "[ECDHE-ECDSA-AES128-SHA]}"),
     ""},
    {"tls cipher suites operations", "Gateway",
     HTTPS_TLS("{mode: SIMPLE, credentialName: sds-name, cipherSuites: "
               "[-ECDHE-ECDSA-AES128-SHA]}"),
     ""},
    {"tls duplicate cipher suites", "Gateway",
     HTTPS_TLS("{mode: SIMPLE, credentialName: sds-name, cipherSuites: [ECDHE-ECDSA-AES128-SHA, "
               "ECDHE-ECDSA-AES128-SHA]}"),
     "warning: cipher suites listed twice are ignored: ECDHE-ECDSA-AES128-SHA"},
    {"tls invalid cipher suites with invalid config", "Gateway",
     HTTPS_TLS("{mode: SIMPLE, cipherSuites: [not-a-cipher-suite]}"),
     "error: SIMPLE TLS needs a private key"},
    {"tls old version without cipher suites", "Gateway",
     HTTPS_TLS("{mode: SIMPLE, credentialName: sds-name, minProtocolVersion: TLSV1_1}"),
     "warning: TLS versions below TLSV1_2 need cipherSuites set"},
    {"tls old version with cipher suites", "Gateway",
     HTTPS_TLS("{mode: SIMPLE, credentialName: sds-name, minProtocolVersion: TLSV1_0, "
               "cipherSuites: [ECDHE-RSA-AES128-SHA]}"),
     ""},
    {"tls crl specified for SIMPLE TLS", "Gateway", HTTPS_TLS("{mode: SIMPLE, caCrl: crl}"),
     "error: caCrl is not supported with SIMPLE TLS"},
    {"tls crl specified for CredentialName", "Gateway",
     HTTPS_TLS("{mode: SIMPLE, caCrl: crl, credentialName: credential}"), ""},
    {"tls crl with credentialName on passthrough", "Gateway",
     HTTPS_TLS("{mode: PASSTHROUGH, caCrl: crl, credentialName: credential}"),
     "error: caCrl cannot be used with credentialName"},
    {"tls mutual no private key", "Gateway", HTTPS_TLS("{mode: MUTUAL, " CERT ", " CA "}"),
     "error: MUTUAL TLS needs a private key"},
    {"tls with CredentialNames", "Gateway",
     HTTPS_TLS("{mode: MUTUAL, credentialNames: [credential1, credential2]}"), ""},
};

// Cases that need their own metadata: the Gateway's name and Istio's internal annotation.
struct DocumentCase {
    const char *name;
    const char *yaml;
    const char *expect;
};

#define GATEWAY_DOC(metadata, host)                                                                \
    "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n" metadata                      \
    "spec:\n  servers:\n  - port: {number: 80, name: http, protocol: HTTP}\n    hosts: [" host     \
    "]\n"

const DocumentCase kDocuments[] = {
    {"dotted name", GATEWAY_DOC("  name: egress.gateway\n  namespace: default\n", "foo.bar.com"),
     "error: Gateway name \"egress.gateway\" must be a DNS label"},
    {"gateway-api translation",
     GATEWAY_DOC("  name: gw~istio~default\n  namespace: default\n"
                 "  annotations:\n"
                 "    internal.istio.io/gateway-semantics: gateway\n",
                 "~/foo.bar.com"),
     ""},
};

} // namespace

class TestWebhookGateway : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cases_data() { addRows(kCases); }
    void cases() {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, expect);
        verifyRow(yaml, expect);
    }

    void documents_data() {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("expect");
        for (const DocumentCase &c : kDocuments)
            QTest::newRow(c.name) << QByteArray(c.yaml) << QString::fromUtf8(c.expect);
    }
    void documents() {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, expect);
        if (expect.isEmpty()) {
            // Istio's webhook accepts it; other checks of Egret may still comment on it.
            const QStringList errors =
                findingsOf(yaml).filter(QStringLiteral("validation webhook"));
            QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
            return;
        }
        verifyRow(yaml, expect);
    }
};

QTEST_GUILESS_MAIN(TestWebhookGateway)
#include "tst_webhook_gateway.moc"

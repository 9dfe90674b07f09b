// BackendTLSPolicy as Istio applies it: TLS originated toward the hosts it targets, and, where a
// DestinationRule also sets TLS for the host, the rule's fields first and the policy's for what
// the rule leaves unset (Istio 1.31).
#include "FlowTestSupport.h"

using namespace egret;
using namespace egret::test;

namespace {

// A sidecar sends plain HTTP to api.example.com:80; the ServiceEntry sends it on to 443, the
// port the hop is drawn with.
const QByteArray kHost = R"(apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: api}
spec:
  hosts: [api.example.com]
  ports: [{number: 80, name: http, protocol: HTTP, targetPort: 443}]
  resolution: DNS
)";

const QByteArray kPolicy = R"(apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: {name: api-tls}
spec:
  targetRefs: [{group: networking.istio.io, kind: ServiceEntry, name: api}]
  validation:
    hostname: api.example.com
    caCertificateRefs: [{group: "", kind: ConfigMap, name: api-ca}]
)";

QByteArray ruleWithTls(const QByteArray &tls) {
    return "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: api}\n"
           "spec:\n  host: api.example.com\n  trafficPolicy:\n    tls: " +
           tls + "\n";
}

const QString kHop = QStringLiteral("workload:*->host:api.example.com:443/HTTP/plaintext");

const FlowHop &onlyHop(const FlowGraph &g) {
    static const FlowHop none;
    for (const FlowHop &h : g.hops())
        if (h.to == QLatin1String("host:api.example.com"))
            return h;
    return none;
}

QStringList sourceKinds(const FlowHop &h) {
    QStringList out;
    for (const FlowSource &s : h.provenance)
        out << s.resource.kind + QLatin1Char('/') + s.resource.name;
    out.sort();
    return out;
}

} // namespace

class TestFlowBackendTls : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void policyAloneOriginatesTls() {
        const FlowGraph g = flowsOfBytes(concat({kHost, kPolicy}));
        const FlowHop &h = onlyHop(g);
        QCOMPARE(hopLine(h), "workload:* -> host:api.example.com 443 HTTP SIMPLE");
        QCOMPARE(h.tlsDetail, "sni=api.example.com, credentialName=api-ca");
        QVERIFY2(sourceKinds(h).contains("BackendTLSPolicy/api-tls"),
                 qPrintable(sourceKinds(h).join(", ")));
    }

    // The rule's own SNI and CA win; nothing is taken from the policy but its say in the hop.
    void ruleFieldsWin() {
        const FlowGraph g = flowsOfBytes(concat(
            {kHost, kPolicy,
             ruleWithTls("{mode: SIMPLE, sni: edge.example.com, credentialName: edge-ca}")}));
        const FlowHop &h = onlyHop(g);
        QCOMPARE(hopLine(h), "workload:* -> host:api.example.com 443 HTTP SIMPLE");
        QCOMPARE(h.tlsDetail, "sni=edge.example.com, credentialName=edge-ca");
    }

    // A rule that only says SIMPLE gets the policy's SNI and CA, and the hop names both.
    void policyFillsWhatTheRuleLeavesUnset() {
        const FlowGraph g = flowsOfBytes(concat({kHost, kPolicy, ruleWithTls("{mode: MUTUAL}")}));
        const FlowHop &h = onlyHop(g);
        QCOMPARE(hopLine(h), "workload:* -> host:api.example.com 443 HTTP MUTUAL");
        QCOMPARE(h.tlsDetail, "sni=api.example.com, credentialName=api-ca");
        QCOMPARE(sourceKinds(h), QStringList({"BackendTLSPolicy/api-tls", "DestinationRule/api",
                                              "ServiceEntry/api"}));
    }

    // DISABLE is a decision, not a gap: the policy does not turn TLS back on.
    void ruleDisablingTlsWins() {
        const FlowGraph g = flowsOfBytes(concat({kHost, kPolicy, ruleWithTls("{mode: DISABLE}")}));
        QCOMPARE(hopLine(onlyHop(g)), "workload:* -> host:api.example.com 443 HTTP plaintext");
    }

    // A policy for another host changes nothing here.
    void policyForAnotherHost() {
        QByteArray other = kPolicy;
        other.replace("name: api}]", "name: elsewhere}]");
        const FlowGraph g = flowsOfBytes(concat({kHost, other}));
        QCOMPARE(hopLine(onlyHop(g)), "workload:* -> host:api.example.com 443 HTTP plaintext");
        QVERIFY(g.hop(kHop));
    }
};

QTEST_GUILESS_MAIN(TestFlowBackendTls)
#include "tst_flow_backend_tls.moc"

// Istio's own egress tasks (../shared/corpus/istio-docs, Istio-API variants): the hops Egret
// derives for each, stated exactly. Without workloads in the files the sender is "any sidecar"
// (workload:*), assumed to run in the default namespace like the docs' sleep/curl client; without
// a gateway deployment the gateway is the installed istio-egressgateway in istio-system.
#include "FlowTestSupport.h"

using namespace egret;
using namespace egret::test;

namespace {
const QString kEgress = QStringLiteral("gateway:istio-system/istio-egressgateway");
const QString kAny = QStringLiteral("workload:*");
} // namespace

class TestFlowScenarios : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { EGRET_REQUIRE_CORPUS(); }

    void httpViaEgressGateway() {
        const FlowGraph g = flowsOfBytes(docs("egress-gateway/01-http-via-egress-gateway.yaml"));
        // Port 80 goes through the gateway; the ServiceEntry's HTTPS port 443 has no route, so
        // the sidecar still sends it directly (the docs route only HTTP in this task).
        QCOMPARE(hopLines(g), sorted({
                                  "workload:* -> " + kEgress + " 80 HTTP plaintext",
                                  kEgress + " -> host:edition.cnn.com 80 HTTP plaintext",
                                  "workload:* -> host:edition.cnn.com 443 HTTPS app-tls",
                              }));
        QCOMPARE(nodeIds(g, FlowNodeKind::Workload), QStringList{kAny});
        QCOMPARE(nodeIds(g, FlowNodeKind::Gateway), QStringList{kEgress});
        const FlowNode *gw = g.node(kEgress);
        QVERIFY(gw->flags.testFlag(NodeFlag::Assumed));
        QCOMPARE(gw->hosts, QStringList{"edition.cnn.com"});
        QCOMPARE(gw->ports, QList<int>{80});
        const FlowNode *host = g.node("host:edition.cnn.com");
        QCOMPARE(host->ports, (QList<int>{80, 443}));
        QVERIFY(!host->flags.testFlag(NodeFlag::Undeclared));

        // Provenance: which resources and fields make the sidecar-to-gateway hop.
        const FlowHop *hop = g.hop("workload:*->" + kEgress + ":80/HTTP/plaintext");
        QVERIFY(hop);
        QCOMPARE(hop->subsets, QStringList{"cnn"});
        QCOMPARE(hop->weight, std::optional<int>(100));
        QStringList refs;
        for (const FlowSource &s : hop->provenance)
            refs << s.resource.toString() + " " + s.paths.join(',');
        QCOMPARE(refs,
                 QStringList(
                     {"VirtualService default/direct-cnn-through-egress-gateway "
                      "spec.hosts[0],spec.http[0],spec.http[0].match[0],spec.http[0].route[0]",
                      "Gateway default/istio-egressgateway spec.servers[0]",
                      "DestinationRule default/egressgateway-for-cnn spec.host,spec.subsets[0]"}));
    }

    void httpsPassthroughViaEgressGateway() {
        const FlowGraph g =
            flowsOfBytes(docs("egress-gateway/02-https-passthrough-via-egress-gateway.yaml"));
        QCOMPARE(hopLines(g), sorted({
                                  "workload:* -> " + kEgress + " 443 TLS app-tls",
                                  kEgress + " -> host:edition.cnn.com 443 TLS app-tls",
                              }));
    }

    void destinationRuleRepeatedForAnotherNamespace() {
        // A client in test-egress does not see the subset the default namespace's rule defines
        // (Istio looks in the client's namespace, the gateway's, then istio-system): the docs
        // repeat the rule in test-egress.
        const QByteArray base = concat({docs("egress-gateway/01-http-via-egress-gateway.yaml"),
                                        data("sleep-in-test-egress.yaml")});
        const QString hopId = "workload:test-egress/sleep->" + kEgress + ":80/HTTP/plaintext";
        const FlowGraph without = flowsOfBytes(base);
        QVERIFY(without.hop(hopId));
        QVERIFY2(without.hop(hopId)->notes.join('\n').contains(
                     "No DestinationRule visible from test-egress defines subset \"cnn\""),
                 qPrintable(without.hop(hopId)->notes.join('\n')));

        const FlowGraph with = flowsOfBytes(concat(
            {base, inNamespace(docs("egress-gateway/03-netpol-destinationrule-test-egress.yaml"),
                               "test-egress")}));
        QVERIFY(with.hop(hopId));
        QVERIFY(with.hop(hopId)->notes.isEmpty());
        // The configuration lives in default, which has no workload of its own: "sidecars in
        // default" stands for whatever runs there.
        QCOMPARE(hopLines(with),
                 sorted({
                     "workload:test-egress/sleep -> " + kEgress + " 80 HTTP plaintext",
                     "workload:default/* -> " + kEgress + " 80 HTTP plaintext",
                     kEgress + " -> host:edition.cnn.com 80 HTTP plaintext",
                     "workload:test-egress/sleep -> host:edition.cnn.com 443 "
                     "HTTPS app-tls",
                     "workload:default/* -> host:edition.cnn.com 443 HTTPS "
                     "app-tls",
                 }));
        QCOMPARE(with.node("workload:default/*")->label, QString("sidecars in default"));
        // A NetworkPolicy is not Istio routing: it changes nothing here.
        const FlowGraph netpol = flowsOfBytes(concat(
            {base, inNamespace(docs("egress-gateway/03b-netpol-networkpolicy-test-egress.yaml"),
                               "test-egress")}));
        QCOMPARE(hopLines(netpol), hopLines(without));
    }

    void tlsOriginationAtEgressGateway() {
        const FlowGraph g = flowsOfBytes(
            docs("egress-gateway-tls-origination/01-tls-origination-at-egress-gateway.yaml"));
        // The host's SIMPLE rule has no exportTo, so it also applies to the sidecar's direct
        // traffic to port 443: Istio would originate TLS over the application's HTTPS there.
        QCOMPARE(hopLines(g), sorted({
                                  "workload:* -> " + kEgress + " 80 HTTP ISTIO_MUTUAL",
                                  kEgress + " -> host:edition.cnn.com 443 HTTP SIMPLE",
                                  "workload:* -> host:edition.cnn.com 443 HTTPS SIMPLE",
                              }));
        QCOMPARE(g.hop("workload:*->" + kEgress + ":80/HTTP/ISTIO_MUTUAL")->tlsDetail,
                 QString("sni=edition.cnn.com"));
    }

    void mtlsOriginationAtEgressGateway() {
        const QString file =
            "egress-gateway-tls-origination/02-mtls-origination-at-egress-gateway.yaml";
        const QString host = "host:my-nginx.mesh-external.svc.cluster.local";
        // As the docs apply it: the last rule with `kubectl apply -n istio-system`.
        QByteArray yaml = docs(file);
        const int last = int(yaml.lastIndexOf("\n---\n"));
        QVERIFY(last > 0);
        const QByteArray applied =
            yaml.left(last + 5) + inNamespace(yaml.mid(last + 5), "istio-system");
        const FlowGraph g = flowsOfBytes(applied);
        QCOMPARE(hopLines(g), sorted({
                                  "workload:* -> " + kEgress + " 443 HTTP ISTIO_MUTUAL",
                                  kEgress + " -> " + host + " 443 HTTP MUTUAL",
                              }));
        QCOMPARE(g.hop(kEgress + "->" + host + ":443/HTTP/MUTUAL")->tlsDetail,
                 QString("sni=my-nginx.mesh-external.svc.cluster.local, "
                         "credentialName=client-credential"));
        // No ServiceEntry declares the in-cluster server: the host is flagged.
        QVERIFY(g.node(host)->flags.testFlag(NodeFlag::Undeclared));

        // The file as written puts that rule in default, where it does not reach the gateway.
        const FlowGraph asWritten = flowsOfBytes(yaml);
        const FlowHop *out = asWritten.hop(kEgress + "->" + host + ":443/HTTP/plaintext");
        QVERIFY(out);
        QVERIFY(out->notes.join('\n').contains(
            "DestinationRule default/originate-mtls-for-nginx does not apply to proxies in "
            "istio-system"));

        // With the server's own manifests loaded, the host is a known in-cluster Service.
        const FlowGraph withServer = flowsOfBytes(concat(
            {applied,
             docs("egress-gateway-tls-origination/00-mesh-external-nginx-mtls-server.yaml")}));
        QVERIFY(withServer.node(host)->flags.testFlag(NodeFlag::InCluster));
        QVERIFY(!withServer.node(host)->flags.testFlag(NodeFlag::Undeclared));
    }

    void serviceEntryWithoutOrigination() {
        const FlowGraph g =
            flowsOfBytes(docs("egress-tls-origination/01-serviceentry-without-origination.yaml"));
        QCOMPARE(hopLines(g), sorted({
                                  "workload:* -> host:edition.cnn.com 80 HTTP plaintext",
                                  "workload:* -> host:edition.cnn.com 443 HTTPS app-tls",
                              }));
    }

    void tlsOriginationAtSidecar() {
        const FlowGraph g =
            flowsOfBytes(docs("egress-tls-origination/02-tls-origination-at-sidecar.yaml"));
        // Port 80 leaves on targetPort 443 with TLS the sidecar originates.
        QCOMPARE(hopLines(g), sorted({
                                  "workload:* -> host:edition.cnn.com 443 HTTP SIMPLE",
                                  "workload:* -> host:edition.cnn.com 443 HTTPS app-tls",
                              }));
        QStringList paths;
        for (const FlowSource &s :
             g.hop("workload:*->host:edition.cnn.com:443/HTTP/SIMPLE")->provenance)
            paths << s.resource.kind + ":" + s.paths.join(',');
        QCOMPARE(
            paths,
            QStringList({"ServiceEntry:spec.hosts[0],spec.ports[0]",
                         "DestinationRule:spec.host,spec.trafficPolicy.portLevelSettings[0].tls"}));
    }

    void mtlsOriginationAtSidecar() {
        const QByteArray yaml = docs("egress-tls-origination/03-mtls-origination-at-sidecar.yaml");
        const QString host = "host:my-nginx.mesh-external.svc.cluster.local";
        const FlowGraph g = flowsOfBytes(yaml);
        QCOMPARE(hopLines(g), sorted({
                                  "workload:* -> " + host + " 443 HTTP MUTUAL",
                                  "workload:* -> " + host + " 443 HTTPS app-tls",
                              }));
        // The rule selects app=curl: the docs' curl client gets MUTUAL, sleep does not.
        const FlowGraph clients = flowsOfBytes(
            concat({yaml, readFile(corpusDir() + "/istio-repo/workloads/samples/curl/curl.yaml"),
                    readFile(corpusDir() + "/istio-repo/workloads/samples/sleep/sleep.yaml")}));
        QCOMPARE(hopLines(clients), sorted({
                                        "workload:default/curl -> " + host + " 443 HTTP MUTUAL",
                                        "workload:default/curl -> " + host + " 443 HTTPS app-tls",
                                        "workload:default/sleep -> " + host + " 443 HTTP plaintext",
                                        "workload:default/sleep -> " + host + " 443 HTTPS app-tls",
                                    }));
    }

    void externalServiceEntries() {
        QCOMPARE(hopLines(flowsOfBytes(docs("egress-control/01-serviceentry-external-http.yaml"))),
                 QStringList{"workload:* -> host:httpbin.org 80 HTTP plaintext"});
        QCOMPARE(hopLines(flowsOfBytes(docs("egress-control/02-serviceentry-external-https.yaml"))),
                 QStringList{"workload:* -> host:www.google.com 443 HTTPS app-tls"});
    }

    void timeoutOnAnExternalHost() {
        const FlowGraph g =
            flowsOfBytes(docs("egress-control/03-virtualservice-timeout-external-http.yaml"));
        QCOMPARE(hopLines(g), QStringList{"workload:* -> host:httpbin.org 80 HTTP plaintext"});
        const FlowHop &hop = g.hops().first();
        QCOMPARE(hop.timeout, QString("3s"));
        QCOMPARE(hop.weight, std::optional<int>(100));
        QStringList kinds;
        for (const FlowSource &s : hop.provenance)
            kinds << s.resource.kind;
        QCOMPARE(kinds, QStringList({"VirtualService", "ServiceEntry"}));
    }

    void wildcardDirect() {
        const FlowGraph g =
            flowsOfBytes(docs("wildcard-egress-hosts/01-wildcard-serviceentry-direct.yaml"));
        QCOMPARE(hopLines(g), QStringList{"workload:* -> host:*.wikipedia.org 443 HTTPS app-tls"});
        QVERIFY(g.node("host:*.wikipedia.org")->flags.testFlag(NodeFlag::Wildcard));
    }

    void kubernetesServicesPointingOutside() {
        // An ExternalName Service and a selector-less Service with external Endpoints are in
        // Istio's registry as hosts outside the mesh; their DestinationRules disable TLS.
        const FlowGraph name = flowsOfBytes(
            docs("egress-kubernetes-services/01-externalname-service-with-destinationrule.yaml"));
        QCOMPARE(hopLines(name),
                 QStringList{"workload:* -> host:my-httpbin.default.svc.cluster.local 80 HTTP "
                             "plaintext"});
        QCOMPARE(name.node("host:my-httpbin.default.svc.cluster.local")->hosts,
                 QStringList({"my-httpbin.default.svc.cluster.local", "httpbin.org"}));
        const FlowGraph endpoints = flowsOfBytes(
            docs("egress-kubernetes-services/02-service-with-endpoints-with-destinationrule.yaml"));
        QCOMPARE(hopLines(endpoints),
                 QStringList{"workload:* -> host:my-wikipedia.default.svc.cluster.local 443 TLS "
                             "app-tls"});
    }

    void externalHttpsProxy() {
        const FlowGraph g =
            flowsOfBytes(docs("http-proxy/01-serviceentry-external-https-proxy.yaml"));
        QCOMPARE(hopLines(g),
                 QStringList{"workload:* -> host:my-company-proxy.com 3128 TCP plaintext"});
        QCOMPARE(g.node("host:my-company-proxy.com")->hosts,
                 QStringList({"my-company-proxy.com", "172.30.109.95/32"}));
        // With the proxy's own Deployment loaded, the known workload and the sidecars of the
        // namespace the ServiceEntry was applied to.
        const FlowGraph withSquid =
            flowsOfBytes(concat({docs("http-proxy/00-squid-https-proxy-deployment.yaml"),
                                 docs("http-proxy/01-serviceentry-external-https-proxy.yaml")}));
        QCOMPARE(hopLines(withSquid),
                 sorted({"workload:default/* -> host:my-company-proxy.com 3128 TCP plaintext",
                         "workload:external/squid -> host:my-company-proxy.com 3128 TCP "
                         "plaintext"}));
        // The verbatim page text has `number: $PROXY_PORT`: no port, so no hop, and no crash.
        const FlowGraph asWritten =
            flowsOfBytes(docs("http-proxy/01-serviceentry-external-https-proxy.as-written.yaml"));
        QVERIFY(asWritten.hops().isEmpty());
    }

    void ingressGatewayAsProxy() {
        const FlowGraph g =
            flowsOfBytes(docs("proxy/01-ingress-gateway-as-proxy-for-external-services.yaml"));
        const QString ingress = "gateway:istio-system/istio-ingressgateway";
        // Sidecars' own traffic to the two hosts is black-holed to localhost.local; the ingress
        // gateway forwards to the real hosts. The old `sni_hosts` spelling is not read, so the
        // tls rules match every SNI.
        QCOMPARE(hopLines(g), sorted({
                                  ingress + " -> host:httpbin.org 80 HTTP plaintext",
                                  ingress + " -> host:www.google.com 443 TLS app-tls",
                                  "workload:* -> host:localhost.local 80 HTTP plaintext",
                                  "workload:* -> host:localhost.local 443 TLS app-tls",
                              }));
        QCOMPARE(nodeIds(g, FlowNodeKind::Gateway), QStringList{ingress});
    }

    void wildcardArbitraryDomainsThroughGateway() {
        const QString gw = "gateway:istio-egress/egressgateway";
        const QByteArray deployment =
            docs("blog-2023-egress-sni/00-custom-egress-gateway-deployment.yaml");
        const QByteArray config =
            docs("blog-2023-egress-sni/01-wildcard-arbitrary-domains-sni-forwarding.yaml");
        // The SNI forwarding itself is an EnvoyFilter, outside what routes say: the gateway's
        // only route goes to the dummy host that keeps its listener alive.
        const FlowGraph g = flowsOfBytes(concat({deployment, config}));
        QCOMPARE(hopLines(g), sorted({
                                  "workload:* -> " + gw + " 443 TLS ISTIO_MUTUAL",
                                  gw + " -> host:dummy.local 8443 TCP plaintext",
                              }));
        QVERIFY(g.node("host:dummy.local")->flags.testFlag(NodeFlag::Undeclared));
        QVERIFY(!g.node(gw)->flags.testFlag(NodeFlag::Assumed));
        QCOMPARE(g.node(gw)->hosts, QStringList{"*"});

        // Without the deployment the routes still say where the gateway is (its Service in
        // istio-egress, a Gateway selecting its chart labels): one flow through the gateway
        // Egret infers there, marked as assumed, rather than a cut one.
        const FlowGraph alone = flowsOfBytes(config);
        QCOMPARE(hopLines(alone), sorted({
                                      "workload:* -> " + gw + " 443 TLS ISTIO_MUTUAL",
                                      gw + " -> host:dummy.local 8443 TCP plaintext",
                                  }));
        QVERIFY(alone.node(gw)->flags.testFlag(NodeFlag::Assumed));
        QVERIFY(alone.node(gw)->origin.startsWith("assumed installed there: VirtualService"));
    }
};

QTEST_GUILESS_MAIN(TestFlowScenarios)
#include "tst_flow_scenarios.moc"

// Hops that many rules make, and Gateway servers that list many hosts: what the indexes behind
// derivation at scale must still get right (each rule's provenance once, in order; a server host
// accepted by name whatever its case, and by the namespace it names).
#include "FlowTestSupport.h"

using namespace egret;
using namespace egret::test;

namespace {

const QString kEgress = QStringLiteral("gateway:istio-system/istio-egressgateway");

QString hostName(int i) {
    return QStringLiteral("api-%1.example.com").arg(i);
}

// `hosts` hosts through one egress Gateway, as `egret route add` joins them: per host a
// ServiceEntry and a VirtualService in team-(i % 2), every third host a DestinationRule.
QByteArray sharedGateway(int hosts) {
    QString out;
    for (int n = 0; n < 2; ++n)
        out += QStringLiteral("---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-%1\n"
                              "  labels:\n    istio-injection: enabled\n")
                   .arg(n);
    out += QStringLiteral("---\napiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n"
                          "  name: istio-egressgateway\n  namespace: istio-system\nspec:\n"
                          "  selector:\n    istio: egressgateway\n  servers:\n  - port:\n"
                          "      number: 443\n      name: tls\n      protocol: TLS\n"
                          "    tls:\n      mode: PASSTHROUGH\n    hosts:\n");
    for (int i = 0; i < hosts; ++i)
        out += QStringLiteral("    - team-%1/%2\n").arg(i % 2).arg(hostName(i));
    for (int i = 0; i < hosts; ++i) {
        const QString ns = QStringLiteral("team-%1").arg(i % 2);
        out += QStringLiteral(
                   "---\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n"
                   "  name: se-%1\n  namespace: %2\nspec:\n  hosts:\n  - %3\n  ports:\n"
                   "  - number: 443\n    name: tls\n    protocol: TLS\n  resolution: DNS\n"
                   "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n"
                   "  name: vs-%1\n  namespace: %2\nspec:\n  hosts:\n  - %3\n  gateways:\n"
                   "  - mesh\n  - istio-system/istio-egressgateway\n  tls:\n  - match:\n"
                   "    - gateways:\n      - mesh\n      port: 443\n      sniHosts:\n      - %3\n"
                   "    route:\n    - destination:\n"
                   "        host: istio-egressgateway.istio-system.svc.cluster.local\n"
                   "        port:\n          number: 443\n  - match:\n    - gateways:\n"
                   "      - istio-system/istio-egressgateway\n      port: 443\n"
                   "      sniHosts:\n      - %3\n    route:\n    - destination:\n"
                   "        host: %3\n        port:\n          number: 443\n")
                   .arg(i)
                   .arg(ns, hostName(i));
        if (i % 3 == 0)
            out += QStringLiteral("---\napiVersion: networking.istio.io/v1\n"
                                  "kind: DestinationRule\nmetadata:\n  name: dr-%1\n"
                                  "  namespace: %2\nspec:\n  host: %3\n  trafficPolicy:\n"
                                  "    loadBalancer:\n      simple: ROUND_ROBIN\n")
                       .arg(i)
                       .arg(ns, hostName(i));
    }
    return out.toUtf8();
}

QStringList sourcesOf(const FlowHop &hop) {
    QStringList out;
    for (const FlowSource &s : hop.provenance)
        out << s.resource.toString() + QLatin1Char(' ') + s.paths.join(QLatin1Char(','));
    return out;
}

} // namespace

class TestFlowMerging : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aHopManyRoutesMakeListsEachOnceInOrder() {
        constexpr int kHosts = 40;
        const FlowGraph g = flowsOfBytes(sharedGateway(kHosts));
        QStringList expected;
        for (int i = 0; i < kHosts; ++i) {
            expected << QStringLiteral("VirtualService team-%1/vs-%2 spec.hosts[0],spec.tls[0],"
                                       "spec.tls[0].match[0],spec.tls[0].route[0]")
                            .arg(i % 2)
                            .arg(i);
            if (i == 0)
                expected << "Gateway istio-system/istio-egressgateway spec.servers[0]";
        }
        for (const QString sender : {"workload:team-0/*", "workload:team-1/*"}) {
            const FlowHop *hop =
                g.hop(sender + QStringLiteral("->") + kEgress + ":443/TLS/app-tls");
            QVERIFY2(hop, qPrintable(sender));
            QCOMPARE(sourcesOf(*hop), expected);
        }
        // Each host's own hop from the gateway: its rule, the server, its declaration.
        const FlowHop *last =
            g.hop(kEgress + "->host:" + hostName(kHosts - 1) + ":443/TLS/app-tls");
        QVERIFY(last);
        QCOMPARE(sourcesOf(*last).first(),
                 QString("VirtualService team-1/vs-%1 spec.hosts[0],spec.tls[1],"
                         "spec.tls[1].match[0],spec.tls[1].route[0]")
                     .arg(kHosts - 1));
        QVERIFY(sourcesOf(*last).contains("Gateway istio-system/istio-egressgateway "
                                          "spec.servers[0]"));
        // Every host is routed: no sidecar goes to one directly.
        for (const FlowHop &h : g.hops())
            QVERIFY2(h.from == kEgress || h.to == kEgress, qPrintable(h.id));
        QCOMPARE(g.hops().size(), qsizetype(2 + kHosts));
    }

    void gatewayServerHostsMatchByNameAndNamespace() {
        const QByteArray yaml = R"(
apiVersion: v1
kind: Namespace
metadata:
  name: team-a
  labels:
    istio-injection: enabled
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: gw
  namespace: istio-system
spec:
  selector:
    istio: egressgateway
  servers:
  - port: {number: 443, name: tls, protocol: TLS}
    tls: {mode: PASSTHROUGH}
    hosts:
    - team-a/API.Example.com
    - ./here.example.com
    - "*/any.example.com"
    - team-b/other.example.com
    - "*.wild.example.com"
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: se, namespace: team-a}
spec:
  hosts: [api.example.com, here.example.com, any.example.com, other.example.com,
          a.wild.example.com]
  ports:
  - {number: 443, name: tls, protocol: TLS}
  resolution: DNS
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: vs, namespace: team-a}
spec:
  hosts: [api.example.com, here.example.com, any.example.com, other.example.com,
          a.wild.example.com]
  gateways: [istio-system/gw]
  tls:
  - match:
    - port: 443
    route:
    - destination: {host: api.example.com, port: {number: 443}}
)";
        const FlowGraph g = flowsOfBytes(yaml);
        // The Gateway selects the installed egress gateway.
        const FlowHop *hop = g.hop(kEgress + "->host:api.example.com:443/TLS/app-tls");
        QVERIFY(hop);
        // Accepted: by name whatever its case, for "*/" and for an unqualified wildcard.
        // Not: "./" (the VirtualService is not in the Gateway's namespace) and team-b's.
        QCOMPARE(sorted(hop->notes),
                 sorted({"No server of Gateway istio-system/gw accepts here.example.com on "
                         "port 443",
                         "No server of Gateway istio-system/gw accepts other.example.com on "
                         "port 443"}));
        QVERIFY(sourcesOf(*hop).contains("Gateway istio-system/gw spec.servers[0]"));
    }
};

QTEST_GUILESS_MAIN(TestFlowMerging)
#include "tst_flow_merging.moc"

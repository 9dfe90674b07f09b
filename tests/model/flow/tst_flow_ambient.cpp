// Ambient mode: ambient pods reach a waypoint-bound ServiceEntry's host through the waypoint
// (HBONE on 15008, then what the waypoint does), others straight from ztunnel; sidecar pods of
// the same mesh are drawn beside them as before.
#include "FlowTestSupport.h"

#include "model/flow/FlowJson.h"

using namespace egret;
using namespace egret::test;

namespace {

const FlowHop *hopBetween(const FlowGraph &g, const QString &from, const QString &to) {
    for (const FlowHop &h : g.hops())
        if (h.from == from && h.to == to)
            return &h;
    return nullptr;
}

const QByteArray kWaypoint = R"(apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: waypoint, namespace: istio-egress}
spec:
  gatewayClassName: istio-waypoint
  listeners: [{name: mesh, port: 15008, protocol: HBONE}]
)";

const QByteArray kEntry = R"(apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: api
  namespace: shop
  labels: {istio.io/use-waypoint: waypoint, istio.io/use-waypoint-namespace: istio-egress}
spec:
  hosts: [api.example.com]
  ports: [{number: 80, name: http, protocol: HTTP}]
  resolution: DNS
)";

const QByteArray kAmbientShop = R"(apiVersion: v1
kind: Namespace
metadata: {name: shop, labels: {istio.io/dataplane-mode: ambient}}
)";

} // namespace

class TestFlowAmbient : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Istio's ambient egress page: curl -> waypoint over HBONE -> httpbin.org:443 with TLS the
    // waypoint originates; the sidecar pod in `legacy` calls the host itself.
    void egressPageSideBySide() {
        const FlowGraph g = flowsOfBytes(data(QStringLiteral("ambient-egress.yaml")));
        QCOMPARE(hopLines(g),
                 sorted({
                     "gateway:istio-egress/waypoint -> host:httpbin.org 443 HTTP SIMPLE",
                     "workload:default/curl -> gateway:istio-egress/waypoint 15008 HBONE HBONE",
                     "workload:default/curl -> host:api.example.com 443 TLS app-tls",
                     "workload:legacy/sleep -> host:api.example.com 443 TLS app-tls",
                     "workload:legacy/sleep -> host:httpbin.org 443 HTTP SIMPLE",
                 }));
        const FlowNode *waypoint = g.node(QStringLiteral("gateway:istio-egress/waypoint"));
        QVERIFY(waypoint);
        QVERIFY(waypoint->flags.testFlag(NodeFlag::Waypoint));
        QVERIFY(g.node(QStringLiteral("workload:default/curl"))->flags.testFlag(NodeFlag::Ambient));
        QVERIFY(
            !g.node(QStringLiteral("workload:legacy/sleep"))->flags.testFlag(NodeFlag::Ambient));
    }

    // The policy targeting the ServiceEntry restricts the waypoint's hop, and says how.
    void policyShownOnTheHopItGoverns() {
        const FlowGraph g = flowsOfBytes(data(QStringLiteral("ambient-egress.yaml")));
        const FlowHop *out = hopBetween(g, QStringLiteral("gateway:istio-egress/waypoint"),
                                        QStringLiteral("host:httpbin.org"));
        QVERIFY(out);
        QCOMPARE(out->policies,
                 QStringList{"AuthorizationPolicy istio-egress/httpbin-get-only: ALLOW GET"});
        QCOMPARE(out->tlsDetail.isEmpty(), true);
        bool fromRule = false;
        for (const FlowSource &s : out->provenance)
            fromRule = fromRule || s.resource.kind == QLatin1String("DestinationRule");
        QVERIFY(fromRule);
        const FlowHop *in = hopBetween(g, QStringLiteral("workload:default/curl"),
                                       QStringLiteral("gateway:istio-egress/waypoint"));
        QVERIFY(in);
        QVERIFY(in->policies.isEmpty());
        const FlowHop *direct = hopBetween(g, QStringLiteral("workload:default/curl"),
                                           QStringLiteral("host:api.example.com"));
        QVERIFY(direct);
        QVERIFY(direct->notes.join(' ').contains("ztunnel connects to the host itself"));
    }

    // No workload in the files: the ambient namespace's pods send; the label on the
    // ServiceEntry (with use-waypoint-namespace) binds it across namespaces.
    void podsInNamespaceAndLabelledEntry() {
        const FlowGraph g = flowsOfBytes(concat({kAmbientShop, kWaypoint, kEntry}));
        QCOMPARE(hopLines(g),
                 sorted({
                     "gateway:istio-egress/waypoint -> host:api.example.com 80 HTTP plaintext",
                     "workload:shop/* -> gateway:istio-egress/waypoint 15008 HBONE HBONE",
                 }));
        QCOMPARE(g.node(QStringLiteral("workload:shop/*"))->label, "pods in shop");
        QVERIFY(!g.node(QStringLiteral("workload:*"))); // no "any sidecar" in an ambient mesh
    }

    // A binding to a waypoint the files do not hold is drawn to an unresolved node, not hidden.
    void missingWaypointIsDrawnUnresolved() {
        const FlowGraph g = flowsOfBytes(concat({kAmbientShop, kEntry}));
        const FlowNode *n = g.node(QStringLiteral("gateway:istio-egress/waypoint"));
        QVERIFY(n);
        QVERIFY(n->flags.testFlag(NodeFlag::Unresolved));
        const FlowHop *out = hopBetween(g, n->id, QStringLiteral("host:api.example.com"));
        QVERIFY(out);
        QVERIFY(out->notes.join(' ').contains("is not in the files"));
    }

    // JSON says which nodes are waypoints and ambient pods, and what restricts a hop.
    void jsonMarksAmbientParts() {
        const QByteArray json =
            flowGraphJson(flowsOfBytes(data(QStringLiteral("ambient-egress.yaml"))));
        QVERIFY(json.contains("\"waypoint\": true"));
        QVERIFY(json.contains("\"ambient\": true"));
        QVERIFY(json.contains("\"tls\": \"HBONE\""));
        QVERIFY(json.contains("ALLOW GET"));
    }
};

QTEST_GUILESS_MAIN(TestFlowAmbient)
#include "tst_flow_ambient.moc"

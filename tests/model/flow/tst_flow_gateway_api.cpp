// Istio's egress tasks in their "Gateway API" variants (istio-docs/*/gateway-api/): Istio builds
// the same proxy configuration from them as from the Istio-API variants, so Egret draws the same
// hops, names aside (the gateway is `<name>-istio` in the route's namespace rather than the
// installed istio-egressgateway), and each hop names the Gateway API resources that make it.
#include "FlowTestSupport.h"

#include <QDirIterator>
#include <QFileInfo>

using namespace egret;
using namespace egret::test;

namespace {

// The files of a task folder that give context to both variants (00-*: the external server).
QByteArray contextOf(const QString &dir) {
    QList<QByteArray> parts;
    for (const QFileInfo &f : QDir(dir).entryInfoList({QStringLiteral("00-*.yaml")}, QDir::Files))
        parts << readFile(f.filePath());
    return concat(parts);
}

// The Istio-API mTLS task applies its last DestinationRule with `kubectl apply -n istio-system`,
// next to the installed gateway (the Gateway API variant keeps everything in default, next to the
// gateway Istio deploys there).
QByteArray asTheDocsApplyIt(const QString &istioApiFile) {
    QByteArray yaml = readFile(istioApiFile);
    if (!istioApiFile.endsWith(
            QLatin1String("tls-origination/02-mtls-origination-at-egress-gateway.yaml")))
        return yaml;
    const int last = int(yaml.lastIndexOf("\n---\n"));
    return yaml.left(last + 5) + inNamespace(yaml.mid(last + 5), "istio-system");
}

const FlowSource *sourceNamed(const FlowHop &h, const QString &kind, const QString &name) {
    for (const FlowSource &s : h.provenance)
        if (s.resource.kind == kind && s.resource.name == name)
            return &s;
    return nullptr;
}

} // namespace

class TestFlowGatewayApi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { EGRET_REQUIRE_CORPUS(); }

    void sameHopsAsIstioApiTwin_data() {
        EGRET_REQUIRE_CORPUS(); // before counting the corpus' files
        QTest::addColumn<QString>("gatewayApi");
        QTest::addColumn<QString>("istioApi");
        QDirIterator it(corpusDir() + QStringLiteral("/istio-docs"), {QStringLiteral("*.yaml")},
                        QDir::Files, QDirIterator::Subdirectories);
        int found = 0;
        while (it.hasNext()) {
            const QFileInfo f(it.next());
            if (f.dir().dirName() != QLatin1String("gateway-api"))
                continue;
            // The twin has the same step number ("01-", "03b-") in the task folder above.
            const QString step = f.fileName().section(QLatin1Char('-'), 0, 0) + QLatin1Char('-');
            QDir task = f.dir();
            task.cdUp();
            const QStringList twins = task.entryList({step + QLatin1Char('*')}, QDir::Files);
            QCOMPARE(twins.size(), 1);
            QTest::newRow(qPrintable(task.dirName() + QLatin1Char('/') + f.fileName()))
                << f.filePath() << task.filePath(twins.first());
            ++found;
        }
        QVERIFY2(found >= 6, "expected Istio's six Gateway API egress variants");
    }

    void sameHopsAsIstioApiTwin() {
        QFETCH(QString, gatewayApi);
        QFETCH(QString, istioApi);
        QDir task = QFileInfo(istioApi).dir();
        const QByteArray context = contextOf(task.path());
        const FlowGraph ours = flowsOfBytes(concat({context, readFile(gatewayApi)}));
        const FlowGraph twin = flowsOfBytes(concat({context, asTheDocsApplyIt(istioApi)}));
        QCOMPARE(hopShapes(ours), hopShapes(twin));
    }

    // The case that used to be drawn as a direct call: every request goes through the gateway
    // Istio deploys for cnn-egress-gateway, and the hops say which routes make them.
    void httpViaDeployedGateway() {
        const FlowGraph g =
            flowsOfBytes(docs("egress-gateway/gateway-api/01-http-via-egress-gateway.yaml"));
        const QString gw = QStringLiteral("gateway:default/cnn-egress-gateway-istio");
        QCOMPARE(hopLines(g), sorted({
                                  "workload:* -> " + gw + " 80 HTTP plaintext",
                                  gw + " -> host:edition.cnn.com 80 HTTP plaintext",
                                  "workload:* -> host:edition.cnn.com 443 HTTPS app-tls",
                              }));
        const FlowNode *node = g.node(gw);
        QVERIFY(node);
        QVERIFY(!node->flags.testFlag(NodeFlag::Assumed));
        QCOMPARE(node->hosts, QStringList{"edition.cnn.com"});

        const FlowHop *in = nullptr, *out = nullptr;
        for (const FlowHop &h : g.hops()) {
            if (h.to == gw)
                in = &h;
            if (h.from == gw)
                out = &h;
        }
        QVERIFY(in && out);
        const FlowSource *mesh = sourceNamed(*in, "HTTPRoute", "direct-cnn-to-egress-gateway");
        QVERIFY(mesh);
        QVERIFY2(mesh->paths.contains("spec.rules[0].backendRefs[0]"),
                 qPrintable(mesh->paths.join(", ")));
        const FlowSource *atGateway =
            sourceNamed(*out, "HTTPRoute", "forward-cnn-from-egress-gateway");
        QVERIFY(atGateway);
        QVERIFY(atGateway->paths.contains("spec.rules[0].backendRefs[0]"));
        QVERIFY(sourceNamed(*out, "Gateway", "cnn-egress-gateway"));
    }

    // Without the `istio` class Istio deploys nothing and applies no route at it: the sidecar's
    // traffic is not steered anywhere, and no gateway is drawn as if it were.
    void otherGatewayClassIsNotIstios() {
        QByteArray yaml = docs("egress-gateway/gateway-api/01-http-via-egress-gateway.yaml");
        yaml.replace("gatewayClassName: istio", "gatewayClassName: some-other-controller");
        const FlowGraph g = flowsOfBytes(yaml);
        QVERIFY(!g.node("gateway:default/cnn-egress-gateway-istio"));
        QVERIFY(nodeIds(g, FlowNodeKind::Gateway).isEmpty());
    }

    // Relative weights become Istio's percentages.
    void weightsAreNormalized() {
        const QByteArray yaml = R"(apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: api}
spec:
  hosts: [api.example.com]
  ports: [{number: 80, name: http, protocol: HTTP}]
  resolution: DNS
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: api-v2}
spec:
  hosts: [api-v2.example.com]
  ports: [{number: 80, name: http, protocol: HTTP}]
  resolution: DNS
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: split}
spec:
  parentRefs: [{kind: ServiceEntry, group: networking.istio.io, name: api}]
  rules:
  - backendRefs:
    - {kind: Hostname, group: networking.istio.io, name: api.example.com, port: 80, weight: 3}
    - {kind: Hostname, group: networking.istio.io, name: api-v2.example.com, port: 80, weight: 1}
)";
        const FlowGraph g = flowsOfBytes(yaml);
        const FlowHop *v1 = g.hop("workload:*->host:api.example.com:80/HTTP/plaintext");
        const FlowHop *v2 = g.hop("workload:*->host:api-v2.example.com:80/HTTP/plaintext");
        QVERIFY(v1 && v2);
        QCOMPARE(v1->weight, 75);
        // Sidecars also call api-v2 directly (its own ServiceEntry): the hop carries both, so its
        // weight varies, and it names the backend the quarter of api's traffic comes from.
        QVERIFY(!v2->weight);
        const FlowSource *split = sourceNamed(*v2, "HTTPRoute", "split");
        QVERIFY(split);
        QVERIFY(split->paths.contains("spec.rules[0].backendRefs[1]"));
    }
};

QTEST_GUILESS_MAIN(TestFlowGatewayApi)
#include "tst_flow_gateway_api.moc"

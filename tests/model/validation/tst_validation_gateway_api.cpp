// The validator over Istio's Gateway API dialect: its tasks pass clean (files mixing both APIs
// included), the gateway Istio deploys for a Gateway API Gateway is known to the Istio rules, and
// a live validator follows edits to the Gateway exactly as a fresh run does.
#include "ValidationTestSupport.h"

using namespace egret;
using namespace egret::validation;

namespace {

QString docs(const QString &relative) {
    return test::corpusDir() + QStringLiteral("/istio-docs/") + relative;
}

QStringList codesOf(const QVector<Finding> &findings) {
    QStringList out;
    for (const Finding &f : findings)
        out << QLatin1String(f.type->code);
    out.sort();
    return out;
}

QStringList errors(const QVector<Finding> &findings) {
    QStringList out;
    for (const Finding &f : findings)
        if (f.type->level == Severity::Error)
            out << QStringLiteral("%1 %2: %3")
                       .arg(QLatin1String(f.type->code), f.resource.toString(), f.message);
    return out;
}

// A mesh route to the gateway Istio deploys for `cnn-egress` (Service cnn-egress-istio).
const QByteArray kMeshRouteToDeployedGateway = R"(apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: cnn}
spec:
  hosts: [edition.cnn.com]
  ports: [{number: 80, name: http, protocol: HTTP}]
  resolution: DNS
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: cnn-egress}
spec:
  gatewayClassName: istio
  listeners:
  - {name: http, hostname: edition.cnn.com, port: 80, protocol: HTTP}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: to-gateway}
spec:
  hosts: [edition.cnn.com]
  http:
  - route:
    - destination: {host: cnn-egress-istio.default.svc.cluster.local, port: {number: 80}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: onward}
spec:
  parentRefs: [{name: cnn-egress}]
  rules:
  - backendRefs: [{kind: Hostname, group: networking.istio.io, name: edition.cnn.com, port: 80}]
)";

} // namespace

class TestValidationGatewayApi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void tasksHaveNoErrors_data() {
        QTest::addColumn<QStringList>("files");
        const QString tls = QStringLiteral("egress-gateway-tls-origination/");
        QTest::newRow("http") << QStringList{
            docs("egress-gateway/gateway-api/01-http-via-egress-gateway.yaml")};
        QTest::newRow("passthrough") << QStringList{
            docs("egress-gateway/gateway-api/02-https-passthrough-via-egress-gateway.yaml")};
        QTest::newRow("timeout") << QStringList{
            docs("egress-control/gateway-api/03-httproute-timeout-external-http.yaml")};
        QTest::newRow("tls-origination")
            << QStringList{docs(tls + "gateway-api/01-tls-origination-at-egress-gateway.yaml")};
        // A VirtualService for the first hop, an HTTPRoute for the second, and the task's server.
        QTest::newRow("mtls-origination, both APIs")
            << QStringList{docs(tls + "00-mesh-external-nginx-mtls-server.yaml"),
                           docs(tls + "gateway-api/02-mtls-origination-at-egress-gateway.yaml")};
    }

    void tasksHaveNoErrors() {
        EGRET_REQUIRE_CORPUS();
        QFETCH(QStringList, files);
        const QVector<Finding> found = test::validateFiles(files);
        QVERIFY2(errors(found).isEmpty(), qPrintable(errors(found).join('\n')));
        // TLS originated at the gateway for HTTP the HTTPRoute sends there: the proxy takes the
        // SNI from the request, nothing to warn about.
        QVERIFY(!codesOf(found).contains("EGR0006"));
        // Every host the gateway routes onward is one the mesh sends to it.
        QVERIFY(!codesOf(found).contains("EGR0008"));
    }

    // The deployed Service `<name>-istio` exists for the Istio rules: a mesh route to it finds
    // its host, and a port the Gateway has no listener on is not found.
    void deployedGatewayIsAHost() {
        const QVector<Finding> clean =
            validate(loadBytes(QStringLiteral("t.yaml"), kMeshRouteToDeployedGateway));
        QVERIFY2(errors(clean).isEmpty(), qPrintable(errors(clean).join('\n')));

        QByteArray wrongPort = kMeshRouteToDeployedGateway;
        wrongPort.replace("port: {number: 80}", "port: {number: 8080}");
        const QVector<Finding> found = validate(loadBytes(QStringLiteral("t.yaml"), wrongPort));
        QVERIFY2(codesOf(found).contains("IST0101"), qPrintable(codesOf(found).join(' ')));
    }

    // The mesh route hands edition.cnn.com to the deployed gateway, but nothing is attached to
    // that gateway to send it on: the gateway drops it, and the route that sends it there says so.
    void deadEndAtTheDeployedGateway() {
        EGRET_REQUIRE_CORPUS();
        QByteArray yaml =
            test::readFile(docs("egress-gateway/gateway-api/01-http-via-egress-gateway.yaml"));
        yaml.truncate(yaml.lastIndexOf("\n---\n") + 1); // without forward-cnn-from-egress-gateway
        QStringList found;
        for (const Finding &f : validate(loadBytes(QStringLiteral("t.yaml"), yaml)))
            if (QByteArray(f.type->code) == "EGR0001")
                found << f.resource.toString() + QLatin1Char(' ') + f.path;
        QCOMPARE(found, QStringList{"HTTPRoute default/direct-cnn-to-egress-gateway "
                                    "spec.rules[0].backendRefs[0]"});
    }

    // The gateway routes edition.cnn.com onward, but no mesh route sends sidecars to it: they
    // call the host directly.
    void gatewayBypassed() {
        EGRET_REQUIRE_CORPUS();
        QByteArray yaml =
            test::readFile(docs("egress-gateway/gateway-api/01-http-via-egress-gateway.yaml"));
        const qsizetype from = yaml.indexOf("kind: HTTPRoute");
        const qsizetype start = yaml.lastIndexOf("---", from);
        const qsizetype end = yaml.indexOf("---", from);
        yaml.remove(start, end - start); // without direct-cnn-to-egress-gateway
        QStringList found;
        for (const Finding &f : validate(loadBytes(QStringLiteral("t.yaml"), yaml)))
            if (QByteArray(f.type->code) == "EGR0008")
                found << f.resource.toString() + QLatin1Char(' ') + f.path;
        QCOMPARE(found, QStringList{"HTTPRoute default/forward-cnn-from-egress-gateway "
                                    "spec.hostnames[0]"});
    }

    // A live validator follows an edit of the Gateway (its listener moves to another port) to
    // the VirtualService that routes to its deployed Service, as a fresh run does.
    void liveFollowsTheGateway() {
        Workspace ws = loadBytes(QStringLiteral("t.yaml"), kMeshRouteToDeployedGateway);
        Validator live;
        QVERIFY(!codesOf(live.findings(ws)).contains("IST0101"));
        DocumentId gateway;
        for (const Resource *r : ws.resources())
            if (r->kind == Kind::KubernetesGateway)
                gateway = r->id.document;
        QByteArray text = ws.document(gateway)->text;
        text.replace("port: 80,", "port: 8080,");
        ws.setDocumentText(gateway, text);
        live.update(ws);
        QCOMPARE(codesOf(live.findings(ws)), codesOf(validate(ws)));
        QVERIFY(codesOf(live.findings(ws)).contains("IST0101"));
    }
};

QTEST_GUILESS_MAIN(TestValidationGatewayApi)
#include "tst_validation_gateway_api.moc"

// Ambient mode in the validator: Istio's ambient egress page's configuration, the messages a
// user reads for a broken binding, Istio's own IST0167 for a Sidecar in an ambient namespace, and
// a live validator following the waypoint a ServiceEntry names.
#include "ValidationTestSupport.h"

using namespace egret;
using namespace egret::validation;

namespace {

QStringList codesOf(const QVector<Finding> &findings) {
    QStringList out;
    for (const Finding &f : findings)
        out << QLatin1String(f.type->code);
    out.sort();
    return out;
}

const Finding *findingWith(const QVector<Finding> &findings, const char *code) {
    for (const Finding &f : findings)
        if (QByteArray(f.type->code) == code)
            return &f;
    return nullptr;
}

const QByteArray kEnrolledEntry = R"(apiVersion: v1
kind: Namespace
metadata:
  name: istio-egress
  labels: {istio.io/use-waypoint: waypoint}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: waypoint, namespace: istio-egress}
spec:
  gatewayClassName: istio-waypoint
  listeners: [{name: mesh, port: 15008, protocol: HBONE}]
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: httpbin, namespace: istio-egress}
spec:
  hosts: [httpbin.org]
  ports: [{number: 80, name: http, protocol: HTTP}]
  resolution: DNS
)";

} // namespace

class TestValidationAmbient : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // The page's waypoint, labels, ServiceEntry, DestinationRule and AuthorizationPolicy: no
    // ambient finding, and Istio's IST0128 says, as for sidecars, that the SIMPLE origination
    // names no CA (the waypoint originates it).
    void egressPageConfigurationChecksClean() {
        const QVector<Finding> found =
            test::validateFiles({test::dataFile(QStringLiteral("flow/ambient-egress.yaml"))});
        QCOMPARE(codesOf(found), QStringList{"IST0128"});
        QCOMPARE(findingWith(found, "IST0128")->resource.toString(),
                 QStringLiteral("DestinationRule istio-egress/httpbin"));
    }

    // What a user reads when the namespace names a waypoint nobody created.
    void missingWaypointIsExplained() {
        QByteArray yaml = kEnrolledEntry;
        yaml.replace("istio.io/use-waypoint: waypoint", "istio.io/use-waypoint: egress");
        const QVector<Finding> found = validate(loadBytes(QStringLiteral("t.yaml"), yaml));
        const Finding *f = findingWith(found, "EGR0017");
        QVERIFY(f);
        QCOMPARE(f->resource.toString(), QStringLiteral("Namespace istio-egress"));
        QCOMPARE(f->message,
                 QStringLiteral("This Namespace is bound to the waypoint istio-egress/egress "
                                "(label istio.io/use-waypoint), which does not exist: Istio binds "
                                "it to no waypoint, so its traffic skips the policies, routes and "
                                "TLS origination a waypoint would apply."));
        QCOMPARE(f->toDiagnostic().severity, Severity::Error);
    }

    // A Sidecar resource in an ambient namespace is Istio's IST0167, not a second code.
    void sidecarInAmbientNamespaceIsIneffective() {
        const QByteArray yaml = R"(apiVersion: v1
kind: Namespace
metadata: {name: shop, labels: {istio.io/dataplane-mode: ambient}}
---
apiVersion: networking.istio.io/v1
kind: Sidecar
metadata: {name: default, namespace: shop}
spec:
  egress: [{hosts: [istio-egress/httpbin.org]}]
)";
        const QVector<Finding> found = validate(loadBytes(QStringLiteral("t.yaml"), yaml));
        const Finding *f = findingWith(found, "IST0167");
        QVERIFY(f);
        QVERIFY2(f->message.contains("ambient mode, where Sidecar resources do not apply"),
                 qPrintable(f->message));
    }

    // The live validator re-checks the ServiceEntry's binding when the waypoint goes, as a
    // fresh run does.
    void liveFollowsTheWaypoint() {
        Workspace ws = loadBytes(QStringLiteral("t.yaml"), kEnrolledEntry);
        Validator live;
        QVERIFY(!codesOf(live.findings(ws)).contains("EGR0017"));
        DocumentId waypoint;
        for (const Resource *r : ws.resources())
            if (r->kind == Kind::KubernetesGateway)
                waypoint = r->id.document;
        QByteArray text = ws.document(waypoint)->text;
        text.replace("name: waypoint,", "name: egress-waypoint,");
        ws.setDocumentText(waypoint, text);
        live.update(ws);
        QCOMPARE(codesOf(live.findings(ws)), codesOf(validate(ws)));
        QVERIFY(codesOf(live.findings(ws)).contains("EGR0017"));
    }
};

QTEST_GUILESS_MAIN(TestValidationAmbient)
#include "tst_validation_ambient.moc"

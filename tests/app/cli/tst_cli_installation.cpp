// The installation on the command line: installation documents given with --mesh-config, the
// istio/gateway chart's values with --gateway-values, the gateway Egret infers named on standard
// error, and `route add` saying which port to add where, in the installation's own format.
#include "TestSupport.h"

using namespace egret;

class TestCliInstallation : public QObject {
    Q_OBJECT

    using Run = test::EgretRun;
    static Run egret(const QStringList &args) { return test::runEgret(args); }
    static QString data(const char *name) {
        return test::dataFile(QStringLiteral("installation/") + QLatin1String(name));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(QFile::exists(test::egretBinary()), "EGRET_BINARY not set"); }

    void helpNamesTheOptions() {
        for (const char *command : {"validate", "graph"}) {
            const Run r = egret({command, "--help"});
            QVERIFY2(r.out.contains("--mesh-config") && r.out.contains("--gateway-values"),
                     command);
        }
        QVERIFY(egret({"route", "add", "--help"}).out.contains("--gateway-values"));
    }

    // Without the IstioOperator the TCP route's port 7777 is missing from the assumed gateway;
    // with it, among the inputs or given apart, the route validates.
    void istioOperatorExposesThePort() {
        const Run without = egret({"validate", data("tcp-route.yaml")});
        QCOMPARE(without.exitCode, 1);
        QVERIFY(
            without.out.contains("Referenced host:port not found: "
                                 "\"istio-egressgateway.istio-system.svc.cluster.local:7777\""));
        const Run given = egret(
            {"validate", data("tcp-route.yaml"), "--mesh-config", data("iop-egress-7777.yaml")});
        QCOMPARE(given.exitCode, 0);
        QVERIFY(given.out.isEmpty());
        QVERIFY(given.err.contains("No validation issues found in 1 file(s)."));
        const Run among = egret({"validate", data("tcp-route.yaml"), data("iop-egress-7777.yaml")});
        QCOMPARE(among.exitCode, 0);
    }

    // The chart's values for a release: its ports are the Service's; 7777 is not among them, and
    // the finding says which values file the gateway comes from.
    void gatewayValues() {
        const Run r = egret({"validate", data("tcp-route.yaml"), "--gateway-values",
                             "istio-system/istio-egressgateway=" + data("gateway-values.yaml")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.contains("(relies on the gateway istio-system/istio-egressgateway installed "
                               "by Helm values of istio-system/istio-egressgateway (" +
                               data("gateway-values.yaml").toUtf8() + "))"));
        const Run bad =
            egret({"validate", data("tcp-route.yaml"), "--gateway-values", "values.yaml"});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains("--gateway-values takes NS/RELEASE=FILE"));
    }

    void meshConfigRefusesOtherKinds() {
        QTemporaryDir dir;
        const QString path = dir.filePath("secret.yaml");
        QVERIFY(test::writeFile(path, "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n"));
        const Run r = egret({"validate", data("tcp-route.yaml"), "--mesh-config", path});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(":1:1: error: Secret is not a mesh config"));
    }

    // Istio's Helm guide's layout: the gateway is inferred where the routes send, said on
    // standard error even though nothing is found.
    void inferredGatewayIsNamed() {
        const Run r = egret({"validate", data("helm-egress-repo.yaml")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.contains("egret validate: note: gateway istio-egress/istio-egressgateway "
                               "assumed installed there: VirtualService shop/httpbin-via-egress"));
    }

    // A route through a gateway declared by an IstioOperator that lacks the port: the note says
    // what to add, at which path of which document.
    void routeSaysWhereToAddThePort() {
        QTemporaryDir dir;
        const QString file = dir.filePath("routes.yaml");
        const Run r = egret({"route", "add", file, "--host", "db.example.com", "--pattern", "tcp",
                             "--subnet", "203.0.113.9", "--port", "5432", "--gateway-port", "7000",
                             "--mesh-config", data("iop-egress-7777.yaml")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("add {name: tcp-7000, port: 7000, targetPort: 7000} to "
                                "spec.components.egressGateways[0].k8s.service.ports of "
                                "IstioOperator in istio-system (" +
                                data("iop-egress-7777.yaml").toUtf8() + ":2:1)"),
                 r.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliInstallation)
#include "tst_cli_installation.moc"

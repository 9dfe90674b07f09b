// Every typed kind reads the fields egress depends on.
#include "TestSupport.h"

#include "model/io/Loader.h"

using namespace egret;

namespace {

template <class T> const T &only(const Workspace &ws) {
    const auto all = ws.resources();
    Q_ASSERT(all.size() == 1);
    const T *t = all.first()->template as<T>();
    Q_ASSERT(t);
    return *t;
}

} // namespace

class TestDecode : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void gateway() {
        const Workspace ws = loadFiles({test::dataFile(QStringLiteral("decode/gateway.yaml"))});
        QVERIFY(ws.diagnostics().isEmpty());
        const Resource *r = ws.resources().first();
        QCOMPARE(r->kind, Kind::Gateway);
        QCOMPARE(r->meta.name, QStringLiteral("egress"));
        QCOMPARE(r->ns, QStringLiteral("istio-system"));
        QCOMPARE(r->meta.labels.value("a"), QStringLiteral("b"));
        QCOMPARE(r->meta.annotations.value("x"), QStringLiteral("z"));
        const Gateway &g = only<Gateway>(ws);
        QCOMPARE(g.selector.value("istio"), QStringLiteral("egressgateway"));
        QCOMPARE(g.servers.size(), 1);
        const Server &s = g.servers[0];
        QCOMPARE(s.name, QStringLiteral("tls-passthrough"));
        QCOMPARE(s.bind, QStringLiteral("0.0.0.0"));
        QCOMPARE(s.port.number, 443);
        QCOMPARE(s.port.name, QStringLiteral("tls"));
        QCOMPARE(s.port.protocol, QStringLiteral("TLS"));
        QCOMPARE(s.port.targetPort, 8443);
        QCOMPARE(s.hosts, QStringList({"./*.example.com", "ns/api.example.com"}));
        QVERIFY(s.tls);
        QCOMPARE(s.tls->mode, QStringLiteral("ISTIO_MUTUAL"));
        QCOMPARE(s.tls->credentialName, QStringLiteral("egress-cert"));
        QCOMPARE(s.tls->serverCertificate, QStringLiteral("/etc/cert.pem"));
        QCOMPARE(s.tls->privateKey, QStringLiteral("/etc/key.pem"));
        QCOMPARE(s.tls->caCertificates, QStringLiteral("/etc/ca.pem"));
        QCOMPARE(s.tls->subjectAltNames.size(), 1);
    }

    void serviceEntry() {
        const Workspace ws =
            loadFiles({test::dataFile(QStringLiteral("decode/serviceentry.yaml"))});
        QVERIFY(ws.diagnostics().isEmpty());
        const ServiceEntry &se = only<ServiceEntry>(ws);
        QCOMPARE(ws.resources().first()->ns, QStringLiteral("default"));
        QCOMPARE(se.hosts, QStringList{"db.example.com"});
        QCOMPARE(se.addresses, QStringList{"10.0.0.0/24"});
        QCOMPARE(se.ports.size(), 1);
        QCOMPARE(se.ports[0].number, 5432);
        QCOMPARE(se.ports[0].protocol, QStringLiteral("TCP"));
        QCOMPARE(se.ports[0].name, QStringLiteral("tcp"));
        QCOMPARE(se.ports[0].targetPort, 15432);
        QCOMPARE(se.location, QStringLiteral("MESH_EXTERNAL"));
        QCOMPARE(se.resolution, QStringLiteral("STATIC"));
        QCOMPARE(se.endpoints.size(), 1);
        QCOMPARE(se.endpoints[0].address, QStringLiteral("10.0.0.5"));
        QCOMPARE(se.endpoints[0].ports.value("tcp"), 5433);
        QCOMPARE(se.endpoints[0].labels.value("v"), QStringLiteral("1"));
        QCOMPARE(se.endpoints[0].weight, 3);
        QCOMPARE(se.exportTo, QStringList{"."});
        QCOMPARE(se.subjectAltNames, QStringList{"db-san"});
        QVERIFY(!se.workloadSelector);
    }

    void virtualService() {
        const Workspace ws =
            loadFiles({test::dataFile(QStringLiteral("decode/virtualservice.yaml"))});
        QVERIFY2(ws.diagnostics().isEmpty(), qPrintable(ws.diagnostics().value(0).toString()));
        const VirtualService &vs = only<VirtualService>(ws);
        QCOMPARE(vs.hosts, QStringList{"edition.cnn.com"});
        QCOMPARE(vs.gateways, QStringList({"istio-system/egress", "mesh"}));
        QCOMPARE(vs.exportTo, QStringList{"*"});
        QCOMPARE(vs.http.size(), 1);
        const HttpRoute &h = vs.http[0];
        QCOMPARE(h.name, QStringLiteral("via-gateway"));
        QCOMPARE(h.match.size(), 1);
        QCOMPARE(h.match[0].gateways, QStringList{"mesh"});
        QCOMPARE(h.match[0].port, 80);
        QCOMPARE(h.match[0].uri->type, QStringLiteral("prefix"));
        QCOMPARE(h.match[0].uri->value, QStringLiteral("/api"));
        QCOMPARE(h.match[0].headers.value("x-user").value, QStringLiteral("bob"));
        QCOMPARE(h.match[0].sourceLabels.value("app"), QStringLiteral("curl"));
        QCOMPARE(h.match[0].sourceNamespace, QStringLiteral("web"));
        QCOMPARE(h.match[0].authority->type, QStringLiteral("regex"));
        QVERIFY(!h.match[0].canonical.isEmpty());
        QCOMPARE(h.route.size(), 2);
        QCOMPARE(h.route[0].destination.host,
                 QStringLiteral("istio-egressgateway.istio-system.svc.cluster.local"));
        QCOMPARE(h.route[0].destination.subset, QStringLiteral("cnn"));
        QCOMPARE(h.route[0].destination.port, 80);
        QCOMPARE(h.route[0].weight, 90);
        QCOMPARE(h.timeout, QStringLiteral("5s"));
        QCOMPARE(h.retries->attempts, 3);
        QCOMPARE(h.retries->perTryTimeout, QStringLiteral("2s"));
        QCOMPARE(h.retries->retryOn, QStringLiteral("5xx"));
        QCOMPARE(h.fault->fixedDelay, QStringLiteral("1s"));
        QCOMPARE(h.fault->delayPercentage, 50.0);
        QCOMPARE(h.fault->abortHttpStatus, 503);
        QCOMPARE(h.fault->abortPercentage, 1.5);
        QCOMPARE(h.mirror->host, QStringLiteral("mirror.example.com"));
        QCOMPARE(h.mirror->port, 8080);
        QCOMPARE(vs.tls.size(), 1);
        QCOMPARE(vs.tls[0].match[0].sniHosts, QStringList{"a.example.com"});
        QCOMPARE(vs.tls[0].match[0].port, 443);
        QCOMPARE(vs.tls[0].match[0].destinationSubnets, QStringList{"1.2.3.0/24"});
        QCOMPARE(vs.tls[0].route[0].destination.port, 443);
        QCOMPARE(vs.tcp.size(), 1);
        QCOMPARE(vs.tcp[0].match[0].port, 3306);
        QCOMPARE(vs.tcp[0].match[0].destinationSubnets, QStringList{"10.1.0.0/16"});
        QCOMPARE(vs.tcp[0].match[0].sourceSubnet, QStringLiteral("10.0.0.0/8"));
    }

    void destinationRule() {
        const Workspace ws =
            loadFiles({test::dataFile(QStringLiteral("decode/destinationrule.yaml"))});
        QVERIFY2(ws.diagnostics().isEmpty(), qPrintable(ws.diagnostics().value(0).toString()));
        const DestinationRule &dr = only<DestinationRule>(ws);
        QCOMPARE(dr.host, QStringLiteral("istio-egressgateway.istio-system.svc.cluster.local"));
        QCOMPARE(dr.exportTo, QStringList({".", "istio-system"}));
        QCOMPARE(dr.workloadSelector->value("app"), QStringLiteral("curl"));
        const TrafficPolicy &tp = *dr.trafficPolicy;
        QCOMPARE(tp.loadBalancer->simple, QStringLiteral("ROUND_ROBIN"));
        QCOMPARE(tp.connectionPool->maxConnections, 10);
        QCOMPARE(tp.connectionPool->connectTimeout, QStringLiteral("3s"));
        QCOMPARE(tp.connectionPool->http1MaxPendingRequests, 5);
        QCOMPARE(tp.outlierDetection->consecutive5xxErrors, 4);
        QCOMPARE(tp.outlierDetection->interval, QStringLiteral("10s"));
        QCOMPARE(tp.tls->mode, QStringLiteral("MUTUAL"));
        QCOMPARE(tp.tls->clientCertificate, QStringLiteral("/c.pem"));
        QCOMPARE(tp.tls->privateKey, QStringLiteral("/k.pem"));
        QCOMPARE(tp.tls->caCertificates, QStringLiteral("/ca.pem"));
        QCOMPARE(tp.tls->credentialName, QStringLiteral("cred"));
        QCOMPARE(tp.tls->sni, QStringLiteral("a.example.com"));
        QCOMPARE(tp.tls->subjectAltNames, QStringList{"a"});
        QCOMPARE(tp.tls->insecureSkipVerify, false);
        QCOMPARE(tp.portLevelSettings.size(), 1);
        QCOMPARE(tp.portLevelSettings[0].port, 443);
        QCOMPARE(tp.portLevelSettings[0].tls->mode, QStringLiteral("SIMPLE"));
        QCOMPARE(dr.subsets.size(), 1);
        QCOMPARE(dr.subsets[0].name, QStringLiteral("cnn"));
        QCOMPARE(dr.subsets[0].labels.value("version"), QStringLiteral("v1"));
        QCOMPARE(dr.subsets[0].trafficPolicy->portLevelSettings[0].tls->mode,
                 QStringLiteral("ISTIO_MUTUAL"));
    }

    void contextKinds() {
        const Workspace ws = loadFiles({test::dataFile("foundation/workloads.yaml"),
                                        test::dataFile("foundation/no-final-newline.yaml")});
        QVERIFY2(ws.diagnostics().isEmpty(), qPrintable(ws.diagnostics().value(0).toString()));
        const auto all = ws.resources();
        QCOMPARE(all.size(), 5);
        const Workload *deploy = all[0]->as<Workload>();
        QCOMPARE(all[0]->kind, Kind::Deployment);
        // The YAML merge key `<<: *labels` applies, as kubectl applies it.
        QCOMPARE(deploy->podLabels.value("app"), QStringLiteral("checkout"));
        QCOMPARE(deploy->podLabels.value("version"), QStringLiteral("v1"));
        QCOMPARE(deploy->selector.value("app"), QStringLiteral("checkout"));
        QCOMPARE(deploy->podAnnotations.value("sidecar.istio.io/inject"), QStringLiteral("true"));
        QCOMPARE(deploy->serviceAccount, QStringLiteral("checkout"));
        const Service *svc = all[1]->as<Service>();
        QVERIFY(svc->hasSelector);
        QCOMPARE(svc->ports.size(), 2);
        QCOMPARE(svc->ports[0].port, 80);
        QCOMPARE(svc->ports[0].targetPortNumber, 8080);
        QCOMPARE(svc->ports[0].protocol, QStringLiteral("TCP"));
        QCOMPARE(svc->ports[1].targetPort, QStringLiteral("grpc"));
        QVERIFY(!svc->ports[1].targetPortNumber);
        QVERIFY(svc->ports[1].protocol.isEmpty());
        QCOMPARE(all[1]->meta.annotations.value("networking.istio.io/exportTo"),
                 QStringLiteral("payments,istio-system"));
        QCOMPARE(all[2]->kind, Kind::Pod);
        QCOMPARE(all[2]->as<Workload>()->nodeName, QStringLiteral("node-1"));
        QCOMPARE(all[2]->as<Workload>()->podLabels.value("app"), QStringLiteral("debug"));
        const Secret *secret = all[3]->as<Secret>();
        QCOMPARE(secret->data.value("tls.crt"), QByteArray("hello"));
        QCOMPARE(secret->data.value("ca.crt"), QByteArray("world"));
        const Sidecar *sidecar = all[4]->as<Sidecar>();
        QCOMPARE(sidecar->egress.size(), 1);
        QCOMPARE(sidecar->egress[0].hosts, QStringList({"./*", "istio-system/*"}));
        QCOMPARE(sidecar->outboundTrafficPolicyMode, QStringLiteral("REGISTRY_ONLY"));
    }

    void everyIstioApiVersionIsAccepted_data() {
        QTest::addColumn<QString>("apiVersion");
        QTest::newRow("v1") << "networking.istio.io/v1";
        QTest::newRow("v1beta1") << "networking.istio.io/v1beta1";
        QTest::newRow("v1alpha3") << "networking.istio.io/v1alpha3";
    }
    void everyIstioApiVersionIsAccepted() {
        QFETCH(QString, apiVersion);
        const Workspace ws =
            loadBytes("t.yaml", QStringLiteral("apiVersion: %1\nkind: ServiceEntry\n"
                                               "metadata: {name: a}\nspec: {hosts: [a.com]}\n")
                                    .arg(apiVersion)
                                    .toUtf8());
        QCOMPARE(ws.resources().first()->kind, Kind::ServiceEntry);
        QCOMPARE(ws.resources().first()->apiVersion, apiVersion);
    }

    void otherKindsAreKeptOpaque() {
        const Workspace ws = loadFiles({test::dataFile("foundation/mixed.yaml")});
        QStringList kinds;
        for (const Resource *r : ws.resources())
            kinds << r->kindName + QLatin1Char('/') + kindName(r->kind);
        QCOMPARE(kinds, QStringList({"ServiceEntry/ServiceEntry", "DestinationRule/DestinationRule",
                                     "VirtualService/VirtualService", "Telemetry/Unknown",
                                     "ConfigMap/Unknown", "Namespace/Namespace"}));
        // List items know where they are.
        QCOMPARE(ws.resources()[4]->basePath, QStringLiteral("items[0]"));
        QCOMPARE(ws.resources()[5]->id.item, 1);
        QCOMPARE(ws.resources()[5]->ns, QString()); // cluster-scoped
    }
};

QTEST_APPLESS_MAIN(TestDecode)
#include "tst_decode.moc"

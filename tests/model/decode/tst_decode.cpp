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
        QCOMPARE(g.servers.size(), 2);
        const Server &s = g.servers[0];
        QCOMPARE(s.name, QStringLiteral("tls-mutual"));
        QCOMPARE(s.bind, QStringLiteral("0.0.0.0"));
        QCOMPARE(s.port.number, 443);
        QCOMPARE(s.port.name, QStringLiteral("tls"));
        QCOMPARE(s.port.protocol, QStringLiteral("TLS"));
        QVERIFY(!s.port.targetPort); // Istio's webhook refuses one on a Gateway
        QCOMPARE(s.hosts, QStringList({"./*.example.com", "ns/api.example.com"}));
        QVERIFY(s.tls);
        QCOMPARE(s.tls->mode, QStringLiteral("MUTUAL"));
        QCOMPARE(s.tls->serverCertificate, QStringLiteral("/etc/cert.pem"));
        QCOMPARE(s.tls->privateKey, QStringLiteral("/etc/key.pem"));
        QCOMPARE(s.tls->caCertificates, QStringLiteral("/etc/ca.pem"));
        QCOMPARE(s.tls->subjectAltNames.size(), 1);
        // A credential is the other way to name the certificate, on a server of its own.
        QVERIFY(g.servers[1].tls);
        QCOMPARE(g.servers[1].tls->mode, QStringLiteral("SIMPLE"));
        QCOMPARE(g.servers[1].tls->credentialName, QStringLiteral("egress-cert"));
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
        QCOMPARE(vs.tls[0].match[0].sniHosts, QStringList{"edition.cnn.com"});
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
        QCOMPARE(dr.exportTo, QStringList({"."}));
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
        QCOMPARE(tp.tls->sni, QStringLiteral("a.example.com"));
        QCOMPARE(tp.tls->subjectAltNames, QStringList{"a"});
        QCOMPARE(tp.tls->insecureSkipVerify, false);
        QCOMPARE(tp.portLevelSettings.size(), 1);
        QCOMPARE(tp.portLevelSettings[0].port, 443);
        QCOMPARE(tp.portLevelSettings[0].tls->mode, QStringLiteral("SIMPLE"));
        QCOMPARE(tp.portLevelSettings[0].tls->credentialName, QStringLiteral("cred"));
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

    // The Gateway API kinds, as Istio's Gateway API tasks write them.
    void gatewayApiGateway() {
        const Workspace ws = loadBytes("t.yaml", R"(apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: egress
  annotations: {networking.istio.io/service-type: ClusterIP}
spec:
  gatewayClassName: istio
  listeners:
  - name: https
    hostname: api.example.com
    port: 443
    protocol: HTTPS
    tls:
      mode: Terminate
      certificateRefs: [{name: api-cert, namespace: certs}]
      options: {gateway.istio.io/tls-terminate-mode: ISTIO_MUTUAL}
    allowedRoutes:
      namespaces:
        from: Selector
        selector: {matchLabels: {egress: allowed}}
      kinds: [{kind: HTTPRoute}]
  addresses: [{type: Hostname, value: egress.internal}]
  infrastructure: {labels: {team: net}}
)");
        const auto &g = only<KubernetesGateway>(ws);
        QCOMPARE(ws.resources().first()->kind, Kind::KubernetesGateway);
        QCOMPARE(g.gatewayClassName, QStringLiteral("istio"));
        QCOMPARE(g.listeners.size(), 1);
        const GatewayListener &l = g.listeners.first();
        QCOMPARE(l.port, 443);
        QCOMPARE(l.protocol, QStringLiteral("HTTPS"));
        QVERIFY(l.tls);
        QCOMPARE(l.tls->mode, QStringLiteral("Terminate"));
        QCOMPARE(l.tls->certificateRefs.first().ns, QStringLiteral("certs"));
        QCOMPARE(l.tls->options.value("gateway.istio.io/tls-terminate-mode"),
                 QStringLiteral("ISTIO_MUTUAL"));
        QCOMPARE(l.routeNamespaces, QStringLiteral("Selector"));
        QCOMPARE(l.routeNamespaceSelector.value("egress"), QStringLiteral("allowed"));
        QCOMPARE(l.routeKinds, QStringList{"HTTPRoute"});
        QCOMPARE(g.addresses.first().value, QStringLiteral("egress.internal"));
        QCOMPARE(g.infrastructureLabels.value("team"), QStringLiteral("net"));
    }

    void gatewayApiRoute() {
        const Workspace ws = loadBytes("t.yaml", R"(apiVersion: gateway.networking.k8s.io/v1beta1
kind: HTTPRoute
metadata: {name: api}
spec:
  parentRefs:
  - {kind: ServiceEntry, group: networking.istio.io, name: api, port: 80}
  - {name: egress, namespace: gw, sectionName: http}
  hostnames: [api.example.com]
  rules:
  - matches:
    - path: {type: PathPrefix, value: /v2}
      headers: [{name: X-Tenant, value: a}]
    - path: {type: PathPrefix, value: /}
    timeouts: {request: 3s}
    backendRefs:
    - {kind: Hostname, group: networking.istio.io, name: api.example.com, port: 80, weight: 9}
    - {name: egress-istio, port: 80}
)");
        const auto &route = only<GatewayRoute>(ws);
        QCOMPARE(ws.resources().first()->kind, Kind::HttpRoute);
        QCOMPARE(route.parentRefs.size(), 2);
        QCOMPARE(route.parentRefs[0].kind, QStringLiteral("ServiceEntry"));
        QCOMPARE(route.parentRefs[0].port, 80);
        QCOMPARE(route.parentRefs[1].sectionName, QStringLiteral("http"));
        QCOMPARE(route.hostnames, QStringList{"api.example.com"});
        const GatewayRouteRule &rule = route.rules.first();
        QCOMPARE(rule.requestTimeout, QStringLiteral("3s"));
        QCOMPARE(rule.matchCount, 2);
        // Istio's conversion: a path prefix becomes a uri prefix, header names lower case; the
        // second match (prefix "/") selects every request and carries no uri.
        QCOMPARE(rule.matches[0].uri->value, QStringLiteral("/v2"));
        QVERIFY(rule.matches[0].headers.contains("x-tenant"));
        QVERIFY(!rule.matches[1].uri);
        QCOMPARE(rule.backendRefs[0].weight, 9);
        QCOMPARE(rule.backendRefs[1].name, QStringLiteral("egress-istio"));
    }

    void gatewayApiGrantAndPolicy() {
        const Workspace ws = loadBytes("t.yaml", R"(apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: g, namespace: ext}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: default}]
  to: [{group: "", kind: Service, name: nginx}]
---
apiVersion: gateway.networking.k8s.io/v1alpha3
kind: BackendTLSPolicy
metadata: {name: p}
spec:
  targetRefs: [{group: networking.istio.io, kind: ServiceEntry, name: api}]
  validation: {hostname: api.example.com, wellKnownCACertificates: System}
)");
        const auto all = ws.resources();
        QCOMPARE(all.size(), 2);
        const ReferenceGrant *g = all[0]->as<ReferenceGrant>();
        QVERIFY(g);
        QCOMPARE(g->from.first().ns, QStringLiteral("default"));
        QCOMPARE(g->to.first().name, QStringLiteral("nginx"));
        const BackendTlsPolicy *p = all[1]->as<BackendTlsPolicy>();
        QVERIFY(p);
        QCOMPARE(p->targetRefs.first().name, QStringLiteral("api"));
        QCOMPARE(p->hostname, QStringLiteral("api.example.com"));
        QCOMPARE(p->wellKnownCACertificates, QStringLiteral("System"));
    }

    void backendTlsPolicyV1alpha2() {
        // Gateway API 1.0 wrote one targetRef and the TLS settings under `tls`.
        const Workspace ws = loadBytes("t.yaml", R"(apiVersion: gateway.networking.k8s.io/v1alpha2
kind: BackendTLSPolicy
metadata: {name: p}
spec:
  targetRef: {group: networking.istio.io, kind: ServiceEntry, name: api}
  tls: {hostname: api.example.com, caCertRefs: [{group: "", kind: ConfigMap, name: ca}]}
)");
        QVERIFY(ws.diagnostics().isEmpty());
        const auto &p = only<BackendTlsPolicy>(ws);
        QCOMPARE(p.targetRefs.size(), 1);
        QCOMPARE(p.targetRefs.first().name, QStringLiteral("api"));
        QCOMPARE(p.hostname, QStringLiteral("api.example.com"));
        QCOMPARE(p.caCertificateRefs.first().name, QStringLiteral("ca"));
    }

    // A kind or version of a traffic group that Egret does not read is said to be unread, at its
    // position, so no verdict is given over it silently; other kinds pass without a word.
    void unreadTrafficKindsAreNamed() {
        const Workspace ws = loadBytes("t.yaml", R"(apiVersion: gateway.networking.k8s.io/v1alpha1
kind: HTTPRoute
metadata: {name: old}
---
apiVersion: networking.istio.io/v1alpha3
kind: EnvoyFilter
metadata: {name: sni}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings}
---
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: istio}
)");
        QStringList notes;
        for (const Diagnostic &d : ws.diagnostics())
            if (d.code == QLatin1String("not-read"))
                notes << QStringLiteral("%1 %2").arg(d.location.line).arg(d.message);
        QCOMPARE(notes.size(), 2);
        QVERIFY2(notes[0].startsWith("1 HTTPRoute gateway.networking.k8s.io/v1alpha1 is not a "
                                     "version Istio 1.22-1.30 serves (v1, v1beta1)"),
                 qPrintable(notes[0]));
        QVERIFY2(notes[1].startsWith("5 Egret does not read EnvoyFilter"), qPrintable(notes[1]));
        for (const Diagnostic &d : ws.diagnostics())
            QCOMPARE(d.severity, Severity::Info);
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

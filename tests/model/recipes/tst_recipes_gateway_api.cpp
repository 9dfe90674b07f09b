// The patterns in the Gateway API, as the "Gateway API" tabs of Istio's egress tasks write them:
// what each writes, that Istio would accept it and draw the flow of the Istio-API variant, how a
// second host joins the gateway, and which dialect a workspace gets by default.
#include "FlowTestSupport.h"
#include "RecipeCases.h"
#include "TestSupport.h"

#include "model/core/KubernetesNames.h"
#include "model/io/Exporter.h"
#include "model/io/Loader.h"
#include "model/recipes/Patterns.h"
#include "model/validation/Validator.h"

using namespace egret;
using namespace egret::test;

namespace {

using recipes::Api;

recipes::RouteRequest gatewayApi(const char *caseName) {
    return inApi(patternCase(QLatin1String(caseName))->request, Api::GatewayApi);
}

recipes::RouteRequest route(recipes::Pattern p, const char *host, Api api = Api::GatewayApi) {
    return inApi(request(p, host), api);
}

// The workspace after adding the route to an empty one; nothing (with the reason) when refused.
std::optional<Workspace> designed(const recipes::RouteRequest &r, QString *error = nullptr) {
    Workspace ws;
    QString why;
    if (!addRouteTo(ws, r, &why)) {
        if (error)
            *error = why;
        return std::nullopt;
    }
    return ws;
}

int count(const Workspace &ws, Kind kind) {
    int n = 0;
    ws.forEachResource([&](const Resource &r) { n += r.kind == kind; });
    return n;
}

const Resource *first(const Workspace &ws, Kind kind) {
    for (const Resource *r : ws.resources())
        if (r->kind == kind)
            return r;
    return nullptr;
}

QStringList names(const Workspace &ws) {
    QStringList out;
    for (const Resource *r : ws.resources())
        out << QStringLiteral("%1 %2 %3").arg(r->apiVersion, r->kindName, r->meta.name);
    return out;
}

// Istio's TCP egress exposes the gateway port on the installed gateway's Service; the gateway
// Istio deploys from the Gateway API exposes every listener's port itself.
Workspace withInstallation(const PatternCase &c, Api api, const Workspace &ws) {
    if (QLatin1String(c.name) != QLatin1String("tcp") || api == Api::GatewayApi)
        return ws;
    QVector<QPair<QString, QByteArray>> files;
    for (int i = 0; i < ws.files().size(); ++i)
        files.append({ws.files()[i].path, ws.fileBytes(i)});
    const QString extra = dataFile(QStringLiteral("recipes/egress-gateway-exposing-7777.yaml"));
    files.append({extra, readFile(extra)});
    return loadBuffers(files);
}

QStringList errorsOf(const Workspace &ws) {
    QStringList out;
    for (const validation::Finding &f : validation::validate(ws))
        if (f.type->level == Severity::Error)
            out << f.toDiagnostic().toString();
    return out;
}

void addGatewayRows() {
    QTest::addColumn<QString>("name");
    for (const PatternCase &c : patternCases())
        if (recipes::patternInfo(c.request.pattern).viaGateway)
            QTest::newRow(c.name) << QString::fromLatin1(c.name);
}

} // namespace

class TestRecipesGatewayApi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // (1) and (2): the documents load without a diagnostic, export, and pass the validator with
    // no Error (EGR0016's Warning on the experimental route kinds is expected).
    void eachVariantLoadsCleanAndValidates_data() { addGatewayRows(); }
    void eachVariantLoadsCleanAndValidates() {
        QFETCH(QString, name);
        QString error;
        const std::optional<Workspace> ws = designed(gatewayApi(qPrintable(name)), &error);
        QVERIFY2(ws, qPrintable(error));
        QVERIFY(count(*ws, Kind::KubernetesGateway) == 1);
        QCOMPARE(count(*ws, Kind::Gateway) + count(*ws, Kind::VirtualService), 0);
        for (const Diagnostic &d : ws->diagnostics())
            QFAIL(qPrintable(d.toString()));
        for (const Resource *r : ws->resources())
            QVERIFY2(r->wellFormed && r->unknownFields.isEmpty(), qPrintable(r->meta.name));
        const ExportResult exported = exportWorkspace(*ws);
        QVERIFY(exported.ok);
        QCOMPARE(exported.documents, int(ws->resources().size()));
        const QStringList errors = errorsOf(*ws);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join('\n')));
    }

    // (3): Istio builds the same proxy configuration from both dialects, so the flows are the same
    // hops, ports and TLS on the wire, the gateway's name aside.
    void eachVariantDrawsTheIstioApiVariantsHops_data() { addGatewayRows(); }
    void eachVariantDrawsTheIstioApiVariantsHops() {
        QFETCH(QString, name);
        const PatternCase &c = *patternCase(name);
        const std::optional<Workspace> istio = designed(inApi(c.request, Api::Istio));
        const std::optional<Workspace> ours = designed(inApi(c.request, Api::GatewayApi));
        QVERIFY(istio && ours);
        const QStringList expected =
            hopShapes(deriveFlows(withInstallation(c, Api::Istio, *istio), MeshConfig{}));
        const QStringList actual =
            hopShapes(deriveFlows(withInstallation(c, Api::GatewayApi, *ours), MeshConfig{}));
        QVERIFY(actual.join('\n').contains("-> gateway "));
        QCOMPARE(actual.join('\n'), expected.join('\n'));
    }

    // And the flow of Istio's own Gateway API task, where the corpus has it: the docs' files and
    // the recipe's draw the same hops.
    void eachVariantDrawsIstiosGatewayApiTask_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("task");
        QTest::addColumn<QString>("onlyInTask");
        // The task's ServiceEntry also opens 443 for a later step; the pattern leaves it out.
        QTest::newRow("http") << "http"
                              << "egress-gateway/gateway-api/01-http-via-egress-gateway.yaml"
                              << "workload:* -> host:edition.cnn.com 443 HTTPS app-tls";
        QTest::newRow("tls-passthrough")
            << "tls-passthrough"
            << "egress-gateway/gateway-api/02-https-passthrough-via-egress-gateway.yaml"
            << "";
        QTest::newRow("tls-origination") << "tls-origination"
                                         << "egress-gateway-tls-origination/gateway-api/"
                                            "01-tls-origination-at-egress-gateway.yaml"
                                         << "";
    }
    void eachVariantDrawsIstiosGatewayApiTask() {
        EGRET_REQUIRE_CORPUS();
        QFETCH(QString, name);
        QFETCH(QString, task);
        QFETCH(QString, onlyInTask);
        QStringList expected = hopShapes(flowsOfBytes(docs(task)));
        if (!onlyInTask.isEmpty())
            QVERIFY2(expected.removeAll(onlyInTask) == 1, qPrintable(onlyInTask));
        const std::optional<Workspace> ws =
            designed(inApi(patternCase(name)->request, Api::GatewayApi));
        QVERIFY(ws);
        QCOMPARE(hopShapes(deriveFlows(*ws, MeshConfig{})).join('\n'), expected.join('\n'));
    }

    void resourcesAreWrittenAsTheGatewayApiTabWritesThem() {
        const recipes::RouteResult r =
            recipes::addRoute(Workspace(), gatewayApi("tls-origination"));
        QVERIFY2(r.ok, qPrintable(recipes::describe(r.problems)));
        QCOMPARE(r.change.description(),
                 QStringLiteral("Add route to edition.cnn.com:80 (tls-origination, Gateway API)"));
        Workspace ws;
        QVERIFY(r.change.apply(ws));
        QCOMPARE(
            names(ws),
            (QStringList{
                "networking.istio.io/v1 ServiceEntry edition-cnn-com",
                "gateway.networking.k8s.io/v1 Gateway edition-cnn-com-egress-gateway",
                "networking.istio.io/v1 DestinationRule egressgateway-for-edition-cnn-com",
                "gateway.networking.k8s.io/v1 HTTPRoute direct-edition-cnn-com-to-egress-gateway",
                "gateway.networking.k8s.io/v1 HTTPRoute "
                "forward-edition-cnn-com-from-egress-gateway",
                "networking.istio.io/v1 DestinationRule originate-tls-for-edition-cnn-com"}));
        const QByteArray yaml = ws.fileBytes(0);
        for (const char *piece :
             {"  annotations:\n    networking.istio.io/service-type: ClusterIP\n",
              "  gatewayClassName: istio\n  listeners:\n  - name: "
              "https-listener-for-tls-origination\n"
              "    hostname: edition.cnn.com\n    port: 80\n    protocol: HTTPS\n    tls:\n"
              "      mode: Terminate\n      options:\n"
              "        gateway.istio.io/tls-terminate-mode: ISTIO_MUTUAL\n"
              "    allowedRoutes:\n      namespaces:\n        from: Same\n",
              "  host: edition-cnn-com-egress-gateway-istio.default.svc.cluster.local\n",
              "    - port:\n        number: 80\n      tls:\n        mode: ISTIO_MUTUAL\n"
              "        sni: edition.cnn.com\n",
              "  parentRefs:\n  - kind: ServiceEntry\n    group: networking.istio.io\n"
              "    name: edition-cnn-com\n  rules:\n  - backendRefs:\n"
              "    - name: edition-cnn-com-egress-gateway-istio\n      port: 80\n",
              "  parentRefs:\n  - name: edition-cnn-com-egress-gateway\n  hostnames:\n"
              "  - edition.cnn.com\n  rules:\n  - backendRefs:\n    - kind: Hostname\n"
              "      group: networking.istio.io\n      name: edition.cnn.com\n      port: 443\n"})
            QVERIFY2(yaml.contains(piece), piece);
        QVERIFY(r.notes.isEmpty()); // the gateway's Service exposes its listeners' ports itself
    }

    void experimentalRouteKindsSayWhatIstiodNeeds() {
        for (const char *name : {"tls-passthrough", "tcp"}) {
            const recipes::RouteResult r = recipes::addRoute(Workspace(), gatewayApi(name));
            QVERIFY2(r.ok, qPrintable(recipes::describe(r.problems)));
            QVERIFY2(r.notes.join(' ').contains("PILOT_ENABLE_ALPHA_GATEWAY_API=true"), name);
            Workspace ws;
            QVERIFY(r.change.apply(ws));
            QVERIFY(ws.fileBytes(0).contains("apiVersion: gateway.networking.k8s.io/v1alpha2\n"));
            // The validator says the same (a Warning, not an Error).
            bool experimental = false;
            for (const validation::Finding &f : validation::validate(ws))
                experimental = experimental || f.toDiagnostic().code == QLatin1String("EGR0016");
            QVERIFY2(experimental, name);
        }
        const recipes::RouteResult http = recipes::addRoute(Workspace(), gatewayApi("http"));
        QVERIFY(!http.notes.join(' ').contains("PILOT_ENABLE_ALPHA_GATEWAY_API"));
    }

    // Istio's wildcard task (Gateway API tab): the mesh route's parent is a ServiceEntry for the
    // wildcard, with no resolution; the gateway sends to the serving host.
    void aWildcardGetsItsOwnServiceEntryAsTheMeshRoutesParent() {
        const std::optional<Workspace> ws = designed(gatewayApi("tls-passthrough-wildcard"));
        QVERIFY(ws);
        QStringList hosts;
        for (const Resource *r : ws->resources())
            if (const ServiceEntry *se = r->as<ServiceEntry>())
                hosts << se->hosts.first() + QLatin1Char(' ') +
                             (se->resolution.isEmpty() ? QStringLiteral("NONE") : se->resolution);
        QCOMPARE(hosts, (QStringList{"*.example.org NONE", "www.example.org DNS"}));
        const QByteArray yaml = ws->fileBytes(0);
        QVERIFY(yaml.contains("    hostname: \"*.example.org\"\n"));
        QVERIFY(yaml.contains("    name: wildcard-example-org\n  rules:\n"));
        QVERIFY(yaml.contains("      name: www.example.org\n      port: 443\n"));
    }

    void aSecondHostJoinsTheGateway_data() {
        QTest::addColumn<int>("pattern");
        QTest::addColumn<QString>("listener");
        QTest::newRow("http") << int(recipes::Pattern::Http) << "http";
        QTest::newRow("tls-passthrough") << int(recipes::Pattern::TlsPassthrough) << "tls";
    }
    void aSecondHostJoinsTheGateway() {
        QFETCH(int, pattern);
        QFETCH(QString, listener);
        const auto p = recipes::Pattern(pattern);
        Workspace ws;
        QString error;
        QVERIFY(addRouteTo(ws, route(p, "api.one.com"), &error));
        const QByteArray one = ws.fileBytes(0);
        const recipes::RouteResult second = recipes::addRoute(ws, route(p, "api.two.com"));
        QVERIFY2(second.ok, qPrintable(recipes::describe(second.problems)));
        const QString kind = p == recipes::Pattern::Http ? "HTTPRoute" : "TLSRoute";
        QCOMPARE(
            second.summary,
            (QStringList{"created ServiceEntry default/api-two-com",
                         QStringLiteral("extended Gateway default/api-one-com-egress-gateway: "
                                        "listener %1-api-two-com for api.two.com on port %2")
                             .arg(listener)
                             .arg(recipes::withDefaults(route(p, "x")).gatewayPort),
                         "created " + kind + " default/direct-api-two-com-to-egress-gateway",
                         "created " + kind + " default/forward-api-two-com-from-egress-gateway"}));
        QVERIFY(second.change.apply(ws));
        QCOMPARE(count(ws, Kind::KubernetesGateway), 1);
        const KubernetesGateway &g = *first(ws, Kind::KubernetesGateway)->as<KubernetesGateway>();
        QCOMPARE(g.listeners.size(), 2);
        QCOMPARE(g.listeners[0].name, listener);
        QCOMPARE(g.listeners[1].name, listener + "-api-two-com");
        QCOMPARE(g.listeners[1].hostname, QStringLiteral("api.two.com"));
        int routes = 0;
        ws.forEachResource([&](const Resource &r) { routes += isGatewayApiRoute(r.kind); });
        QCOMPARE(routes, 4);
        QVERIFY2(errorsOf(ws).isEmpty(), qPrintable(errorsOf(ws).join('\n')));
        // Both hosts go through the one gateway.
        QStringList toHosts;
        const FlowGraph flows = deriveFlows(ws, MeshConfig{});
        for (const FlowHop &h : flows.hops())
            if (h.from == "gateway:default/api-one-com-egress-gateway-istio")
                toHosts << h.to;
        toHosts.sort();
        QCOMPARE(toHosts, (QStringList{"host:api.one.com", "host:api.two.com"}));
        // Removing the second takes exactly what it added.
        QVERIFY2(removeRouteFrom(ws, {"api.two.com", 0}, &error), qPrintable(error));
        QCOMPARE(ws.fileBytes(0), one);
        QVERIFY(removeRouteFrom(ws, {"api.one.com", 0}, &error));
        QCOMPARE(ws.fileBytes(0), QByteArray());
    }

    // Sidecars reach a gateway's mutual-TLS listener by the sni of the gateway's DestinationRule,
    // one per port: a second host there needs a port of its own.
    void aSecondHostOnAMutualTlsPortTakesAnotherGatewayPort() {
        Workspace ws;
        QString error;
        QVERIFY(addRouteTo(ws, route(recipes::Pattern::TlsOrigination, "api.one.com"), &error));
        const QByteArray one = ws.fileBytes(0);
        recipes::RouteRequest second = route(recipes::Pattern::TlsOrigination, "api.two.com");
        recipes::RouteResult r = recipes::addRoute(ws, second);
        QVERIFY(!r.ok);
        QCOMPARE(r.problems[0].field, QStringLiteral("gateway-port"));
        QVERIFY2(r.problems[0].message.contains("with sni api.one.com for port 80") &&
                     r.problems[0].message.contains("choose another --gateway-port"),
                 qPrintable(r.problems[0].message));
        second.gatewayPort = 8080;
        QVERIFY2(addRouteTo(ws, second, &error), qPrintable(error));
        QCOMPARE(count(ws, Kind::KubernetesGateway), 1);
        QCOMPARE(first(ws, Kind::KubernetesGateway)->as<KubernetesGateway>()->listeners.size(), 2);
        QVERIFY2(errorsOf(ws).isEmpty(), qPrintable(errorsOf(ws).join('\n')));
        QVERIFY2(removeRouteFrom(ws, {"api.two.com", 80}, &error), qPrintable(error));
        QCOMPARE(ws.fileBytes(0), one);
    }

    // The mesh route names no port, as Istio's tabs write it: it takes every TLS port of the host.
    void aSecondPortOfARoutedHostIsRefused() {
        Workspace ws;
        QString error;
        recipes::RouteRequest tls = route(recipes::Pattern::TlsPassthrough, "api.one.com");
        QVERIFY(addRouteTo(ws, tls, &error));
        tls.port = 8443;
        tls.gatewayPort = 8443;
        const recipes::RouteResult r = recipes::addRoute(ws, tls);
        QVERIFY(!r.ok);
        QVERIFY2(r.problems[0].message.contains(
                     "TLSRoute default/direct-api-one-com-to-egress-gateway already routes port "
                     "8443 of api.one.com to api-one-com-egress-gateway-istio.default.svc.cluster."
                     "local:443: remove that route first"),
                 qPrintable(r.problems[0].message));
        QVERIFY(r.change.isEmpty());
    }

    void addingTheSameRouteTwiceChangesNothing_data() { addGatewayRows(); }
    void addingTheSameRouteTwiceChangesNothing() {
        QFETCH(QString, name);
        const recipes::RouteRequest r = gatewayApi(qPrintable(name));
        Workspace once;
        QString error;
        QVERIFY2(addRouteTo(once, r, &error), qPrintable(error));
        const recipes::RouteResult again = recipes::addRoute(once, r);
        QVERIFY2(again.ok, qPrintable(recipes::describe(again.problems)));
        QVERIFY2(again.change.isEmpty(), qPrintable(again.summary.join('\n')));
        QVERIFY(again.summary.value(0).startsWith("nothing to change"));
    }

    // The docs' mTLS task: the host is a Service of the cluster in another namespace. The
    // gateway sends to that Service, which the route may name only with a ReferenceGrant there;
    // the gateway reads the client Secret with a Role in its own namespace.
    void mtlsToAServiceInAnotherNamespace() {
        EGRET_REQUIRE_CORPUS();
        const QString server =
            docsFile("egress-gateway-tls-origination/00-mesh-external-nginx-mtls-server.yaml");
        const QByteArray original = readFile(server);
        Workspace ws = loadBytes(QStringLiteral("routes.yaml"), original);
        const recipes::RouteResult r = recipes::addRoute(ws, gatewayApi("mtls-origination"));
        QVERIFY2(r.ok, qPrintable(recipes::describe(r.problems)));
        QVERIFY(r.change.apply(ws));
        QStringList kinds;
        for (const Resource *res : ws.resources())
            kinds << res->kindName + QLatin1Char(' ') + res->ns + QLatin1Char('/') + res->meta.name;
        QVERIFY2(kinds.contains("ReferenceGrant mesh-external/my-nginx-reference-grant"),
                 qPrintable(kinds.join('\n')));
        // "<gateway>-istio-sds" as the task names them, shortened to a name the API server takes.
        int access = 0;
        for (const QString &k : std::as_const(kinds)) {
            if (!k.startsWith("Role default/") && !k.startsWith("RoleBinding default/"))
                continue;
            const QString name = k.section(QLatin1Char('/'), 1);
            QVERIFY2(name.endsWith("-sds") && checkDnsLabel(name).isEmpty(), qPrintable(name));
            ++access;
        }
        QCOMPARE(access, 2);
        const QByteArray yaml = ws.fileBytes(0);
        QVERIFY(yaml.contains(
            "    - name: my-nginx\n      namespace: mesh-external\n      port: 443\n"));
        QVERIFY(yaml.contains("  from:\n  - group: gateway.networking.k8s.io\n    kind: HTTPRoute\n"
                              "    namespace: default\n  to:\n  - group: \"\"\n    kind: Service\n"
                              "    name: my-nginx\n"));
        // The DestinationRule naming the credential is beside the gateway, in default.
        QVERIFY(yaml.contains("        mode: MUTUAL\n        credentialName: client-credential\n"));
        QVERIFY(r.notes.join(' ').contains("kubectl create secret generic client-credential -n "
                                           "default"));
        QVERIFY2(errorsOf(ws).isEmpty(), qPrintable(errorsOf(ws).join('\n')));
        QString error;
        QVERIFY2(removeRouteFrom(ws, {"my-nginx.mesh-external.svc.cluster.local", 0}, &error),
                 qPrintable(error));
        QCOMPARE(ws.fileBytes(0), original);
    }

    void theGatewayIsChosenInTheRoutesNamespace() {
        Workspace ws;
        QString error;
        QVERIFY(addRouteTo(ws, route(recipes::Pattern::TlsPassthrough, "api.one.com"), &error));
        // Mutual TLS cannot share the passthrough listener's port.
        recipes::RouteResult r =
            recipes::addRoute(ws, route(recipes::Pattern::TlsOrigination, "api.two.com"));
        QVERIFY(r.ok); // port 80: its own listener
        recipes::RouteRequest mtls = gatewayApi("mtls-origination");
        r = recipes::addRoute(ws, mtls);
        QVERIFY(!r.ok);
        QCOMPARE(r.problems[0].field, QStringLiteral("gateway-port"));
        QVERIFY2(r.problems[0].message.contains("already listens on port 443 as TLS (TLS "
                                                "PASSTHROUGH) (listener tls)"),
                 qPrintable(r.problems[0].message));
        mtls.gateway = QStringLiteral("istio-system/egress");
        r = recipes::addRoute(ws, mtls);
        QVERIFY(!r.ok);
        QCOMPARE(r.problems[0].field, QStringLiteral("gateway"));
        QVERIFY2(r.problems[0].message.contains("use --namespace istio-system"),
                 qPrintable(r.problems[0].message));
        mtls.gateway = QStringLiteral("other-egress");
        r = recipes::addRoute(ws, mtls);
        QVERIFY2(r.ok, qPrintable(recipes::describe(r.problems)));
        QVERIFY(r.summary.contains("created Gateway default/other-egress"));
    }

    void aGatewayOfAnotherClassIsRefused() {
        const Workspace ws =
            loadBytes("routes.yaml", "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n"
                                     "metadata:\n  name: edge\nspec:\n  gatewayClassName: nginx\n"
                                     "  listeners:\n  - name: http\n    port: 80\n"
                                     "    protocol: HTTP\n");
        recipes::RouteRequest r = route(recipes::Pattern::Http, "api.example.com");
        r.gateway = QStringLiteral("edge");
        const recipes::RouteResult result = recipes::addRoute(ws, r);
        QVERIFY(!result.ok);
        QVERIFY2(result.problems[0].message.contains("is of class \"nginx\": Istio deploys"),
                 qPrintable(result.problems[0].message));
        // Without --gateway, the other class's Gateway is left alone and Istio's is made.
        r.gateway.clear();
        const recipes::RouteResult made = recipes::addRoute(ws, r);
        QVERIFY2(made.ok, qPrintable(recipes::describe(made.problems)));
        QVERIFY(made.summary.contains("created Gateway default/api-example-com-egress-gateway"));
    }

    // A host routed in one dialect is not routed again in the other: the two would compete.
    void aHostRoutedInOneDialectIsNotRoutedAgainInTheOther() {
        Workspace ws;
        QString error;
        QVERIFY(addRouteTo(ws, gatewayApi("http"), &error));
        recipes::RouteResult r =
            recipes::addRoute(ws, inApi(patternCase("http")->request, Api::Istio));
        QVERIFY(!r.ok);
        QVERIFY2(recipes::describe(r.problems)
                     .contains("(Gateway API) already routes port 80 of "
                               "edition.cnn.com"),
                 qPrintable(recipes::describe(r.problems)));
        Workspace istio;
        QVERIFY(addRouteTo(istio, inApi(patternCase("http")->request, Api::Istio), &error));
        r = recipes::addRoute(istio, gatewayApi("http"));
        QVERIFY(!r.ok);
        QVERIFY2(recipes::describe(r.problems)
                     .contains("already routes port 80 of "
                               "edition.cnn.com"),
                 qPrintable(recipes::describe(r.problems)));
    }

    void theDefaultDialectIsTheOneTheWorkspaceUses_data() {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<int>("api");
        const QByteArray k8sGateway = "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n"
                                      "metadata:\n  name: egress\nspec:\n"
                                      "  gatewayClassName: istio\n  listeners:\n"
                                      "  - name: http\n    port: 80\n    protocol: HTTP\n";
        const QByteArray istioGateway = "apiVersion: networking.istio.io/v1\nkind: Gateway\n"
                                        "metadata:\n  name: egress\nspec:\n  selector:\n"
                                        "    istio: egressgateway\n  servers: []\n";
        const QByteArray httpRoute = "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n"
                                     "metadata:\n  name: r\nspec:\n  rules: []\n";
        QByteArray otherClass = k8sGateway;
        otherClass.replace("gatewayClassName: istio", "gatewayClassName: nginx");
        QTest::newRow("empty") << QByteArray() << int(Api::Istio);
        QTest::newRow("a Gateway of class istio") << k8sGateway << int(Api::GatewayApi);
        QTest::newRow("a Gateway API route") << httpRoute << int(Api::GatewayApi);
        QTest::newRow("both Gateways") << k8sGateway + "---\n" + istioGateway << int(Api::Istio);
        QTest::newRow("an Istio Gateway") << istioGateway << int(Api::Istio);
        QTest::newRow("another class only") << otherClass << int(Api::Istio);
    }
    void theDefaultDialectIsTheOneTheWorkspaceUses() {
        QFETCH(QByteArray, yaml);
        QFETCH(int, api);
        const Workspace ws = loadBytes(QStringLiteral("routes.yaml"), yaml);
        QCOMPARE(int(recipes::defaultApi(ws)), api);
        // A request that names no dialect gets that one.
        const recipes::RouteResult r =
            recipes::addRoute(ws, request(recipes::Pattern::TlsPassthrough, "api.example.com"));
        QVERIFY2(r.ok, qPrintable(recipes::describe(r.problems)));
        Workspace after = ws;
        QVERIFY(r.change.apply(after));
        QCOMPARE(count(after, Kind::TlsRoute) > 0, api == int(Api::GatewayApi));
    }

    void apiNamesRoundTrip() {
        for (Api api : {Api::Istio, Api::GatewayApi})
            QCOMPARE(recipes::apiFromName(recipes::apiName(api)), std::optional<Api>(api));
        QCOMPARE(recipes::apiName(Api::GatewayApi), QStringLiteral("gateway-api"));
        QVERIFY(!recipes::apiFromName(QStringLiteral("gateway")));
    }
};

QTEST_GUILESS_MAIN(TestRecipesGatewayApi)
#include "tst_recipes_gateway_api.moc"

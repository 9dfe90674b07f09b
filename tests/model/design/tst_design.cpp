// The canvas designer's domain steps, without a window: what the palette writes, the routes a
// selection of hops stands for, removing them in one change, and how a hop is explained.
#include "RecipeCases.h"
#include "TestSupport.h"

#include "model/analysis/Analysis.h"
#include "model/design/HopExplanation.h"
#include "model/design/HopRoutes.h"
#include "model/design/PaletteDocuments.h"
#include "model/design/RouteSeeds.h"
#include "model/validation/Validator.h"

using namespace egret;

namespace {

FlowGraph flowsOf(const Workspace &ws) {
    validation::Validator validator;
    return analyzeWorkspace(validator, ws).flows;
}

QStringList hopIds(const FlowGraph &flows) {
    QStringList ids;
    for (const FlowHop &h : flows.hops())
        ids << h.id;
    return ids;
}

} // namespace

class TestDesign : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void paletteDocumentsAreTheResourcesTheyName() {
        Workspace ws;
        const int file = ws.createFile(QStringLiteral("design.yaml"));
        const design::NewDocument gateway = design::egressGatewayDocument("istio-system");
        const design::NewDocument ns = design::sidecarNamespaceDocument("shop");
        QVERIFY(gateway.problem.isEmpty() && ns.problem.isEmpty());
        QCOMPARE(gateway.description, QStringLiteral("Add egress Gateway in istio-system"));
        ws.appendDocument(file, gateway.body);
        ws.appendDocument(file, ns.body);
        // The Gateway gets its servers from the routes designed through it; until then Istio
        // would refuse it, and Egret says so.
        for (const Diagnostic &d : ws.diagnostics())
            QVERIFY2(d.message.contains("at least one server"), qPrintable(d.message));
        const QVector<const Resource *> all = ws.resources();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all[0]->kind, Kind::Gateway);
        QCOMPARE(all[0]->ns, QStringLiteral("istio-system"));
        QCOMPARE(all[0]->as<Gateway>()->selector.value("istio"), QStringLiteral("egressgateway"));
        QCOMPARE(all[1]->kind, Kind::Namespace);
        QCOMPARE(all[1]->meta.name, QStringLiteral("shop"));
        QCOMPARE(all[1]->meta.labels.value("istio-injection"), QStringLiteral("enabled"));
    }

    // The Gateway API gateway is complete as dropped: Istio accepts it, and a second one in the
    // same namespace gets a name of its own.
    void paletteGatewayApiGatewayIsValid() {
        Workspace ws;
        const int file = ws.createFile(QStringLiteral("design.yaml"));
        const design::NewDocument first = design::kubernetesGatewayDocument("egress", {});
        QVERIFY(first.problem.isEmpty());
        QCOMPARE(first.description,
                 QStringLiteral("Add Gateway API gateway egress/egress-gateway"));
        ws.appendDocument(file, first.body);
        QVERIFY(ws.diagnostics().isEmpty());
        const Resource *r = ws.resources().value(0);
        QVERIFY(r && r->kind == Kind::KubernetesGateway);
        QCOMPARE(r->ns, QStringLiteral("egress"));
        const auto *g = r->as<KubernetesGateway>();
        QCOMPARE(g->gatewayClassName, QStringLiteral("istio"));
        QCOMPARE(g->listeners.size(), 1);
        QCOMPARE(g->listeners[0].port, 80);
        QCOMPARE(g->listeners[0].protocol, QStringLiteral("HTTP"));
        QCOMPARE(validation::validate(ws, {}).size(), 0);
        QCOMPARE(design::kubernetesGatewayDocument("egress", {"egress-gateway"}).description,
                 QStringLiteral("Add Gateway API gateway egress/egress-gateway-2"));
        QVERIFY(!design::kubernetesGatewayDocument("Team A", {}).problem.isEmpty());
    }

    // The waypoint is complete as dropped: Istio accepts it, it is drawn as a waypoint, and a
    // second one in the same namespace gets a name of its own.
    void paletteWaypointIsValid() {
        Workspace ws;
        const int file = ws.createFile(QStringLiteral("design.yaml"));
        const design::NewDocument doc = design::waypointDocument("istio-egress", {});
        QVERIFY(doc.problem.isEmpty());
        QCOMPARE(doc.description, QStringLiteral("Add waypoint istio-egress/waypoint"));
        ws.appendDocument(file, doc.body);
        QVERIFY(ws.diagnostics().isEmpty());
        const Resource *r = ws.resources().value(0);
        QVERIFY(r && r->kind == Kind::KubernetesGateway);
        const auto *g = r->as<KubernetesGateway>();
        QCOMPARE(g->gatewayClassName, QStringLiteral("istio-waypoint"));
        QCOMPARE(g->listeners.size(), 1);
        QCOMPARE(g->listeners[0].port, 15008);
        QCOMPARE(g->listeners[0].protocol, QStringLiteral("HBONE"));
        QCOMPARE(r->meta.labels.value("istio.io/waypoint-for"), QStringLiteral("service"));
        QCOMPARE(validation::validate(ws, {}).size(), 0);
        const FlowGraph flows = flowsOf(ws); // kept: the node points into it
        const FlowNode *n = flows.node(QStringLiteral("gateway:istio-egress/waypoint"));
        QVERIFY(n && n->flags.testFlag(NodeFlag::Waypoint));
        QCOMPARE(design::waypointDocument("istio-egress", {"waypoint"}).description,
                 QStringLiteral("Add waypoint istio-egress/waypoint-2"));
        QVERIFY(!design::waypointDocument("Team A", {}).problem.isEmpty());
    }

    void paletteRefusesANamespaceKubernetesRefuses() {
        for (const char *bad : {"Team A", "../../tmp/x", "-shop", ""}) {
            const design::NewDocument doc = design::sidecarNamespaceDocument(bad);
            QVERIFY2(!doc.problem.isEmpty(), bad);
            QVERIFY(doc.body.isEmpty());
            QVERIFY(!design::egressGatewayDocument(bad).problem.isEmpty());
        }
    }

    void deletingEveryHopOfARouteGivesTheFilesBack_data() {
        QTest::addColumn<int>("api");
        QTest::newRow("Istio API") << int(recipes::Api::Istio);
        QTest::newRow("Gateway API") << int(recipes::Api::GatewayApi);
    }
    void deletingEveryHopOfARouteGivesTheFilesBack() {
        QFETCH(int, api);
        Workspace ws;
        ws.createFile(QStringLiteral("routes.yaml"));
        const QByteArray before = ws.fileBytes(0);
        QString error;
        QVERIFY2(test::addRouteTo(
                     ws,
                     test::inApi(test::request(recipes::Pattern::Http, "api.example.com", 80),
                                 recipes::Api(api)),
                     &error),
                 qPrintable(error));
        const FlowGraph flows = flowsOf(ws);
        const QVector<recipes::RouteRemoval> removals =
            design::routesBehindHops(flows, ws, hopIds(flows));
        QCOMPARE(removals.size(), 1); // three hops, one route
        QCOMPARE(removals[0].host, QStringLiteral("api.example.com"));
        // The hop into the gateway alone stands for the route too: the VirtualService, or the
        // Gateway API's mesh route from the host's ServiceEntry, that makes it.
        QString intoGateway;
        for (const FlowHop &h : flows.hops())
            if (h.to.startsWith(QLatin1String("gateway:")))
                intoGateway = h.id;
        const QVector<recipes::RouteRemoval> viaGateway =
            design::routesBehindHops(flows, ws, {intoGateway});
        QCOMPARE(viaGateway.size(), 1);
        QCOMPARE(viaGateway[0].host, QStringLiteral("api.example.com"));
        QCOMPARE(viaGateway[0].port, qint64(0));
        const design::CombinedRemoval removal =
            design::removeRoutes(ws, removals, QStringLiteral("Remove 3 hops"));
        QVERIFY2(removal.problems.isEmpty(), qPrintable(removal.problems.join("; ")));
        QCOMPARE(removal.change.description(), QStringLiteral("Remove 3 hops"));
        QVERIFY(removal.change.apply(ws));
        QCOMPARE(ws.fileBytes(0), before);
    }

    void aHopFromAWorkloadRemovesOnlyItsPort() {
        Workspace ws;
        QString error;
        QVERIFY(test::addRouteTo(
            ws, test::request(recipes::Pattern::DirectHttp, "api.example.com", 80), &error));
        const FlowGraph flows = flowsOf(ws);
        QVector<recipes::RouteRemoval> removals = design::routesBehindHops(
            flows, ws, {hopIds(flows).value(0), QStringLiteral("no such hop")});
        QCOMPARE(removals.size(), 1);
        QCOMPARE(removals[0].host, QStringLiteral("api.example.com"));
        QCOMPARE(removals[0].port, qint64(80));
    }

    void aHopIsExplainedInTheOrderItIsRead() {
        FlowHop hop;
        hop.blocked = true;
        hop.problems = {"IST0101 host not found"};
        hop.notes = {"Routed by SNI."};
        hop.timeout = "5s";
        hop.fault = "abort 503 for 10%";
        QCOMPARE(design::hopSentences(hop),
                 (QStringList{"Blocked: the mesh allows only declared hosts (REGISTRY_ONLY).",
                              "Broken: IST0101 host not found", "Routed by SNI.", "Timeout 5s.",
                              "Fault injected: abort 503 for 10%."}));
        QVERIFY(design::hopFacts(hop)[1].isFailure());
        QVERIFY(!design::hopFacts(hop)[2].isFailure());
        QVERIFY(design::hopTitle(FlowGraph(), hop).isEmpty()); // its ends are not in the graph
    }

    void aSelectedServiceEntrySeedsTheRoute() {
        Workspace ws;
        QString error;
        recipes::RouteRequest direct =
            test::request(recipes::Pattern::DirectHttp, "api.example.com", 80);
        direct.ns = QStringLiteral("shop");
        QVERIFY(test::addRouteTo(ws, direct, &error));
        const Resource *se = ws.resources().first();
        const recipes::RouteRequest seed =
            design::routeFromSelection(FlowGraph(), {}, ws, {se->id});
        QCOMPARE(seed.host, QStringLiteral("api.example.com"));
        QCOMPARE(seed.ns, QStringLiteral("shop"));
        QCOMPARE(seed.pattern, recipes::Pattern::TlsPassthrough); // no port known: not HTTP
        const FlowGraph flows = flowsOf(ws);
        QVERIFY(design::externalHosts(flows).contains("api.example.com"));
    }
};

QTEST_GUILESS_MAIN(TestDesign)
#include "tst_design.moc"

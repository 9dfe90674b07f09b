// The egress canvas, offscreen: layout columns, what a render shows, exports, zoom and fit,
// following a new graph by id, selection, host groups, broken hops in red.
#include "FlowTestSupport.h"

#include "model/analysis/LiveAnalysis.h"
#include "views/graph/FlowExport.h"
#include "views/graph/FlowScene.h"
#include "views/graph/FlowStyle.h"
#include "views/graph/FlowView.h"
#include "views/graph/items/GroupItem.h"
#include "views/graph/items/HopItem.h"
#include "views/graph/items/NodeItem.h"

#include <QApplication>
#include <QImage>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QWheelEvent>

using namespace egret;
using namespace egret::test;
using namespace egret::views;

namespace {
const QString kEgress = QStringLiteral("gateway:istio-system/istio-egressgateway");

void showAndLayOut(FlowScene &scene, const FlowGraph &g) {
    scene.setFlows(g);
    scene.waitForLayout();
}

qreal x(FlowScene &scene, const QString &id) {
    NodeItem *item = scene.nodeItem(id);
    return item ? item->scenePos().x() : -1;
}

// Pixels close to a colour: what a person sees of an edge drawn in it.
int pixelsNear(const QImage &image, const QColor &c) {
    int n = 0;
    for (int yy = 0; yy < image.height(); ++yy)
        for (int xx = 0; xx < image.width(); ++xx) {
            const QColor p = image.pixelColor(xx, yy);
            if (std::abs(p.red() - c.red()) < 16 && std::abs(p.green() - c.green()) < 16 &&
                std::abs(p.blue() - c.blue()) < 16)
                ++n;
        }
    return n;
}
} // namespace

class TestFlowView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void columnsRunWorkloadsGatewaysHosts() {
        FlowScene scene;
        showAndLayOut(scene, flowsOfBytes(data("tcp-via-gateway.yaml")));
        QVERIFY(x(scene, "workload:*") < x(scene, kEgress));
        QVERIFY(x(scene, kEgress) < x(scene, "host:postgres.partner.net"));

        // A gateway nothing sends to still stands between workloads and hosts.
        FlowScene idle;
        showAndLayOut(idle, flowsOfBytes(data("workloads.yaml")));
        const qreal gateway = x(idle, "gateway:edge/edge-egress");
        QVERIFY(x(idle, "workload:shop/reviews") < gateway);
        QVERIFY(gateway < x(idle, "host:api.example.com"));
    }

    void firstPaintDoesNotWaitForGraphviz() {
        FlowScene scene;
        bool layingOut = false;
        connect(&scene, &FlowScene::flowsChanged, this,
                [&] { layingOut = scene.isLayoutPending(); });
        QSignalSpy planned(&scene, &FlowScene::flowsChanged);
        scene.setFlows(flowsOfBytes(data("tcp-via-gateway.yaml")));
        // Planned and laid out on worker threads: the caller never waits.
        QVERIFY(scene.isLayoutPending());
        QVERIFY(planned.wait(20000));
        // Items are there as soon as the graph is planned, in columns, while Graphviz works.
        QVERIFY(layingOut);
        QVERIFY(scene.nodeItem("workload:*"));
        QVERIFY(x(scene, "workload:*") < x(scene, "host:postgres.partner.net"));
        QSignalSpy laidOut(&scene, &FlowScene::layoutFinished);
        QVERIFY(laidOut.wait(20000));
        QVERIFY(!scene.isLayoutPending());
    }

    void renderShowsLabelsAndExports() {
        EGRET_REQUIRE_CORPUS();
        FlowScene scene;
        showAndLayOut(scene, flowsOfBytes(docs("egress-gateway/01-http-via-egress-gateway.yaml")));
        QTemporaryDir dir;
        QString error;
        QVERIFY2(exportSvg(scene, dir.filePath("flows.svg"), &error), qPrintable(error));
        const QByteArray svg = readFile(dir.filePath("flows.svg"));
        for (const char *text : {"any sidecar", "istio-egressgateway", "istio-system",
                                 "edition.cnn.com", "80 HTTP", "443 HTTPS", "Legend"})
            QVERIFY2(svg.contains(text), text);
        QVERIFY(QSvgRenderer(svg).isValid());

        QVERIFY2(exportPng(scene, dir.filePath("flows.png"), 2.0, &error), qPrintable(error));
        const QImage png(dir.filePath("flows.png"));
        QVERIFY(!png.isNull());
        QCOMPARE(png.size(), (scene.drawingRect().size() * 2).toSize());
        // The plaintext hops (amber) and the passed-through HTTPS hop (blue) are visible.
        QVERIFY(pixelsNear(png, style::tlsColor(WireTls::Plaintext)) > 50);
        QVERIFY(pixelsNear(png, style::tlsColor(WireTls::AppTls)) > 50);
    }

    void brokenHopsAreRed() {
        Workspace ws;
        const FlowGraph clean = flowsOfBytes(data("tcp-via-gateway.yaml"), {}, {}, &ws);
        FlowScene scene;
        showAndLayOut(scene, clean);
        // Only the legend's samples are red at first.
        const int redBefore = pixelsNear(renderImage(scene, 2.0), style::kBroken);

        const Resource *vs = nullptr;
        for (const Resource *r : ws.resources())
            if (r->kindName == QLatin1String("VirtualService"))
                vs = r;
        Diagnostic d;
        d.resourceId = vs->id;
        d.path = QStringLiteral("spec.tcp[1].route[0]");
        d.message = QStringLiteral("host not found");
        showAndLayOut(scene, deriveFlows(ws, {}, {d}));
        const QString hop = kEgress + "->host:postgres.partner.net:5432/TCP/plaintext";
        QVERIFY(scene.hopItem(hop)->edge().broken);
        QVERIFY(scene.hopItem(hop)->toolTip().contains("host not found"));
        QVERIFY(pixelsNear(renderImage(scene, 2.0), style::kBroken) > redBefore + 200);
    }

    void zoomPanAndFit() {
        FlowScene scene;
        FlowView view(&scene);
        view.resize(500, 300);
        view.show();
        showAndLayOut(scene, flowsOfBytes(data("dr-namespaces.yaml")));
        QCoreApplication::processEvents();
        // Fitted: the whole drawing is in view.
        auto visible = [&] { return view.mapToScene(view.viewport()->rect()).boundingRect(); };
        QVERIFY(view.followsLayout());
        QVERIFY(visible().adjusted(-2, -2, 2, 2).contains(scene.sceneRect()));

        const qreal fitted = view.zoom();
        const QPointF centre(view.viewport()->rect().center());
        QWheelEvent wheel(centre, view.viewport()->mapToGlobal(centre), QPoint(), QPoint(0, 240),
                          Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view.viewport(), &wheel);
        QVERIFY(view.zoom() > fitted);
        QVERIFY(!view.followsLayout()); // the user zoomed: layouts no longer refit

        QTest::keyClick(&view, Qt::Key_Minus);
        QTest::keyClick(&view, Qt::Key_Minus);
        QVERIFY(view.zoom() < fitted * 1.5);
        QTest::keyClick(&view, Qt::Key_0);
        QCOMPARE(view.zoom(), 1.0);
        QTest::keyClick(&view, Qt::Key_F);
        QVERIFY(qAbs(view.zoom() - fitted) < 1e-6);
        view.setZoom(100);
        QCOMPARE(view.zoom(), FlowView::kMaxZoom);
    }

    void followsANewGraphById() {
        FlowScene scene;
        QByteArray yaml = data("visibility.yaml");
        showAndLayOut(scene, flowsOfBytes(yaml));
        const QString kept = "workload:team-a/client->host:api.partner.com:443/HTTPS/app-tls";
        HopItem *hop = scene.hopItem(kept);
        NodeItem *node = scene.nodeItem("host:api.partner.com");
        QVERIFY(hop && node);
        node->setSelected(true);
        QVERIFY(!scene.nodeItem("host:api.new.com"));

        // An edit adds a host: the items that stay are the same items, selection included.
        yaml += "---\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\n"
                "metadata: {name: new, namespace: team-a}\nspec:\n  hosts: [api.new.com]\n"
                "  ports: [{number: 443, name: https, protocol: HTTPS}]\n";
        showAndLayOut(scene, flowsOfBytes(yaml));
        QCOMPARE(scene.hopItem(kept), hop);
        QCOMPARE(scene.nodeItem("host:api.partner.com"), node);
        QVERIFY(node->isSelected());
        QVERIFY(scene.nodeItem("host:api.new.com"));

        // And an edit that removes one removes its items.
        yaml.replace("hosts: [api.partner.com]", "hosts: [api.renamed.com]");
        showAndLayOut(scene, flowsOfBytes(yaml));
        QVERIFY(!scene.nodeItem("host:api.partner.com"));
        QVERIFY(!scene.hopItem(kept));
    }

    void selectionCarriesIdsAndProvenance() {
        EGRET_REQUIRE_CORPUS();
        FlowScene scene;
        showAndLayOut(scene, flowsOfBytes(docs("egress-gateway/01-http-via-egress-gateway.yaml")));
        QSignalSpy selected(&scene, &FlowScene::flowSelectionChanged);
        const QString hop = "workload:*->" + kEgress + ":80/HTTP/plaintext";
        scene.selectIds({hop});
        QVERIFY(!selected.isEmpty());
        const FlowSelection s = scene.flowSelection(); // gathered when asked for
        QCOMPARE(s.hopIds, QStringList{hop});
        QStringList refs;
        for (const FlowSource &src : s.provenance)
            refs << src.resource.toString();
        QCOMPARE(refs, QStringList({"VirtualService default/direct-cnn-through-egress-gateway",
                                    "Gateway default/istio-egressgateway",
                                    "DestinationRule default/egressgateway-for-cnn"}));
        scene.selectIds({kEgress});
        QCOMPARE(scene.flowSelection().nodeIds, QStringList{kEgress});
        QVERIFY(scene.nodeItem(kEgress)->toolTip().contains("assumed"));
    }

    void largeMeshesFoldIntoGroups() {
        FlowScene scene;
        showAndLayOut(scene, flowsOfBytes(data("partners.yaml")));
        // 60 hosts: example.com and its three partner domains open; each domain's 20 hosts in
        // two folded ranges of 10, so that no group opens onto more than 12 entries.
        QVERIFY(scene.frameItem("group:example.com"));
        QVERIFY(scene.frameItem("group:partner-0.example.com"));
        QVERIFY(!scene.nodeItem("host:api-00.partner-0.example.com"));
        const QString range = "group:partner-1.example.com#api-01~api-28";
        NodeItem *folded = scene.nodeItem(range);
        QVERIFY(folded);
        QCOMPARE(folded->node().label, QString("api-01 … api-28"));
        QCOMPARE(folded->node().detail, QString("10 hosts"));
        const QString bundle = "bundle:workload:shop/client->" + range + "/app-tls";
        QVERIFY(scene.hopItem(bundle));
        QCOMPARE(scene.hopItem(bundle)->edge().label, QString("443 HTTPS ×10"));
        // A folded range is drawn inside its domain's frame.
        QVERIFY(scene.frameItem("group:partner-1.example.com")
                    ->sceneBoundingRect()
                    .contains(folded->scenePos()));

        // Selecting a hop the bundle carries (from the Problems or Resources dock) selects it.
        scene.selectIds({scene.hopItem(bundle)->edge().hops.last()});
        QVERIFY(scene.hopItem(bundle)->isSelected());
        QCOMPARE(scene.selectedItems().size(), 1);

        // Selecting a folded host selects its group.
        scene.selectIds({"host:api-04.partner-1.example.com"});
        QCOMPARE(scene.flowSelection().nodeIds, QStringList{range});
        QCOMPARE(scene.flowSelection().provenance.size(), 10); // the ten ServiceEntries

        // Opening shows its hosts; the choice sticks when the graph is derived again.
        scene.toggleGroup(range);
        scene.waitForLayout();
        QVERIFY(scene.nodeItem("host:api-04.partner-1.example.com"));
        QVERIFY(!scene.hopItem(bundle));
        showAndLayOut(scene, flowsOfBytes(data("partners.yaml")));
        QVERIFY(scene.nodeItem("host:api-04.partner-1.example.com"));
        scene.setAllGroupsCollapsed(true);
        scene.waitForLayout();
        QVERIFY(scene.nodeItem("group:example.com"));
        QCOMPARE(scene.hopItem("bundle:workload:shop/client->group:example.com/app-tls")
                     ->edge()
                     .hops.size(),
                 60);
    }

    void workloadsWithTheSameEgressFold() {
        // Eight namespaces with the same client, and the sidecars of default, where the
        // configuration lives: one "9 workloads" node until opened.
        QByteArray yaml = data("tcp-via-gateway.yaml");
        for (int i = 0; i < 8; ++i)
            yaml += QStringLiteral("---\napiVersion: v1\nkind: Pod\nmetadata: {name: client, "
                                   "namespace: team-%1, labels: {app: client}}\n"
                                   "spec: {containers: [{name: c, image: c}]}\n")
                        .arg(i)
                        .toUtf8();
        FlowScene scene;
        showAndLayOut(scene, flowsOfBytes(yaml));
        const QString group = "group:workloads/workload:default/*";
        NodeItem *folded = scene.nodeItem(group);
        QVERIFY(folded);
        QCOMPARE(folded->node().label, QString("9 workloads"));
        QVERIFY(!scene.nodeItem("workload:team-3/client"));
        QCOMPARE(scene.hopItem("bundle:" + group + "->" + kEgress + "/plaintext")->edge().label,
                 QString("15432 TCP ×9"));
        scene.toggleGroup(group);
        scene.waitForLayout();
        QVERIFY(scene.nodeItem("workload:team-3/client"));
        QVERIFY(scene.frameItem(group));
        scene.toggleGroup(group);
        scene.waitForLayout();
        QVERIFY(scene.nodeItem(group));
    }

    // The Gateway API deploys one gateway per Gateway, so a mesh routed host by host has as
    // many gateways as hosts: those that take the same traffic on to the same (folded) hosts
    // show as one node, which opens like a workload group.
    void gatewaysThatRouteAlikeFold() {
        QByteArray yaml;
        for (int i = 0; i < 60; ++i)
            yaml += QStringLiteral(
                        "---\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\n"
                        "metadata: {name: api-%1}\nspec:\n  hosts: [api-%1.partner.example.com]\n"
                        "  ports: [{number: 80, name: http, protocol: HTTP}]\n  resolution: DNS\n"
                        "---\napiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n"
                        "metadata: {name: gw-%1}\nspec:\n  gatewayClassName: istio\n"
                        "  listeners: [{name: http, port: 80, protocol: HTTP}]\n"
                        "---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n"
                        "metadata: {name: to-gw-%1}\nspec:\n"
                        "  parentRefs: [{kind: ServiceEntry, group: networking.istio.io, "
                        "name: api-%1}]\n"
                        "  rules: [{backendRefs: [{name: gw-%1-istio, port: 80}]}]\n"
                        "---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n"
                        "metadata: {name: from-gw-%1}\nspec:\n  parentRefs: [{name: gw-%1}]\n"
                        "  rules: [{backendRefs: [{kind: Hostname, group: networking.istio.io, "
                        "name: api-%1.partner.example.com, port: 80}]}]\n")
                        .arg(i, 2, 10, QLatin1Char('0'))
                        .toUtf8();
        FlowScene scene;
        showAndLayOut(scene, flowsOfBytes(yaml));
        QStringList gatewayNodes;
        for (const VisibleNode &n : scene.visibleGraph().nodes)
            if (n.isGatewayLike())
                gatewayNodes << n.id;
        // The 60 hosts show as five ranges of twelve: the gateways fold alike, one group each.
        QCOMPARE(gatewayNodes.size(), 5);
        const QString group = "group:gateways/gateway:default/gw-00-istio";
        QCOMPARE(gatewayNodes.first(), group);
        NodeItem *folded = scene.nodeItem(group);
        QVERIFY(folded);
        QCOMPARE(folded->node().label, QString("12 gateways"));
        QVERIFY(!scene.nodeItem("gateway:default/gw-07-istio"));
        QVERIFY(scene.hopItem("bundle:" + group +
                              "->group:partner.example.com#api-00~api-11/"
                              "plaintext"));
        // Selecting a member selects its group, which stands for what makes each member.
        scene.selectIds({"gateway:default/gw-07-istio"});
        QCOMPARE(scene.flowSelection().nodeIds, QStringList{group});
        QVERIFY(scene.flowSelection().provenance.size() >= 12);
        scene.toggleGroup(group);
        scene.waitForLayout();
        QVERIFY(scene.nodeItem("gateway:default/gw-07-istio"));
        QVERIFY(scene.frameItem(group));
    }

    void drawsWhatTheLiveAnalysisDerivesInTheBackground() {
        Workspace ws;
        flowsOfBytes(data("registry.yaml"), {}, {}, &ws);
        LiveAnalysis analysis;
        validation::ValidatorOptions options;
        options.mesh.outboundTrafficPolicyMode = QStringLiteral("REGISTRY_ONLY");
        analysis.setOptions(options);
        QSignalSpy done(&analysis, &LiveAnalysis::finished);
        analysis.request(ws, 1);
        QVERIFY(analysis.isBusy());
        QVERIFY(done.wait(30000));
        FlowScene scene;
        scene.setFlows(done.first().first().value<AnalysisResult>().flows);
        QVERIFY(scene.isLayoutPending());
        scene.waitForLayout();
        QVERIFY(scene.hopItem("workload:default/shop->host:old.partner.org:80/HTTP/plaintext")
                    ->edge()
                    .blocked);
    }
};

QTEST_MAIN(TestFlowView)
#include "tst_flow_view.moc"

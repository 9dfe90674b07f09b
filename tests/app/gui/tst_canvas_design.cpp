// Designing on the canvas as a user does: drop palette items, drag a workload onto a host,
// choose a pattern, delete a hop; every gesture one undo step back to the same bytes.
#include "GuiTestSupport.h"
#include "TestSupport.h"

#include "views/dialogs/ExternalHostDialog.h"
#include "views/dialogs/RouteDialog.h"
#include "views/graph/CanvasInteraction.h"
#include "views/graph/FlowScene.h"
#include "views/graph/FlowView.h"
#include "views/graph/items/HopItem.h"
#include "views/graph/items/NodeItem.h"
#include "views/panels/PaletteWidget.h"

#include <QComboBox>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QUndoStack>

using namespace egret;
using namespace egret::gui;

namespace {

// Runs `answer` on the next modal dialog of type T as soon as it shows.
template <class T> class DialogAnswer : public QObject {
public:
    explicit DialogAnswer(std::function<void(T *)> answer)
        : m_answer(std::move(answer)) {
        connect(&m_timer, &QTimer::timeout, this, [this] {
            if (auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget())) {
                m_timer.stop();
                m_seen = true;
                m_answer(dialog);
            }
        });
        m_timer.start(10);
    }
    bool seen() const { return m_seen; }

private:
    QTimer m_timer;
    std::function<void(T *)> m_answer;
    bool m_seen = false;
};

void dropPaletteItem(MainWindow &w, const QByteArray &kind) {
    QMimeData mime;
    mime.setData(QLatin1String(views::PaletteWidget::kPaletteMime), kind);
    QWidget *viewport = w.canvas()->viewport();
    const QPoint at = viewport->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &enter);
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &drop);
}

void sendMouse(QWidget *viewport, QEvent::Type type, const QPoint &at, Qt::MouseButtons buttons) {
    QMouseEvent e(type, QPointF(at), viewport->mapToGlobal(QPointF(at)), Qt::LeftButton, buttons,
                  Qt::NoModifier);
    QApplication::sendEvent(viewport, &e);
}

QPoint viewPosOf(MainWindow &w, const QString &nodeId) {
    views::NodeItem *item = w.flowScene()->nodeItem(nodeId);
    return item ? w.canvas()->mapFromScene(item->sceneBoundingRect().center()) : QPoint();
}

// A route drawn as a person draws it: press on one node, move across, release on the other.
void dragRoute(MainWindow &w, const QString &fromId, const QString &toId) {
    QWidget *viewport = w.canvas()->viewport();
    const QPoint from = viewPosOf(w, fromId);
    const QPoint to = viewPosOf(w, toId);
    sendMouse(viewport, QEvent::MouseButtonPress, from, Qt::LeftButton);
    sendMouse(viewport, QEvent::MouseMove, (from + to) / 2, Qt::LeftButton);
    sendMouse(viewport, QEvent::MouseMove, to, Qt::LeftButton);
    sendMouse(viewport, QEvent::MouseButtonRelease, to, Qt::NoButton);
}

} // namespace

class TestCanvasDesign : public QObject {
    Q_OBJECT

    void waitForCanvas(MainWindow &w) {
        QVERIFY(test::waitUntilCaughtUp(w));
        w.canvas()->fitToDrawing();
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void designARouteFromScratch() {
        MainWindow w;
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QByteArray empty = w.session()->workspace().fileBytes(0);

        // External host from the palette: the dialog asks host, port, protocol.
        DialogAnswer<views::ExternalHostDialog> host([](views::ExternalHostDialog *d) {
            d->hostEdit()->setText("api.example.com");
            d->accept();
        });
        dropPaletteItem(w, "external-host");
        QVERIFY(host.seen());
        const Resource *se = w.session()->workspace().resources().value(0);
        QVERIFY(se && se->kind == Kind::ServiceEntry);
        QCOMPARE(se->as<ServiceEntry>()->hosts, QStringList{"api.example.com"});
        QCOMPARE(w.session()->undoStack()->undoText(),
                 QStringLiteral("Add external host api.example.com"));

        // A workload: the sidecars of a namespace.
        DialogAnswer<QInputDialog> ns([](QInputDialog *d) {
            d->setTextValue("shop");
            d->accept();
        });
        dropPaletteItem(w, "workload");
        QVERIFY(ns.seen());
        waitForCanvas(w);
        QVERIFY(w.flowScene()->nodeItem("host:api.example.com"));
        const QString shop = "workload:shop/*";
        QVERIFY2(w.flowScene()->nodeItem(shop), "no node for the sidecars of shop");
        const QByteArray beforeRoute = w.session()->workspace().fileBytes(0);

        // Drag from the workload onto the host: the route dialog, pattern chosen.
        // The dialog previews the change as a diff, following its inputs.
        QString preview;
        DialogAnswer<views::RouteDialog> route([&](views::RouteDialog *d) {
            QSignalSpy shown(d, &views::RouteDialog::previewShown);
            d->patternBox()->setCurrentText("tls-passthrough");
            QTRY_VERIFY_WITH_TIMEOUT(d->previewText().contains("+kind: Gateway\n"), 10000);
            preview = d->previewText();
            d->accept();
        });
        QWidget *viewport = w.canvas()->viewport();
        const QPoint from = viewPosOf(w, shop);
        const QPoint to = viewPosOf(w, "host:api.example.com");
        sendMouse(viewport, QEvent::MouseButtonPress, from, Qt::LeftButton);
        sendMouse(viewport, QEvent::MouseMove, (from + to) / 2, Qt::LeftButton);
        QVERIFY(w.canvasInteraction()->isDraggingRoute());
        sendMouse(viewport, QEvent::MouseMove, to, Qt::LeftButton);
        sendMouse(viewport, QEvent::MouseButtonRelease, to, Qt::NoButton);
        QVERIFY(route.seen());
        QVERIFY2(preview.contains("VirtualService") && preview.contains("+  - api.example.com\n"),
                 qPrintable(preview));
        QVERIFY2(preview.startsWith("# "), qPrintable(preview)); // the findings it adds, removes
        QStringList kinds;
        for (const Resource *r : w.session()->workspace().resources())
            kinds << r->kindName;
        QCOMPARE(kinds, QStringList({"ServiceEntry", "Namespace", "Gateway", "DestinationRule",
                                     "VirtualService"}));
        // What the preview showed is what the route wrote.
        for (const QString &line : preview.split(QLatin1Char('\n')))
            if (line.startsWith(QLatin1String("+")) && !line.startsWith(QLatin1String("+++")) &&
                !line.startsWith(QLatin1String("# ")))
                QVERIFY2(w.session()->workspace().fileBytes(0).contains(line.mid(1).toUtf8()),
                         qPrintable(line));
        QVERIFY(w.session()->undoStack()->undoText().contains("api.example.com"));
        waitForCanvas(w);
        QVERIFY(w.flowScene()->nodeItem("gateway:istio-system/istio-egressgateway"));
        test::screenshot(w, "canvas-route-designed");

        // Undo gives back exactly the bytes before the route, redo the route again.
        const QByteArray withRoute = w.session()->workspace().fileBytes(0);
        w.action("undo")->trigger();
        QCOMPARE(w.session()->workspace().fileBytes(0), beforeRoute);
        w.action("redo")->trigger();
        QCOMPARE(w.session()->workspace().fileBytes(0), withRoute);

        // Select the hop into the host and delete it: the route goes, as one step.
        waitForCanvas(w);
        const FlowGraph &flows = w.flowScene()->flows();
        QString hopId;
        for (const FlowHop &h : flows.hops())
            if (h.from.startsWith("gateway:") && h.to == "host:api.example.com")
                hopId = h.id;
        QVERIFY(!hopId.isEmpty());
        w.flowScene()->selectIds({hopId});
        w.action("delete")->trigger();
        QVERIFY(w.session()->undoStack()->undoText().startsWith("Remove hop"));
        QStringList left;
        for (const Resource *r : w.session()->workspace().resources())
            left << r->kindName;
        QCOMPARE(left, QStringList({"Namespace"}));
        w.action("undo")->trigger();
        QCOMPARE(w.session()->workspace().fileBytes(0), withRoute);

        // And all the way back: three undos, the empty design.
        w.action("undo")->trigger();
        w.action("undo")->trigger();
        w.action("undo")->trigger();
        QCOMPARE(w.session()->workspace().fileBytes(0), empty);
    }

    // The same gesture in the Gateway API: the dialog offers the dialect, defaulting to the one
    // the files use; the route is one undo step back to the same bytes, redo brings it back.
    void designARouteInTheGatewayApi() {
        MainWindow w;
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        DialogAnswer<views::ExternalHostDialog> host([](views::ExternalHostDialog *d) {
            d->hostEdit()->setText("api.example.com");
            d->accept();
        });
        dropPaletteItem(w, "external-host");
        QVERIFY(host.seen());
        DialogAnswer<QInputDialog> ns([](QInputDialog *d) {
            d->setTextValue("shop");
            d->accept();
        });
        dropPaletteItem(w, "workload");
        QVERIFY(ns.seen());
        waitForCanvas(w);
        const QByteArray beforeRoute = w.session()->workspace().fileBytes(0);

        QString offered;
        DialogAnswer<views::RouteDialog> route([&](views::RouteDialog *d) {
            offered = d->apiBox()->currentText();
            d->patternBox()->setCurrentText("tls-passthrough");
            d->apiBox()->setCurrentText("Gateway API");
            d->accept();
        });
        // The notes follow: TLSRoute is experimental before Istio 1.30.
        test::MessageBoxAnswer notes(QMessageBox::Ok);
        dragRoute(w, "workload:shop/*", "host:api.example.com");
        QVERIFY(route.seen());
        QCOMPARE(offered, QStringLiteral("Istio API")); // no Gateway API in the files yet
        QVERIFY(notes.asked());
        QVERIFY2(notes.text().contains("PILOT_ENABLE_ALPHA_GATEWAY_API=true"),
                 qPrintable(notes.text()));
        QStringList kinds;
        for (const Resource *r : w.session()->workspace().resources())
            kinds << r->kindName;
        QCOMPARE(kinds,
                 QStringList({"ServiceEntry", "Namespace", "Gateway", "TLSRoute", "TLSRoute"}));
        QVERIFY2(w.session()->undoStack()->undoText().endsWith(
                     "to api.example.com:443 (tls-passthrough, Gateway API)"),
                 qPrintable(w.session()->undoStack()->undoText()));
        waitForCanvas(w);
        QVERIFY(w.flowScene()->nodeItem("gateway:shop/api-example-com-egress-gateway-istio"));

        const QByteArray withRoute = w.session()->workspace().fileBytes(0);
        w.action("undo")->trigger();
        QCOMPARE(w.session()->workspace().fileBytes(0), beforeRoute);
        w.action("redo")->trigger();
        QCOMPARE(w.session()->workspace().fileBytes(0), withRoute);

        // The files now use the Gateway API: the dialog offers it first.
        waitForCanvas(w);
        w.flowScene()->selectIds({QStringLiteral("workload:shop/*")});
        DialogAnswer<views::RouteDialog> next([&](views::RouteDialog *d) {
            offered = d->apiBox()->currentText();
            d->reject();
        });
        w.action("addRoute")->trigger();
        QVERIFY(next.seen());
        QCOMPARE(offered, QStringLiteral("Gateway API"));
        QCOMPARE(w.session()->workspace().fileBytes(0), withRoute);
    }

    // The palette's Gateway API gateway: drawn as the gateway Istio deploys, offered as the
    // dialect for the next route, and the route goes through it rather than a new one.
    void routeThroughAGatewayApiGatewayFromThePalette() {
        MainWindow w;
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        DialogAnswer<views::ExternalHostDialog> host([](views::ExternalHostDialog *d) {
            d->hostEdit()->setText("api.example.com");
            d->protocolBox()->setCurrentText("HTTP"); // port 80 follows
            d->accept();
        });
        dropPaletteItem(w, "external-host");
        QVERIFY(host.seen());
        for (const char *kind : {"workload", "egress-gateway-api"}) {
            DialogAnswer<QInputDialog> ns([](QInputDialog *d) {
                d->setTextValue("shop");
                d->accept();
            });
            dropPaletteItem(w, kind);
            QVERIFY2(ns.seen(), kind);
        }
        QCOMPARE(w.session()->undoStack()->undoText(),
                 QStringLiteral("Add Gateway API gateway shop/egress-gateway"));
        waitForCanvas(w);
        QVERIFY(w.flowScene()->nodeItem("gateway:shop/egress-gateway-istio"));

        QString offered;
        DialogAnswer<views::RouteDialog> route([&](views::RouteDialog *d) {
            offered = d->apiBox()->currentText();
            d->patternBox()->setCurrentText("http");
            d->accept();
        });
        dragRoute(w, "workload:shop/*", "host:api.example.com");
        QVERIFY(route.seen());
        QCOMPARE(offered, QStringLiteral("Gateway API"));
        int gateways = 0;
        for (const Resource *r : w.session()->workspace().resources())
            gateways += r->kind == Kind::KubernetesGateway ? 1 : 0;
        QCOMPARE(gateways, 1);
        waitForCanvas(w);
        const FlowGraph &flows = w.flowScene()->flows();
        QVERIFY(flows.hop("workload:shop/*->gateway:shop/egress-gateway-istio:80/HTTP/plaintext"));
        QVERIFY(flows.hop("gateway:shop/egress-gateway-istio->host:api.example.com:80/HTTP/"
                          "plaintext"));
    }

    void aHopShowsWhyInProperties() {
        MainWindow w;
        w.show();
        QVERIFY(test::openAndWait(
            w, {QStringLiteral(EGRET_SOURCE_DIR "/resources/examples/shop-egress.yaml")}));
        waitForCanvas(w);
        QString hopId;
        for (const FlowHop &h : w.flowScene()->flows().hops())
            if (h.to == "host:httpbin.org" && h.from.startsWith("gateway:"))
                hopId = h.id;
        QVERIFY(!hopId.isEmpty());
        w.flowScene()->selectIds({hopId});
        auto *browser = w.findChild<QTextBrowser *>("explanation");
        QVERIFY(browser->isVisibleTo(&w));
        const QString html = browser->toPlainText();
        QVERIFY2(html.contains("VirtualService shop/httpbin-through-egress"), qPrintable(html));
        QVERIFY(html.contains("DestinationRule shop/originate-tls-for-httpbin"));
        // The resources behind the hop are the selection everywhere.
        QVERIFY(!w.selectedResources().isEmpty());
        test::screenshot(w, "hop-why");
    }
};

QTEST_MAIN(TestCanvasDesign)
#include "tst_canvas_design.moc"

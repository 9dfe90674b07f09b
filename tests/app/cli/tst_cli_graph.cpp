// `egret graph`, run as a user runs it: JSON, DOT, SVG and PNG out, mesh config, bad input.
#include "TestSupport.h"

#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

using namespace egret::test;

class TestCliGraph : public QObject {
    Q_OBJECT

    using Run = egret::test::EgretRun;
    static Run egret(const QStringList &args) { return egret::test::runEgret(args, 120000); }

    static QString flowData(const char *name) { return dataFile(QStringLiteral("flow/") + name); }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(QFile::exists(egretBinary()), "EGRET_BINARY not set"); }

    void helpListsTheCommand() {
        QVERIFY(egret({"--help"}).out.contains("graph"));
        const Run h = egret({"graph", "--help"});
        QCOMPARE(h.exitCode, 0);
        QVERIFY(h.out.contains("--mesh-config"));
    }

    void json() {
        QTemporaryDir dir;
        const QString out = dir.filePath("flows.json");
        const Run r = egret({"graph", flowData("tcp-via-gateway.yaml"), "-o", out});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject root = QJsonDocument::fromJson(readFile(out)).object();
        const QJsonArray nodes = root.value("nodes").toArray();
        const QJsonArray edges = root.value("edges").toArray();
        QCOMPARE(nodes.size(), 3);
        QCOMPARE(edges.size(), 2);
        QStringList kinds;
        for (const QJsonValue &n : nodes)
            kinds << n.toObject().value("kind").toString();
        QCOMPARE(kinds, QStringList({"workload", "gateway", "external"}));
        const QJsonObject gw = nodes.at(1).toObject();
        QCOMPARE(gw.value("id").toString(), QString("gateway:istio-system/istio-egressgateway"));
        QCOMPARE(gw.value("label").toString(), QString("istio-egressgateway"));
        QCOMPARE(gw.value("namespace").toString(), QString("istio-system"));
        QCOMPARE(gw.value("hosts").toArray(), QJsonArray({"postgres.partner.net"}));
        QCOMPARE(gw.value("ports").toArray(), QJsonArray({15432}));
        const QJsonObject first = edges.at(0).toObject();
        QCOMPARE(first.value("from").toString(), QString("workload:*"));
        QCOMPARE(first.value("to").toString(), gw.value("id").toString());
        QCOMPARE(first.value("protocol").toString(), QString("TCP"));
        QCOMPARE(first.value("port").toInt(), 15432);
        QCOMPARE(first.value("tls").toString(), QString("plaintext"));
        // The assumed installed egress gateway's Service exposes 80 and 443 only: the validator
        // reports port 15432 missing (IST0101), so the sidecar's hop to it is broken.
        QCOMPARE(first.value("broken").toBool(), true);
        QCOMPARE(first.value("blocked").toBool(), false);
        QStringList resources;
        for (const QJsonValue &v : first.value("resources").toArray())
            resources << v.toObject().value("kind").toString() + " " +
                             v.toObject().value("namespace").toString() + "/" +
                             v.toObject().value("name").toString();
        QCOMPARE(resources,
                 QStringList({"VirtualService default/pg-through-egress",
                              "Gateway default/egress-pg", "DestinationRule default/egress-pg"}));
        // "-o -" writes the JSON to standard output.
        const Run stdoutRun = egret({"graph", flowData("tcp-via-gateway.yaml"), "-o", "-"});
        QCOMPARE(QJsonDocument::fromJson(stdoutRun.out).object(), root);
    }

    // Ambient mode: the pods' HBONE hop into the waypoint, the waypoint's TLS toward the host
    // and the AuthorizationPolicy restricting that hop, as JSON tells them.
    void ambientWaypointJson() {
        QTemporaryDir dir;
        const QString out = dir.filePath("flows.json");
        const Run r = egret({"graph", flowData("ambient-egress.yaml"), "-o", out});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject root = QJsonDocument::fromJson(readFile(out)).object();
        QJsonObject waypoint;
        for (const QJsonValue &n : root.value("nodes").toArray())
            if (n.toObject().value("id").toString() == "gateway:istio-egress/waypoint")
                waypoint = n.toObject();
        QCOMPARE(waypoint.value("waypoint").toBool(), true);
        QStringList hops;
        for (const QJsonValue &v : root.value("edges").toArray()) {
            const QJsonObject e = v.toObject();
            QString line = QStringLiteral("%1 -> %2 %3 %4")
                               .arg(e.value("from").toString(), e.value("to").toString())
                               .arg(e.value("port").toInt())
                               .arg(e.value("tls").toString());
            for (const QJsonValue &p : e.value("policies").toArray())
                line += QStringLiteral(" [%1]").arg(p.toString());
            hops << line;
        }
        QVERIFY2(
            hops.contains("workload:default/curl -> gateway:istio-egress/waypoint 15008 HBONE"),
            qPrintable(hops.join('\n')));
        QVERIFY2(hops.contains("gateway:istio-egress/waypoint -> host:httpbin.org 443 SIMPLE "
                               "[AuthorizationPolicy istio-egress/httpbin-get-only: ALLOW GET]"),
                 qPrintable(hops.join('\n')));
    }

    void meshConfigDecidesUndeclaredHosts() {
        QTemporaryDir dir;
        writeFile(dir.filePath("mesh.yaml"), "outboundTrafficPolicy:\n  mode: REGISTRY_ONLY\n");
        const Run r = egret({"graph", flowData("registry.yaml"), "--mesh-config",
                             dir.filePath("mesh.yaml"), "-o", "-"});
        QCOMPARE(r.exitCode, 0);
        QStringList blocked;
        QStringList broken;
        for (const QJsonValue &e :
             QJsonDocument::fromJson(r.out).object().value("edges").toArray()) {
            if (e.toObject().value("blocked").toBool())
                blocked << e.toObject().value("from").toString();
            if (e.toObject().value("broken").toBool())
                broken << e.toObject().value("from").toString();
        }
        // REGISTRY_ONLY blocks default's sidecars; legacy's Sidecar allows any host, but the
        // route names a host no ServiceEntry declares (IST0101), so both hops fail.
        QCOMPARE(blocked, QStringList{"workload:default/shop"});
        QCOMPARE(broken, QStringList({"workload:default/shop", "workload:legacy/shop"}));
        QCOMPARE(
            egret({"graph", flowData("registry.yaml"), "--mesh-config", "/nonexistent", "-o", "-"})
                .exitCode,
            2);
    }

    void dot() {
        QTemporaryDir dir;
        const QString out = dir.filePath("flows.dot");
        QCOMPARE(egret({"graph", flowData("tcp-via-gateway.yaml"), "-o", out}).exitCode, 0);
        const QByteArray dot = readFile(out);
        QVERIFY(dot.startsWith("digraph egress {"));
        QVERIFY(dot.contains("rankdir=LR"));
        QVERIFY(dot.contains("\"workload:*\" -> \"gateway:istio-system/istio-egressgateway\""));
        QVERIFY(dot.contains("label=\"15432 TCP\""));
        // Graphviz's own dot reads it, when installed.
        const QString dotTool = QStandardPaths::findExecutable("dot");
        if (!dotTool.isEmpty()) {
            QProcess p;
            p.start(dotTool, {"-Tsvg", out});
            QVERIFY(p.waitForFinished(60000));
            QCOMPARE(p.exitCode(), 0);
        }
    }

    void svgAndPng() {
        QTemporaryDir dir;
        QCOMPARE(egret({"graph", flowData("tcp-via-gateway.yaml"), "-o", dir.filePath("f.svg")})
                     .exitCode,
                 0);
        const QByteArray svg = readFile(dir.filePath("f.svg"));
        QVERIFY(svg.contains("<svg"));
        QVERIFY(svg.contains("postgres.partner.net"));
        QVERIFY(svg.contains("15432 TCP"));
        QCOMPARE(egret({"graph", flowData("partners.yaml"), "-o", dir.filePath("f.png")}).exitCode,
                 0);
        const QImage png(dir.filePath("f.png"));
        QVERIFY(!png.isNull());
        QVERIFY(png.width() > 400);
        // --expand draws every host: a taller picture.
        QCOMPARE(
            egret({"graph", flowData("partners.yaml"), "--expand", "-o", dir.filePath("all.png")})
                .exitCode,
            0);
        QVERIFY(QImage(dir.filePath("all.png")).height() > png.height());
    }

    void badInvocations() {
        QCOMPARE(egret({"graph", flowData("registry.yaml")}).exitCode, 2);
        const Run ext = egret({"graph", flowData("registry.yaml"), "-o", "/tmp/flows.gif"});
        QCOMPARE(ext.exitCode, 2);
        QVERIFY(ext.err.contains(".svg, .png, .dot or .json"));
        QCOMPARE(egret({"graph", "/nonexistent.yaml", "-o", "-"}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliGraph)
#include "tst_cli_graph.moc"

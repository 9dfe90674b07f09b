// Adding a route and removing it gives the file back byte for byte, for every pattern, on an
// empty file and on files holding unrelated and related documents with comments.
#include "RecipeCases.h"
#include "TestSupport.h"

#include "model/io/Loader.h"
#include "model/recipes/Patterns.h"

using namespace egret;
using namespace egret::test;

namespace {

struct Base {
    const char *name;
    QByteArray bytes;
    bool exists = true; // false: the file is not in the workspace yet (created by the route)
};

QByteArray data(const char *name) {
    return readFile(dataFile(QStringLiteral("recipes/") + QLatin1String(name)));
}

QVector<Base> bases() {
    QByteArray noFinalBreak = data("unrelated.yaml");
    noFinalBreak.chop(1);
    QByteArray crlf = data("existing-route.yaml");
    crlf.replace("\n", "\r\n");
    return {
        {"new file", QByteArray(), false},
        {"empty file", QByteArray()},
        {"unrelated", data("unrelated.yaml")},
        {"unrelated, no final newline", noFinalBreak},
        {"related", data("existing-route.yaml")},
        {"related, CRLF", crlf},
        {"related and unrelated", data("existing-route.yaml") + "---\n" + data("unrelated.yaml")},
    };
}

// Every case in Istio's API, and those through a gateway in the Gateway API too.
struct Variant {
    const PatternCase *c;
    recipes::Api api;
};
QVector<Variant> variants() {
    QVector<Variant> out;
    for (const PatternCase &c : patternCases())
        out << Variant{&c, recipes::Api::Istio};
    for (const PatternCase &c : patternCases())
        if (recipes::patternInfo(c.request.pattern).viaGateway)
            out << Variant{&c, recipes::Api::GatewayApi};
    return out;
}
QString variantName(const Variant &v) {
    return QLatin1String(v.c->name) +
           (v.api == recipes::Api::GatewayApi ? QStringLiteral(" (Gateway API)") : QString());
}

Workspace load(const Base &base) {
    if (!base.exists)
        return Workspace();
    return loadBytes(QStringLiteral("routes.yaml"), base.bytes);
}

QStringList commentLines(const QByteArray &text) {
    QStringList out;
    for (const QByteArray &line : text.split('\n'))
        if (line.contains('#'))
            out << QString::fromUtf8(line);
    return out;
}

} // namespace

class TestRouteIdentity : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void addThenRemoveIsByteIdentical_data() {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<int>("api");
        QTest::addColumn<int>("base");
        const QVector<Base> all = bases();
        for (const Variant &v : variants())
            for (int b = 0; b < all.size(); ++b)
                QTest::addRow("%s on %s", qPrintable(variantName(v)), all[b].name)
                    << QString::fromLatin1(v.c->name) << int(v.api) << b;
    }
    void addThenRemoveIsByteIdentical() {
        QFETCH(QString, pattern);
        QFETCH(int, api);
        QFETCH(int, base);
        const Base b = bases()[base];
        recipes::RouteRequest request = inApi(patternCase(pattern)->request, recipes::Api(api));
        // The related file's gateway passes TLS through on 443, which mtls-origination's
        // mutual TLS server cannot share: it takes another gateway port (the Gateway API's
        // gateway is another one).
        if (request.pattern == recipes::Pattern::MtlsOrigination && b.bytes.contains("partner") &&
            request.api == recipes::Api::Istio)
            request.gatewayPort = 8443;

        Workspace ws = load(b);
        const QByteArray before = b.bytes;
        const recipes::RouteResult added = recipes::addRoute(ws, request);
        QVERIFY2(added.ok, qPrintable(added.problems.value(0).message));
        QVERIFY(added.change.apply(ws));
        const QByteArray withRoute = ws.fileBytes(ws.fileIndex("routes.yaml"));
        QVERIFY(withRoute != before);
        for (const QString &comment : commentLines(before))
            QVERIFY2(withRoute.contains(comment.toUtf8()), qPrintable(comment));
        if (!b.bytes.contains("partner"))
            QVERIFY(withRoute.startsWith(before)); // unrelated documents are only appended to
        if (b.bytes.contains("\r\n"))
            QCOMPARE(withRoute.count('\n'), withRoute.count("\r\n"));
        for (const Diagnostic &d : ws.diagnostics())
            QVERIFY2(d.severity != Severity::Error, qPrintable(d.toString()));

        // Removing the route entering at its port, and removing every route to the host.
        for (qint64 port : {recipes::withDefaults(request).port, qint64(0)}) {
            Workspace copy = ws;
            QString error;
            QVERIFY2(removeRouteFrom(copy, {request.host, port}, &error), qPrintable(error));
            QCOMPARE(copy.fileBytes(copy.fileIndex("routes.yaml")), before);
        }
        // Undo.
        QVERIFY(added.change.revert(ws));
        if (b.exists)
            QCOMPARE(ws.fileBytes(0), before);
        else
            QCOMPARE(ws.files().size(), 0);
    }

    void wildcardsThroughTheGatewayAreRemovedByteForByte_data() {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<int>("api");
        QTest::addColumn<int>("base");
        const QVector<Base> all = bases();
        for (recipes::Api api : {recipes::Api::Istio, recipes::Api::GatewayApi})
            for (const char *p : {"http", "tls-passthrough", "tls-origination", "mtls-origination"})
                for (int b : {0, 4})
                    QTest::addRow("%s on %s (%s)", p, all[b].name,
                                  qPrintable(recipes::apiName(api)))
                        << QString::fromLatin1(p) << int(api) << b;
    }
    void wildcardsThroughTheGatewayAreRemovedByteForByte() {
        QFETCH(QString, pattern);
        QFETCH(int, api);
        QFETCH(int, base);
        recipes::RouteRequest request = inApi(patternCase(pattern)->request, recipes::Api(api));
        request.host = QStringLiteral("*.example.com");
        request.servingHost = QStringLiteral("www.example.com");
        if (request.pattern == recipes::Pattern::MtlsOrigination && base != 0 &&
            request.api == recipes::Api::Istio)
            request.gatewayPort = 8443;
        Workspace ws = load(bases()[base]);
        const QByteArray before = bases()[base].bytes;
        QString error;
        QVERIFY2(addRouteTo(ws, request, &error), qPrintable(error));
        QVERIFY(ws.fileBytes(ws.fileIndex("routes.yaml")).contains("- www.example.com\n"));
        for (qint64 port : {recipes::withDefaults(request).port, qint64(0)}) {
            Workspace copy = ws;
            QVERIFY2(removeRouteFrom(copy, {request.host, port}, &error), qPrintable(error));
            QCOMPARE(copy.fileBytes(copy.fileIndex("routes.yaml")), before);
        }
    }

    void routesFromAnotherNamespaceAreRemovedByteForByte_data() {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<int>("api");
        for (const Variant &v : variants())
            QTest::newRow(qPrintable(variantName(v)))
                << QString::fromLatin1(v.c->name) << int(v.api);
    }
    void routesFromAnotherNamespaceAreRemovedByteForByte() {
        QFETCH(QString, pattern);
        QFETCH(int, api);
        recipes::RouteRequest request = inApi(patternCase(pattern)->request, recipes::Api(api));
        request.ns = QStringLiteral("payments");
        if (request.pattern == recipes::Pattern::MtlsOrigination &&
            request.api == recipes::Api::Istio)
            request.gatewayPort = 8443;
        Workspace ws = loadBytes("routes.yaml", data("existing-route.yaml"));
        const QByteArray before = ws.fileBytes(0);
        QString error;
        QVERIFY2(addRouteTo(ws, request, &error), qPrintable(error));
        // The ambient patterns write to the waypoint's namespace; the request's is the clients'.
        const bool ambient = request.pattern == recipes::Pattern::AmbientEgress ||
                             request.pattern == recipes::Pattern::AmbientTlsOrigination;
        QVERIFY(ws.fileBytes(0).contains(ambient ? "  namespace: istio-egress\n"
                                                 : "  namespace: payments\n"));
        QVERIFY2(removeRouteFrom(ws, {request.host, 0}, &error), qPrintable(error));
        QCOMPARE(ws.fileBytes(0), before);
    }

    void aHostDeclaredForAnotherPortGetsItsPortBack() {
        Workspace ws;
        QString error;
        recipes::RouteRequest direct = patternCase("direct-http")->request;
        direct.host = QStringLiteral("edition.cnn.com");
        QVERIFY(addRouteTo(ws, direct, &error));
        const QByteArray before = ws.fileBytes(0);
        QVERIFY(addRouteTo(ws, patternCase("tls-passthrough")->request, &error));
        QCOMPARE(ws.resources().first()->as<ServiceEntry>()->ports.size(), 2); // extended
        QVERIFY2(removeRouteFrom(ws, {QStringLiteral("edition.cnn.com"), 443}, &error),
                 qPrintable(error));
        QCOMPARE(ws.fileBytes(0), before);
    }

    void removingOneRouteKeepsTheOthersByteForByte() {
        Workspace ws = loadBytes("routes.yaml", data("existing-route.yaml"));
        const QByteArray original = ws.fileBytes(0);
        QString error;
        QVERIFY(addRouteTo(ws, patternCase("tls-passthrough")->request, &error));
        const QByteArray one = ws.fileBytes(0);
        recipes::RouteRequest second = patternCase("http")->request;
        second.host = QStringLiteral("api.second.com");
        QVERIFY(addRouteTo(ws, second, &error));
        QVERIFY(removeRouteFrom(ws, {second.host, 0}, &error));
        QCOMPARE(ws.fileBytes(0), one);
        QVERIFY(removeRouteFrom(ws, {QStringLiteral("edition.cnn.com"), 0}, &error));
        QCOMPARE(ws.fileBytes(0), original);
        // And the route that was there first goes too, leaving only what is not about it.
        QVERIFY(removeRouteFrom(ws, {QStringLiteral("api.partner.com"), 0}, &error));
        QCOMPARE(ws.resources().size(), 0);
    }

    // route remove drops a Gateway only when it is nothing but a selector and servers, as route
    // add creates it; a Gateway holding more keeps the rest, and is still there to read.
    void removingTheLastServerKeepsAGatewayThatHoldsMore() {
        QByteArray bytes = data("existing-route.yaml");
        bytes.replace("      mode: PASSTHROUGH   # the application's own TLS\n",
                      "      mode: PASSTHROUGH   # the application's own TLS\n"
                      "  x-owner: platform-team # kept\n");
        Workspace ws = loadBytes("routes.yaml", bytes);
        QString error;
        QVERIFY2(removeRouteFrom(ws, {QStringLiteral("api.partner.com"), 0}, &error),
                 qPrintable(error));
        QCOMPARE(ws.resources().size(), 1);
        QCOMPARE(ws.resources().first()->kind, Kind::Gateway);
        const QByteArray after = ws.fileBytes(0);
        QVERIFY2(after.contains("  x-owner: platform-team # kept\n"), after.constData());
        QVERIFY2(!after.contains("servers"), after.constData());
    }

    void removingWhatIsNotThereSaysSo() {
        const Workspace ws = loadBytes("routes.yaml", data("existing-route.yaml"));
        recipes::RouteResult r = recipes::removeRoute(ws, {QStringLiteral("api.other.com"), 0});
        QVERIFY(!r.ok);
        QCOMPARE(r.problems[0].message,
                 QStringLiteral("nothing in the workspace routes api.other.com"));
        r = recipes::removeRoute(ws, {QStringLiteral("api.partner.com"), 80});
        QVERIFY(!r.ok);
        QCOMPARE(r.problems[0].message,
                 QStringLiteral("nothing in the workspace routes api.partner.com:80"));
    }

    void removingOnePortOfAHostKeepsTheOther() {
        Workspace ws;
        QString error;
        recipes::RouteRequest r = patternCase("tls-passthrough")->request;
        QVERIFY(addRouteTo(ws, r, &error));
        const QByteArray one = ws.fileBytes(0);
        r.port = 8443;
        r.gatewayPort = 8443;
        QVERIFY(addRouteTo(ws, r, &error));
        QVERIFY(removeRouteFrom(ws, {r.host, 8443}, &error));
        QCOMPARE(ws.fileBytes(0), one);
    }
};

QTEST_GUILESS_MAIN(TestRouteIdentity)
#include "tst_route_identity.moc"

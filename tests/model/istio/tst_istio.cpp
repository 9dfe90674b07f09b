#include "model/istio/GatewayRef.h"
#include "model/istio/Hosts.h"
#include "model/istio/RouteRules.h"
#include "model/istio/Visibility.h"

#include <QtTest>

using namespace egret;

// The one reading of Istio's fields that the validator, the flows and the recipes share, and
// the two host policies that differ on purpose.
class TestIstio : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void wildcardsAreReadOneWayAndTheRecipesTakeOnlyDomainOnes() {
        QVERIFY(istio::isWildcardHost(u"*"));
        QVERIFY(istio::isWildcardHost(u"*.example.com"));
        QVERIFY(!istio::isDomainWildcard(u"*"));
        QVERIFY(istio::isDomainWildcard(u"*.example.com"));
        QVERIFY(!istio::isWildcardHost(u"example.com"));
    }

    // istioctl's analyzers compare as written; the proxy ignores case.
    void theAnalyzersAreCaseSensitiveAndTheProxyIsNot() {
        QVERIFY(!istio::analyzer::hostsOverlap(u"API.example.com", u"api.example.com"));
        QVERIFY(istio::proxy::hostsIntersect(QStringLiteral("API.example.com"),
                                             QStringLiteral("api.example.com")));
        QVERIFY(istio::proxy::hostCovers(QStringLiteral("*.Example.com"),
                                         QStringLiteral("a.example.com")));
        QVERIFY(!istio::proxy::hostCovers(QStringLiteral("*.example.com"),
                                          QStringLiteral("example.com")));
    }

    void shortNamesResolveAsEachPolicyDoes() {
        QCOMPARE(istio::analyzer::fqdn(QStringLiteral("reviews"), QString()),
                 QStringLiteral("reviews..svc.cluster.local"));
        QCOMPARE(istio::proxy::resolveHost(QStringLiteral("reviews"), QString()),
                 QStringLiteral("reviews"));
        QCOMPARE(istio::proxy::resolveHost(QStringLiteral("reviews"), QStringLiteral("ns")),
                 istio::serviceFqdn(QStringLiteral("reviews"), QStringLiteral("ns")));
    }

    void exportToIsReadOnce() {
        const QString ns = QStringLiteral("a");
        QVERIFY(istio::exportedTo({}, ns, QStringLiteral("b")));
        QVERIFY(istio::exportedTo({QStringLiteral(".")}, ns, ns));
        QVERIFY(!istio::exportedTo({QStringLiteral(".")}, ns, QStringLiteral("b")));
        QVERIFY(!istio::exportedTo({QStringLiteral("~")}, ns, ns));
        QVERIFY(istio::exportedTo({QStringLiteral("b")}, ns, QStringLiteral("b")));
        QCOMPARE(istio::serviceExportTo(QStringLiteral(" , ")), QStringList());
        QCOMPARE(istio::serviceExportTo(QStringLiteral(" , "), Qt::KeepEmptyParts),
                 QStringList({QString(), QString()}));
    }

    void gatewayReferencesKeepTheMeshApart() {
        const QString ns = QStringLiteral("ns");
        QCOMPARE(istio::gatewayKey(QStringLiteral("mesh"), ns), QStringLiteral("mesh"));
        QCOMPARE(istio::gatewayKey(QStringLiteral("gw"), ns), QStringLiteral("ns/gw"));
        QCOMPARE(istio::gatewayKey(QStringLiteral("o/gw"), ns), QStringLiteral("o/gw"));
        QVERIFY(istio::refersTo(QStringLiteral("gw"), ns, QStringLiteral("ns/gw")));
        QVERIFY(!istio::refersTo(QStringLiteral("gw"), ns, QStringLiteral("o/gw")));
        QVERIFY(istio::meshBound({}));
        QVERIFY(!istio::boundToMesh({}, {QStringLiteral("gw")}));
        QVERIFY(istio::boundToMesh({QStringLiteral("mesh")}, {QStringLiteral("gw")}));
    }

    void rulesAreFlattenedInIstiosOrder() {
        VirtualService vs;
        vs.tcp.append(TcpRoute{});
        vs.http.append(HttpRoute{});
        vs.http.append(HttpRoute{});
        vs.http[1].match.append(HttpMatchRequest{});
        vs.http[1].match[0].headers.insert(QStringLiteral("x"), StringMatch{});
        const QVector<istio::RouteRule> rules = istio::routeRules(vs);
        QCOMPARE(rules.size(), 3);
        QCOMPARE(rules[1].path(), QStringLiteral("spec.http[1]"));
        QCOMPARE(rules[2].path(), QStringLiteral("spec.tcp[0]"));
        QVERIFY(rules[1].matches.at(0).conditional);
        QVERIFY(!rules[1].matches.at(0).sniHosts);
        QCOMPARE(rules[2].http, nullptr);
    }
};

QTEST_APPLESS_MAIN(TestIstio)
#include "tst_istio.moc"

// The Gateway API kinds are checked against the Gateway API's CRD schemas as Istio's kinds are
// against Istio's: Istio's and the project's own Gateway API documents check clean, and each kind
// of mistake is one diagnostic at the field, with its path, in the version written.
#include "TestSupport.h"

#include "model/decode/DocumentParser.h"
#include "model/io/Exporter.h"
#include "model/io/Loader.h"
#include "model/validation/Validator.h"

#include <QDirIterator>

using namespace egret;

namespace {

bool isSchemaFinding(const Diagnostic &d) {
    return d.code == codes::Schema || d.code == codes::UnknownField;
}

// The schema findings of a workspace, as "line:column severity path: message".
QStringList schemaFindings(const Workspace &ws) {
    QStringList out;
    for (const Diagnostic &d : ws.diagnostics())
        if (isSchemaFinding(d))
            out << QStringLiteral("%1:%2 %3 %4: %5")
                       .arg(d.location.line)
                       .arg(d.location.column)
                       .arg(d.severity == Severity::Error ? QStringLiteral("error")
                                                          : QStringLiteral("warning"),
                            d.path, d.message);
    return out;
}

QStringList schemaFindings(const QByteArray &yaml) {
    return schemaFindings(loadBytes(QStringLiteral("doc.yaml"), yaml));
}

// The Gateway API documents of a set of files, with the schema findings of each.
struct Checked {
    int documents = 0;
    QStringList problems; // "file: finding"
};

Checked checkGatewayApiDocuments(const QStringList &files) {
    Checked out;
    for (const QString &path : files) {
        const Workspace ws = loadFiles({path});
        for (const SourceFile &file : ws.files()) {
            for (DocumentId id : file.documents) {
                const SourceDocument *doc = ws.document(id);
                bool gatewayApi = false;
                for (const Resource &r : doc->resources)
                    gatewayApi = gatewayApi || isGatewayApiKind(r.kind);
                if (!gatewayApi)
                    continue;
                ++out.documents;
                for (const Diagnostic &d : doc->diagnostics)
                    if (isSchemaFinding(d))
                        out.problems << d.toString();
            }
        }
    }
    return out;
}

QStringList yamlFilesUnder(const QString &dir) {
    QStringList files;
    QDirIterator it(dir, {QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    return files;
}

const QByteArray kRouteHeader = "apiVersion: gateway.networking.k8s.io/v1\n"
                                "kind: HTTPRoute\n"
                                "metadata:\n"
                                "  name: r\n";
const QByteArray kGatewayHeader = "apiVersion: gateway.networking.k8s.io/v1\n"
                                  "kind: Gateway\n"
                                  "metadata:\n"
                                  "  name: egress\n"
                                  "spec:\n"
                                  "  gatewayClassName: istio\n"
                                  "  listeners:\n";

const QByteArray kPolicySpec = "spec:\n"
                               "  targetRefs:\n"
                               "  - {group: networking.istio.io, kind: ServiceEntry, name: api}\n"
                               "  validation:\n"
                               "    hostname: api.example.com\n"
                               "    wellKnownCACertificates: System\n";
const QByteArray kPolicyV1alpha2Spec = "spec:\n"
                                       "  targetRef:\n"
                                       "    {group: networking.istio.io, kind: ServiceEntry, "
                                       "name: api}\n"
                                       "  tls:\n"
                                       "    hostname: api.example.com\n"
                                       "    wellKnownCACerts: System\n";

QByteArray policy(const char *version, const QByteArray &spec) {
    return QByteArray("apiVersion: gateway.networking.k8s.io/") + version +
           "\nkind: BackendTLSPolicy\nmetadata:\n  name: api-tls\n" + spec;
}

QByteArray tlsRoute(const char *version, bool hostnames) {
    return QByteArray("apiVersion: gateway.networking.k8s.io/") + version +
           "\nkind: TLSRoute\nmetadata:\n  name: t\nspec:\n  parentRefs:\n  - name: egress\n" +
           (hostnames ? "  hostnames: [api.example.com]\n" : "") +
           "  rules:\n  - backendRefs:\n    - {kind: Hostname, group: networking.istio.io, "
           "name: api.example.com, port: 443}\n";
}

} // namespace

class TestGatewayApiSchema : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void istioCorpusGatewayApiDocumentsCheckClean() {
        EGRET_REQUIRE_CORPUS();
        QStringList files = yamlFilesUnder(test::corpusDir() + QStringLiteral("/istio-docs"));
        files += yamlFilesUnder(test::corpusDir() + QStringLiteral("/istio-repo"));
        // A fragment of Istio's deployment golden file: a Gateway with neither name nor spec,
        // which the API server refuses; it is the one expected finding.
        const QString fragment =
            QStringLiteral("istio-repo/workloads/pilot/pkg/config/kube/gatewaycommon/testdata/"
                           "deployment/cluster-ip.yaml");
        const Checked checked = checkGatewayApiDocuments(files);
        QCOMPARE(checked.problems.size(), 1);
        QVERIFY2(checked.problems[0].contains(fragment) &&
                     checked.problems[0].endsWith(QStringLiteral("missing required field "
                                                                 "\"spec\"")),
                 qPrintable(checked.problems.join(QLatin1Char('\n'))));
        // Istio's Gateway API egress tasks and its conversion test data: every kind Istio's
        // tasks write (Gateway, HTTPRoute, TLSRoute, TCPRoute, ReferenceGrant).
        QVERIFY2(checked.documents >= 18, qPrintable(QString::number(checked.documents)));
    }

    void projectGatewayApiDocumentsCheckClean() {
        QStringList files = yamlFilesUnder(test::dataFile(QStringLiteral("validation")));
        files += yamlFilesUnder(test::dataFile(QStringLiteral("decode")));
        const Checked checked = checkGatewayApiDocuments(files);
        QVERIFY2(checked.problems.isEmpty(), qPrintable(checked.problems.join(QLatin1Char('\n'))));
        QVERIFY2(checked.documents >= 20, qPrintable(QString::number(checked.documents)));
    }

    // Each mistake is exactly one finding, at the field, with the field's path.
    void mistakesAreFoundAtTheirField_data() {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("finding");
        QTest::newRow("typo in a field name")
            << kRouteHeader + "spec:\n  parentRef:\n  - name: egress\n  rules:\n"
                              "  - backendRefs:\n    - name: svc\n      port: 80\n"
            << "6:3 warning spec.parentRef: unknown field \"parentRef\": the Gateway API's "
               "schema does not define it (kept as written, but kubectl apply "
               "--validate=strict rejects it)";
        QTest::newRow("listener without a port")
            << kGatewayHeader + "  - name: http\n    protocol: HTTP\n"
            << "8:5 error spec.listeners[0]: missing required field \"port\"";
        QTest::newRow("TLS mode in the wrong case")
            << kGatewayHeader + "  - name: https\n    port: 443\n    protocol: HTTPS\n"
                                "    tls:\n      mode: terminate\n      options:\n"
                                "        gateway.istio.io/tls-terminate-mode: ISTIO_MUTUAL\n"
            << "12:13 error spec.listeners[0].tls.mode: \"terminate\" is not one of Terminate, "
               "Passthrough";
        QTest::newRow("port out of range")
            << kGatewayHeader + "  - name: http\n    port: 70000\n    protocol: HTTP\n"
            << "9:11 error spec.listeners[0].port: 70000 is out of range (1 to 65535)";
        QTest::newRow("namespaces from in the wrong case")
            << kGatewayHeader + "  - name: http\n    port: 80\n    protocol: HTTP\n"
                                "    allowedRoutes:\n      namespaces:\n        from: same\n"
            << "13:15 error spec.listeners[0].allowedRoutes.namespaces.from: \"same\" is not one "
               "of All, Selector, Same";
        QTest::newRow("path match type")
            << kRouteHeader +
                   "spec:\n  rules:\n  - matches:\n    - path: {type: Prefix, value: /}\n"
            << "8:20 error spec.rules[0].matches[0].path.type: \"Prefix\" is not one of Exact, "
               "PathPrefix, RegularExpression";
        QTest::newRow("HTTP method")
            << kRouteHeader + "spec:\n  rules:\n  - matches:\n    - method: get\n"
            << "8:15 error spec.rules[0].matches[0].method: \"get\" is not one of GET, HEAD, "
               "POST, PUT, DELETE, CONNECT, OPTIONS, TRACE, PATCH";
        QTest::newRow("weight out of range")
            << kRouteHeader + "spec:\n  rules:\n  - backendRefs:\n"
                              "    - {name: svc, port: 80, weight: 2000000}\n"
            << "8:37 error spec.rules[0].backendRefs[0].weight: 2000000 is out of range (0 to "
               "1000000)";
        QTest::newRow("a Service backend without a port")
            << kRouteHeader + "spec:\n  rules:\n  - backendRefs:\n    - name: svc\n"
            << "8:7 error spec.rules[0].backendRefs[0]: a backend that is a Service needs a "
               "port: the CRD refuses it (\"Must have port for Service reference\")";
        QTest::newRow("a fractional timeout")
            << kRouteHeader + "spec:\n  rules:\n  - timeouts: {request: 1.5s}\n"
            << "7:25 error spec.rules[0].timeouts.request: \"1.5s\" is not a Gateway API "
               "duration: 1 to 4 parts of up to 5 digits and a unit h, m, s or ms, such as "
               "\"10s\", \"500ms\" or \"1h30m\" (no fractions)";
        QTest::newRow("a string where a number belongs")
            << kRouteHeader + "spec:\n  parentRefs:\n  - {name: egress, port: \"80\"}\n"
            << "7:26 error spec.parentRefs[0].port: expected an integer, found the string \"80\"";
        QTest::newRow("tls on an HTTP listener")
            << kGatewayHeader + "  - name: http\n    port: 80\n    protocol: HTTP\n"
                                "    tls: {mode: Passthrough}\n"
            << "11:10 error spec.listeners[0].tls: a HTTP listener takes no tls: the CRD refuses "
               "it (\"tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']\")";
        QTest::newRow("two listeners of one name")
            << kGatewayHeader + "  - {name: web, port: 80, protocol: HTTP, hostname: a.com}\n"
                                "  - {name: web, port: 80, protocol: HTTP, hostname: b.com}\n"
            << "9:12 error spec.listeners[1].name: listener 1 repeats the name \"web\": the CRD "
               "refuses it (\"Listener name must be unique within the Gateway\")";
        QTest::newRow("a filter without its settings")
            << kRouteHeader + "spec:\n  rules:\n  - filters:\n    - type: RequestRedirect\n"
            << "8:7 error spec.rules[0].filters[0]: a RequestRedirect filter needs "
               "\"requestRedirect\": the CRD refuses it (\"filter.requestRedirect must be "
               "specified for RequestRedirect filter.type\")";
        QTest::newRow("a redirect status")
            << kRouteHeader + "spec:\n  rules:\n  - filters:\n    - type: RequestRedirect\n"
                              "      requestRedirect: {statusCode: 304}\n"
            << "9:37 error spec.rules[0].filters[0].requestRedirect.statusCode: 304 is not one "
               "of 301, 302, 303, 307, 308";
        QTest::newRow("a Gateway without listeners")
            << kGatewayHeader.chopped(1) + " []\n"
            << "7:14 error spec.listeners: expected at least one item, found none";
        QTest::newRow("a ReferenceGrant's from without its namespace")
            << QByteArray("apiVersion: gateway.networking.k8s.io/v1beta1\nkind: ReferenceGrant\n"
                          "metadata:\n  name: g\nspec:\n  from:\n"
                          "  - {group: gateway.networking.k8s.io, kind: HTTPRoute}\n"
                          "  to:\n  - {group: \"\", kind: Service}\n")
            << "7:5 error spec.from[0]: missing required field \"namespace\"";
    }
    void mistakesAreFoundAtTheirField() {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, finding);
        QCOMPARE(schemaFindings(yaml), QStringList{finding});
    }

    void everyPartOfARouteIsTyped() {
        // Filters, retries, timeouts, session persistence and matches as the CRDs write them.
        const Workspace ws =
            loadFiles({test::dataFile(QStringLiteral("decode/gateway-api-routes.yaml"))});
        QCOMPARE(ws.resources().size(), 2);
        QCOMPARE(schemaFindings(ws), QStringList());
        const QByteArray grpc = "apiVersion: gateway.networking.k8s.io/v1\nkind: GRPCRoute\n"
                                "metadata: {name: g}\nspec:\n  rules:\n  - filters:\n"
                                "    - type: RequestHeaderModifier\n"
                                "      requestHeaderModifier: {set: [{name: x-a, value: b}]}\n";
        QCOMPARE(schemaFindings(grpc), QStringList());
        // GRPCRoute has no redirect: the type is refused, and nothing more is said of it.
        QByteArray redirect = grpc;
        redirect.replace("RequestHeaderModifier", "RequestRedirect")
            .replace("requestHeaderModifier", "requestRedirect");
        const QStringList findings = schemaFindings(redirect);
        QCOMPARE(findings.size(), 2);
        QVERIFY2(findings[0].contains(QStringLiteral("\"RequestRedirect\" is not one of")) &&
                     findings[1].contains(QStringLiteral("unknown field")),
                 qPrintable(findings.join(QLatin1Char('\n'))));
    }

    void versionsAreCheckedAsWritten() {
        // BackendTLSPolicy: v1 and v1alpha3 name their targets and validation one way, v1alpha2
        // (Gateway API 1.0) another.
        QCOMPARE(schemaFindings(policy("v1", kPolicySpec)), QStringList());
        QCOMPARE(schemaFindings(policy("v1alpha3", kPolicySpec)), QStringList());
        QCOMPARE(schemaFindings(policy("v1alpha2", kPolicyV1alpha2Spec)), QStringList());
        const QStringList newShapeAtV1alpha2 = schemaFindings(policy("v1alpha2", kPolicySpec));
        QVERIFY2(newShapeAtV1alpha2.size() == 4 &&
                     newShapeAtV1alpha2.filter(QStringLiteral("unknown field")).size() == 2 &&
                     newShapeAtV1alpha2.contains(
                         QStringLiteral("6:3 error spec: missing required field \"targetRef\"")),
                 qPrintable(newShapeAtV1alpha2.join(QLatin1Char('\n'))));
        QVERIFY(schemaFindings(policy("v1", kPolicyV1alpha2Spec))
                    .contains(QStringLiteral("6:3 warning spec.targetRef: unknown field "
                                             "\"targetRef\": the Gateway API's schema does not "
                                             "define it (kept as written, but kubectl apply "
                                             "--validate=strict rejects it)")));
        // TLSRoute: the SNI hostnames became required at v1.
        QCOMPARE(schemaFindings(tlsRoute("v1alpha2", false)), QStringList());
        QCOMPARE(schemaFindings(tlsRoute("v1", true)), QStringList());
        QCOMPARE(schemaFindings(tlsRoute("v1", false)),
                 QStringList{"6:3 error spec: missing required field \"hostnames\""});
    }

    void unknownFieldsAreNamedWithTheirSchema() {
        // EGR0010 says whose schema the field is missing from.
        const Workspace ws = loadBytes(
            QStringLiteral("both.yaml"),
            kRouteHeader + "spec:\n  parentRef:\n  - name: egress\n---\n"
                           "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n"
                           "  name: se\nspec:\n  hosts: [a.com]\n  resolutoin: DNS\n");
        QStringList messages;
        for (const validation::Finding &f : validation::validate(ws))
            if (qstrcmp(f.type->code, "EGR0010") == 0)
                messages << f.message;
        messages.sort();
        QCOMPARE(messages,
                 QStringList({"Unknown field \"parentRef\": the Gateway API's schema does not "
                              "define it. It is kept as written, but kubectl apply with strict "
                              "field validation rejects the resource.",
                              "Unknown field \"resolutoin\": Istio's schema does not define it. "
                              "It is kept as written, but kubectl apply with strict field "
                              "validation rejects the resource."}));
    }

    void exportRefusesADocumentThatFailsTheSchema() {
        const ExportResult r = exportWorkspace(loadBytes(
            QStringLiteral("gw.yaml"), kGatewayHeader + "  - name: http\n    protocol: HTTP\n"));
        QVERIFY(!r.ok);
        QVERIFY(r.yaml.isEmpty());
        QCOMPARE(r.problems.size(), 1);
        QCOMPARE(r.problems[0].toString(),
                 QStringLiteral("gw.yaml:8:5: error: missing required field \"port\" "
                                "[spec.listeners[0]]"));
    }
};

QTEST_GUILESS_MAIN(TestGatewayApiSchema)
#include "tst_gateway_api_schema.moc"

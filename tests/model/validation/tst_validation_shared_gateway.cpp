// The route recipes' shape: one egress Gateway whose servers list every external host, read by
// every VirtualService. The rules look hosts up in an index of the Gateway instead of scanning
// its servers; they must find what the scan found, and live edits of the Gateway must still give
// what a fresh run gives.
#include "ValidationTestSupport.h"

using namespace egret;
using namespace egret::validation;

namespace {

QString sharedGatewayFile(const char *name) {
    return QStringLiteral(EGRET_SOURCE_DIR "/tests/model/validation/data/") + QLatin1String(name);
}

// "CODE Kind ns/name path line:column message", as shared-gateway.expected writes them.
QStringList lines(const QVector<Finding> &findings) {
    QStringList out;
    for (const Finding &f : findings) {
        const Diagnostic d = f.toDiagnostic();
        out << QStringLiteral("%1 %2 %3 %4:%5 %6")
                   .arg(d.code, d.resource.toString(), d.path)
                   .arg(d.location.line)
                   .arg(d.location.column)
                   .arg(d.message)
                   .trimmed(); // as expectedLines() reads them
    }
    out.sort();
    return out;
}

DocumentId gatewayDocument(const Workspace &ws) {
    for (const Resource *r : ws.resources())
        if (r->kind == Kind::Gateway)
            return r->id.document;
    return 0;
}

} // namespace

class TestValidationSharedGateway : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // The findings recorded before the Gateway's hosts were indexed (wildcards, namespace parts,
    // hosts on one server only, ports, PASSTHROUGH servers), in file order.
    void findingsAreThoseOfAScan() {
        const QVector<Finding> found =
            test::validateFiles({sharedGatewayFile("shared-gateway.yaml")});
        QStringList expected = test::expectedLines(sharedGatewayFile("shared-gateway.expected"));
        expected.sort();
        QCOMPARE(lines(found), expected);
    }

    // Edits of the one Gateway every VirtualService reads: a host added, removed, moved to
    // another namespace, a wildcard added, a server's mode and port changed.
    void gatewayEditsGiveWhatAFreshRunGives() {
        Workspace ws = loadFiles({sharedGatewayFile("shared-gateway.yaml")});
        Validator live;
        QCOMPARE(lines(live.findings(ws)), lines(validate(ws)));
        const DocumentId gw = gatewayDocument(ws);
        QVERIFY(gw != 0);
        const QList<QPair<QByteArray, QByteArray>> edits = {
            {"      protocol: HTTP\n    hosts:\n",
             "      protocol: HTTP\n    hosts:\n    - \"team-2/unlisted.example.com\"\n"},
            {"    - \"team-0/api-0000.partner-0.example.com\"\n", ""},
            {"\"team-1/api-0005.partner-0.example.com\"",
             "\"team-2/api-0005.partner-0.example.com\""},
            {"    - \"./local.example.com\"\n", "    - \"*/local.example.com\"\n"},
            {"      protocol: TLS\n    hosts:\n",
             "      protocol: TLS\n    hosts:\n    - \"*/*.example.com\"\n"},
            {"mode: PASSTHROUGH", "mode: SIMPLE"},
            {"number: 80\n      name: http", "number: 8080\n      name: http"},
        };
        for (const auto &[from, to] : edits) {
            const QByteArray before = ws.document(gw)->text;
            QVERIFY2(before.contains(from), from.constData());
            ws.setDocumentText(gw, QByteArray(before).replace(from, to));
            QVERIFY(!live.update(ws).full);
            QCOMPARE(lines(live.findings(ws)), lines(validate(ws)));
        }
    }

    // Editing one VirtualService re-checks it alone, not every reader of the Gateway.
    void routeEditReChecksLittle() {
        Workspace ws = loadFiles({sharedGatewayFile("shared-gateway.yaml")});
        Validator live;
        const UpdateStats first = live.update(ws);
        DocumentId vs = 0;
        for (const Resource *r : ws.resources())
            if (r->kind == Kind::VirtualService && r->meta.name == QLatin1String("local"))
                vs = r->id.document;
        QVERIFY(vs != 0);
        ws.setDocumentText(vs, QByteArray(ws.document(vs)->text).replace("local.", "api-0000."));
        const UpdateStats stats = live.update(ws);
        QVERIFY2(stats.checksRun * 10 < first.checksRun,
                 qPrintable(QStringLiteral("%1 of %2").arg(stats.checksRun).arg(first.checksRun)));
        QCOMPARE(lines(live.findings(ws)), lines(validate(ws)));
    }
};

QTEST_GUILESS_MAIN(TestValidationSharedGateway)
#include "tst_validation_shared_gateway.moc"

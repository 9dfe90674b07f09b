// Live validation as the editor uses it: one Validator kept across edits must always report what a
// fresh validation of the same workspace reports, while re-checking only what an edit affects.
#include "ValidationTestSupport.h"

#include <QDir>

using namespace egret;
using namespace egret::validation;

namespace {

QStringList signature(const QVector<Finding> &findings) {
    QStringList out;
    for (const Finding &f : findings)
        out << QStringLiteral("%1 %2 %3 %4 %5:%6:%7 [%8]")
                   .arg(QLatin1String(f.type->code), f.resource.toString(), f.path, f.message,
                        f.location.file)
                   .arg(f.location.line)
                   .arg(f.location.column)
                   .arg(f.assumedGateways().join(QLatin1Char(',')));
    out.sort();
    return out;
}

QStringList dataFiles() {
    QStringList files;
    QDir egress(test::validationData(QStringLiteral("egress")));
    for (const QString &f : egress.entryList({QStringLiteral("*.yaml")}, QDir::Files))
        files << egress.filePath(f);
    if (test::haveCorpus()) {
        QDir corpus(test::corpusDir() + QStringLiteral("/istio-analyzers/testdata"));
        for (const QString &f : corpus.entryList({QStringLiteral("*.yaml")}, QDir::Files))
            if (!f.contains(QLatin1String("mesh-cfg")))
                files << corpus.filePath(f);
    }
    return files;
}

// An edit a user might make to a document, by its index: small changes that move findings.
QByteArray mutate(const QByteArray &text, int step) {
    QByteArray t = text;
    switch (step % 7) {
    case 0:
        t.replace("httpbin.org", "httpbin.com").replace("name: ", "name: x");
        break;
    case 1:
        t.replace("istio: egressgateway", "istio: ingressgateway").replace("port: ", "port: 9");
        break;
    case 2:
        t.replace("number: 80\n", "number: 81\n").replace("namespace: ", "namespace: x");
        break;
    case 3:
        t.replace("subset:", "subset: x")
            .replace("host: ", "host: x")
            .replace("hostname: ", "hostname: x");
        break;
    case 4:
        t += "  extra: [unclosed\n"; // malformed YAML: the document's resources go away
        break;
    case 5:
        t.prepend("# a comment that moves everything below\n#\n");
        break;
    default:
        t.replace("mesh", "istio-system/egress").replace("kind: HTTPRoute", "kind: TLSRoute");
        break;
    }
    return t;
}

} // namespace

class TestValidationLive : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void editsGiveWhatAFreshRunGives() {
        Workspace ws = loadFiles(dataFiles());
        Validator live;
        QCOMPARE(signature(live.findings(ws)), signature(validate(ws)));

        QVector<DocumentId> docs;
        for (const SourceFile &f : ws.files())
            docs += f.documents;
        QVERIFY(docs.size() > 60);
        int edits = 0;
        // Sixty edits that change something, wherever the stepping lands.
        for (int step = 0; edits < 60 && step < 400; ++step) {
            const DocumentId id = docs[(step * 37) % docs.size()];
            const SourceDocument *doc = ws.document(id);
            if (!doc)
                continue;
            if (step % 11 == 10) {
                ws.removeDocument(id);
            } else if (step % 13 == 12) {
                ws.insertDocument(doc->file, 0, doc->text + (doc->text.endsWith('\n') ? "" : "\n"));
            } else {
                const QByteArray text = mutate(doc->text, step);
                if (text == doc->text)
                    continue;
                ws.setDocumentText(id, text);
            }
            ++edits;
            const UpdateStats stats = live.update(ws);
            QVERIFY(!stats.full);
            QVERIFY(stats.documentsChanged >= 1);
            QCOMPARE(signature(live.findings(ws)), signature(validate(ws)));
        }
        QCOMPARE(edits, 60);
    }

    // Editing one VirtualService of many re-checks it and what reads it, not everything.
    void oneEditReChecksLittle() {
        const QString file = test::validationData(QStringLiteral("egress/EGR0003.yaml"));
        QByteArray many;
        for (int i = 0; i < 50; ++i)
            many += test::readFile(file)
                        .replace("name: ", "name: n" + QByteArray::number(i) + "-")
                        .replace(".com", "-" + QByteArray::number(i) + ".com")
                        .replace(".org", "-" + QByteArray::number(i) + ".org")
                        .replace("subset: ", "subset: s" + QByteArray::number(i)) +
                    "---\n";
        Workspace ws = loadBytes(QStringLiteral("many.yaml"), many);
        Validator live;
        const UpdateStats first = live.update(ws);
        QVERIFY(first.full);
        const QVector<Finding> before = live.findings(ws);

        DocumentId vs = 0;
        for (const Resource *r : ws.resources())
            if (r->kind == Kind::VirtualService)
                vs = r->id.document;
        ws.setDocumentText(vs, QByteArray(ws.document(vs)->text).replace("postman", "nope"));
        const UpdateStats stats = live.update(ws);
        QCOMPARE(stats.documentsChanged, 1);
        QVERIFY2(stats.checksRun * 20 < first.checksRun,
                 qPrintable(QStringLiteral("%1 of %2").arg(stats.checksRun).arg(first.checksRun)));
        QCOMPARE(signature(live.findings(ws)), signature(validate(ws)));
        QVERIFY(live.findings(ws).size() > before.size());
        QCOMPARE(live.update(ws).documentsChanged, 0); // nothing changed since
    }

    void findingsOfOneResource() {
        Workspace ws = loadFiles({test::validationData(QStringLiteral("egress/EGR0003.yaml"))});
        Validator live;
        const QVector<Finding> all = live.findings(ws);
        QVERIFY(!all.isEmpty());
        const QVector<Finding> mine = live.findingsFor(ws, all.first().resourceId);
        QVERIFY(!mine.isEmpty());
        for (const Finding &f : mine)
            QCOMPARE(f.resourceId, all.first().resourceId);
    }

    // A new default namespace changes every resource without a namespace: a full run.
    void defaultNamespaceChangeChecksEverything() {
        Workspace ws =
            loadFiles({test::validationData(QStringLiteral("istio/destinationrule-subsets.yaml"))});
        Validator live;
        live.update(ws);
        ws.setDefaultNamespace(QString());
        QVERIFY(live.update(ws).full);
        QCOMPARE(signature(live.findings(ws)), signature(validate(ws)));
    }

    // Adding the egress gateway's Deployment ends the assumption, incrementally.
    void gatewayDeploymentReplacesTheAssumedOne() {
        Workspace ws = loadFiles({test::validationData(QStringLiteral("egress/EGR0001.yaml"))});
        Validator live;
        QVERIFY(!live.findings(ws).first().assumedGateways().isEmpty());
        ws.appendDocument(0, "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n"
                             "  name: gw\n  namespace: istio-system\nspec:\n"
                             "  template:\n    metadata:\n"
                             "      labels: {istio: egressgateway}\n");
        QVERIFY(!live.update(ws).full);
        const QVector<Finding> after = live.findings(ws);
        QCOMPARE(signature(after), signature(validate(ws)));
        for (const Finding &f : after)
            QVERIFY(
                !f.assumedGateways().contains(QStringLiteral("istio-system/istio-egressgateway")));
    }
};

QTEST_GUILESS_MAIN(TestValidationLive)
#include "tst_validation_live.moc"

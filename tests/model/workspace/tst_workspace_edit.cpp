// Document-level edits: what the editor and `egret route` build on.
#include "TestSupport.h"

#include "model/io/Loader.h"
#include "model/io/Saver.h"

using namespace egret;

class TestWorkspaceEdit : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void appendThenRemoveRestoresTheFile_data() {
        QTest::addColumn<QByteArray>("original");
        QTest::newRow("plain") << QByteArray("a: 1\n");
        QTest::newRow("no final newline") << QByteArray("a: 1");
        QTest::newRow("with markers") << QByteArray("---\na: 1\n---\nb: 2\n");
        QTest::newRow("empty") << QByteArray();
    }
    void appendThenRemoveRestoresTheFile() {
        QFETCH(QByteArray, original);
        Workspace ws = loadBytes("f.yaml", original);
        const DocumentId id =
            ws.appendDocument(0, "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: added\n");
        QCOMPARE(ws.resource({id, -1})->meta.name, QStringLiteral("added"));
        QVERIFY(ws.fileBytes(0).startsWith(original));
        ws.removeDocument(id);
        QCOMPARE(ws.fileBytes(0), original);
    }

    void undoingBackToTheSavedBytesIsNotModified() {
        QTemporaryDir dir;
        const QString path = dir.filePath("f.yaml");
        QVERIFY(test::writeFile(path, "a: 1\n"));
        Workspace ws = loadFiles({path});
        const DocumentId id = ws.files()[0].documents[0];
        ws.setDocumentText(id, "a: 2\n");
        QVERIFY(ws.isModified());
        ws.setDocumentText(id, "a: 1\n");
        QVERIFY(!ws.isModified());
    }

    void insertingSeveralDocumentsAtOnceIsReported() {
        Workspace ws =
            loadBytes("f.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n");
        const DocumentId id =
            ws.insertDocument(0, 1,
                              "---\napiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n"
                              "---\napiVersion: v1\nkind: Namespace\nmetadata: {name: c}\n");
        QCOMPARE(ws.document(id)->diagnostics.size(), 1);
        QVERIFY(ws.document(id)->diagnostics[0].message.contains("2 YAML documents"));
    }

    void textWithSeparatorsBecomesSeveralDocuments() {
        Workspace ws = loadBytes("f.yaml", "a: 1\n---\nb: 2\n");
        const DocumentId first = ws.files()[0].documents[0];
        const QVector<DocumentId> ids =
            ws.setDocumentText(first, "apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n---\n"
                                      "apiVersion: v1\nkind: Namespace\nmetadata: {name: y}\n");
        QCOMPARE(ids.size(), 2);
        QCOMPARE(ws.files()[0].documents.size(), 3);
        QCOMPARE(ws.resource({ids[1], -1})->meta.name, QStringLiteral("y"));
        QCOMPARE(ws.fileBytes(0),
                 QByteArray("apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n---\n"
                            "apiVersion: v1\nkind: Namespace\nmetadata: {name: y}\n---\nb: 2\n"));
    }

    void linesFollowEditsAbove() {
        Workspace ws =
            loadBytes("f.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n"
                                "apiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n");
        const DocumentId first = ws.files()[0].documents[0];
        const DocumentId second = ws.files()[0].documents[1];
        QCOMPARE(ws.resource({second, -1})->location.line, 5);
        ws.setDocumentText(
            first, "# two more lines\n#\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n");
        QCOMPARE(ws.resource({second, -1})->location.line, 7);
        QCOMPARE(ws.locate({second, -1}, "metadata.name").line, 9);
    }

    // Lines are renumbered from the edit down only: after every kind of edit in the middle of a
    // file, each resource and problem is where a fresh read of the same bytes puts it.
    void linesAfterEditsInTheMiddleMatchAFreshRead() {
        auto ns = [](const char *name, const char *extra = "") {
            return QByteArray("apiVersion: v1\nkind: Namespace\n") + extra +
                   "metadata: {name: " + name + "}\n";
        };
        Workspace ws = loadBytes("f.yaml", ns("a") + "---\n" + ns("b") + "---\n" + ns("c") +
                                               "---\n" + ns("d") + "---\n" + ns("e"));
        auto places = [](const Workspace &w) {
            QStringList out;
            w.forEachResource([&](const Resource &r) {
                out << r.meta.name + QLatin1Char(' ') + r.location.toString();
            });
            for (const Diagnostic &d : w.diagnostics())
                out << d.toString();
            out.sort();
            return out;
        };
        auto fresh = [&] { return places(loadBytes("f.yaml", ws.fileBytes(0))); };
        const QVector<DocumentId> docs = ws.files()[0].documents;

        ws.setDocumentText(docs[1], "---\n" + ns("b", "# one\n# two\n# three\n"));
        QCOMPARE(places(ws), fresh());
        ws.insertDocument(0, 2, "---\n" + ns("inserted", "# more\n"));
        QCOMPARE(places(ws), fresh());
        ws.removeDocument(docs[2]);
        QCOMPARE(places(ws), fresh());
        ws.setDocumentText(docs[3], "---\n" + ns("d1") + "---\n" + ns("d2", "bad: [\n"));
        QCOMPARE(places(ws), fresh());
        QVERIFY(fresh().join(' ').contains(QLatin1String("f.yaml:")));
        ws.setDocumentText(docs[1], "---\n" + ns("b"));
        QCOMPARE(places(ws), fresh());
    }

    // What a workspace holds of its resources and problems, for comparing with a fresh load.
    static QStringList reading(const Workspace &ws) {
        QStringList out;
        ws.forEachResource([&](const Resource &r) {
            QString line = QStringLiteral("%1 %2/%3 %4 doc%5/%6")
                               .arg(r.kindName, r.ns, r.meta.name, r.location.toString())
                               .arg(r.id.document)
                               .arg(r.id.item);
            if (const auto *gw = r.as<Gateway>())
                for (const Server &s : gw->servers)
                    line += QLatin1Char(' ') + s.hosts.join(QLatin1Char(','));
            out << line;
        });
        for (const Diagnostic &d : ws.diagnostics())
            out << d.toString() + QStringLiteral(" #%1").arg(d.resourceId.document);
        return out;
    }

    void largeDocumentsBroughtBackReadTheSameAsFresh() {
        // A Gateway of many hosts (large enough to be kept read for undo) after a small document
        // whose edits move it down; and a schema problem in it, whose place must move too.
        QByteArray gateway = "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n"
                             "  name: egress\nspec:\n  selector: {istio: egressgateway}\n"
                             "  servers:\n  - port: {number: 80, name: http, protocol: HTTP}\n"
                             "    hosts:\n";
        for (int i = 0; i < 1500; ++i)
            gateway += "    - ns/api-" + QByteArray::number(i) + ".example.com\n";
        gateway += "    tls: {mode: SIMPEL}\n";
        QVERIFY(gateway.size() > 16 * 1024);
        const QByteArray small = "apiVersion: v1\nkind: Namespace\nmetadata: {name: ns}\n---\n";
        Workspace ws = loadBytes("f.yaml", small + gateway);
        const DocumentId first = ws.files()[0].documents[0];
        const DocumentId gw = ws.files()[0].documents[1];
        const QByteArray before = ws.document(gw)->text;
        QByteArray after = before;
        after.replace("    - ns/api-7.example.com\n", "");

        // Edit, then bring the old text back: what is read equals a fresh read of the same bytes.
        ws.setDocumentText(gw, after);
        ws.setDocumentText(gw, before);
        QCOMPARE(reading(ws), reading(loadBytes("f.yaml", ws.fileBytes(0))));
        // The same text brought back three lines lower.
        ws.setDocumentText(gw, after);
        ws.setDocumentText(first, "# one\n# two\n# three\n" + ws.document(first)->text);
        ws.setDocumentText(gw, before);
        QCOMPARE(reading(ws), reading(loadBytes("f.yaml", ws.fileBytes(0))));
        QVERIFY(ws.diagnostics().size() >= 1); // SIMPEL is no TLS mode
        // And in a copy that shares what was read (a recipe's scratch copy).
        Workspace copy = ws;
        copy.setDocumentText(gw, after);
        ws.setDocumentText(gw, after);
        QCOMPARE(reading(ws), reading(copy));
        QCOMPARE(reading(ws), reading(loadBytes("f.yaml", ws.fileBytes(0))));
    }

    void locatesFields() {
        const Workspace ws = loadFiles({test::dataFile("foundation/mixed.yaml")});
        const Resource *vs = ws.resources()[2];
        const SourceLocation loc = ws.locate(vs->id, "spec.tls[0].route[0].destination.host");
        QCOMPARE(loc.line, 57);
        QCOMPARE(loc.column, 9);
        const Resource *ns = ws.resources()[5];
        QCOMPARE(ws.locate(ns->id, "metadata.labels").line, 89);
        QCOMPARE(ws.locate(ns->id, "metadata.labels").column, 5);
    }

    void savingClearsTheModifiedState() {
        QTemporaryDir dir;
        const QString path = dir.filePath("f.yaml");
        QVERIFY(test::writeFile(path, "a: 1\n"));
        Workspace ws = loadFiles({path});
        ws.appendDocument(0, "b: 2\n");
        QVERIFY(ws.isModified());
        QString error;
        QVERIFY(saveFile(ws, 0, &error));
        QVERIFY(!ws.isModified());
        QCOMPARE(test::readFile(path), QByteArray("a: 1\n---\nb: 2\n"));
        QVERIFY(!ws.changedOnDisk(0));
        QVERIFY(test::writeFile(path, "changed: by someone else\n"));
        QVERIFY(ws.changedOnDisk(0));
    }
};

QTEST_GUILESS_MAIN(TestWorkspaceEdit)
#include "tst_workspace_edit.moc"

// Nothing is lost: untouched files save back byte for byte; an edit re-emits only its document.
#include "TestSupport.h"

#include "model/edit/DocumentRewriter.h"
#include "model/edit/NodeEdit.h"
#include "model/io/Loader.h"
#include "model/io/Saver.h"

using namespace egret;

class TestRoundTrip : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString copyToTemp(const QString &name) {
        const QString target = m_dir.filePath(QFileInfo(name).fileName());
        QFile::remove(target);
        QFile::copy(test::dataFile(name), target);
        return target;
    }

private Q_SLOTS:
    void untouchedFilesSaveByteForByte_data() {
        QTest::addColumn<QString>("file");
        QTest::newRow("mixed") << "foundation/mixed.yaml";
        QTest::newRow("workloads") << "foundation/workloads.yaml";
        QTest::newRow("crlf") << "foundation/crlf.yaml";
        QTest::newRow("no final newline") << "foundation/no-final-newline.yaml";
    }
    void untouchedFilesSaveByteForByte() {
        QFETCH(QString, file);
        const QString path = copyToTemp(file);
        const QByteArray before = test::readFile(path);
        Workspace ws = loadFiles({path});
        QVERIFY(!ws.isModified());
        QCOMPARE(ws.fileBytes(0), before);
        QString error;
        QVERIFY2(saveFile(ws, 0, &error), qPrintable(error));
        QCOMPARE(test::readFile(path), before);
    }

    void editingOneDocumentLeavesTheOthersIntact() {
        const QString path = copyToTemp("foundation/mixed.yaml");
        const QByteArray before = test::readFile(path);
        Workspace ws = loadFiles({path});
        const SourceFile &file = ws.files()[0];
        const DocumentId dr = file.documents[2];
        QVERIFY(ws.document(dr)->text.contains("kind: DestinationRule"));

        const auto text = edit::rewriteDocument(ws.document(dr)->text, [](YAML::Node &root) {
            return edit::setValue(root, "spec.trafficPolicy.tls.mode", edit::plainScalar("MUTUAL"));
        });
        QVERIFY(text);
        ws.setDocumentText(dr, *text);
        QVERIFY(ws.isModified());
        QString error;
        QVERIFY(saveFile(ws, 0, &error));
        const QByteArray after = test::readFile(path);

        // Every other document keeps its bytes: the file differs only inside the edited one.
        const qsizetype start = before.indexOf("apiVersion: networking.istio.io/v1beta1");
        const qsizetype end = before.indexOf("---\napiVersion: networking.istio.io/v1alpha3");
        QVERIFY(start > 0 && end > start);
        QVERIFY(after.startsWith(before.left(start)));
        QVERIFY(after.endsWith(before.mid(end)));
        const QByteArray edited = after.mid(start, after.size() - start - (before.size() - end));
        QVERIFY(edited.contains("mode: MUTUAL"));
        QVERIFY(edited.contains("sni: api.stripe.com"));
        QCOMPARE(ws.resources()[1]->as<DestinationRule>()->trafficPolicy->tls->mode,
                 QStringLiteral("MUTUAL"));
    }

    void unknownFieldsKeepTheirPlaceAndOrder() {
        const QByteArray doc =
            "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: a\n"
            "spec:\n  zeta: 1\n  hosts:\n  - a.example.com\n  alpha:\n    nested: \"80\"\n"
            "  resolution: DNS\n";
        Workspace ws = loadBytes("t.yaml", doc);
        QCOMPARE(ws.resources()[0]->unknownFields, QStringList({"spec.zeta", "spec.alpha"}));
        const auto text = edit::rewriteDocument(doc, [](YAML::Node &root) {
            return edit::setValue(root, "spec.resolution", edit::plainScalar("STATIC"));
        });
        QCOMPARE(
            *text,
            QByteArray(
                "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: a\n"
                "spec:\n  zeta: 1\n  hosts:\n  - a.example.com\n  alpha:\n    nested: \"80\"\n"
                "  resolution: STATIC\n"));
    }

    void rewriteKeepsLeadingAndTrailingComments() {
        const QByteArray doc = "# owner: payments\n---\na: 1\nb: [x, y]\n# trailing note\n\n";
        const auto text = edit::rewriteDocument(doc, [](YAML::Node &root) {
            return edit::setValue(root, "a", edit::plainScalar("2"));
        });
        QCOMPARE(*text, QByteArray("# owner: payments\n---\na: 2\nb: [x, y]\n# trailing note\n\n"));
    }

    void rewriteKeepsIndentedSequencesAndCrlf() {
        const QByteArray doc = "spec:\r\n  hosts:\r\n    - a\r\n    - b\r\n";
        const auto text = edit::rewriteDocument(doc, [](YAML::Node &root) {
            YAML::Node hosts = edit::findPath(root, "spec.hosts");
            hosts.push_back(edit::stringScalar("c"));
            return true;
        });
        QCOMPARE(*text, QByteArray("spec:\r\n  hosts:\r\n    - a\r\n    - b\r\n    - c\r\n"));
    }

    void stringsStayStringsThroughAnEdit() {
        const QByteArray doc =
            "metadata:\n  labels:\n    version: \"1.2\"\n    enabled: \"true\"\nport: 80\n";
        const auto text = edit::rewriteDocument(doc, [](YAML::Node &root) {
            return edit::setValue(root, "metadata.labels.port", edit::stringScalar("8080"));
        });
        QCOMPARE(*text,
                 QByteArray("metadata:\n  labels:\n    version: \"1.2\"\n    enabled: \"true\"\n"
                            "    port: \"8080\"\nport: 80\n"));
    }

    void apiVersionIsKeptPerDocument() {
        Workspace ws = loadFiles({test::dataFile("foundation/mixed.yaml")});
        QStringList versions;
        for (const Resource *r : ws.resources())
            versions << r->apiVersion;
        QCOMPARE(versions.mid(0, 3),
                 QStringList({"networking.istio.io/v1", "networking.istio.io/v1beta1",
                              "networking.istio.io/v1alpha3"}));
    }
};

QTEST_GUILESS_MAIN(TestRoundTrip)
#include "tst_roundtrip.moc"

// `egret export`'s engine: normalized, deterministic, validated.
#include "TestSupport.h"

#include "model/decode/NodeRead.h"
#include "model/io/ExportFolder.h"
#include "model/io/Exporter.h"
#include "model/io/Loader.h"
#include "model/yaml/MergeKeys.h"

#include <yaml-cpp/yaml.h>

using namespace egret;

class TestExport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void writesEveryObjectInOrderAsKubectlWould() {
        const Workspace ws = loadFiles({test::dataFile("foundation/mixed.yaml")});
        const ExportResult r = exportWorkspace(ws);
        QVERIFY2(r.ok, qPrintable(r.problems.value(0).toString()));
        QCOMPARE(r.documents, 6); // empty document dropped, List items split out
        const QList<QByteArray> docs = r.yaml.split('\n');
        QVERIFY(r.yaml.startsWith("apiVersion: networking.istio.io/v1\nkind: ServiceEntry\n"));
        QVERIFY(!r.yaml.contains('#'));               // comments go
        QVERIFY(r.yaml.contains("version: \"1.2\"")); // strings stay strings
        QVERIFY(r.yaml.contains("retries: \"3\""));
        QVERIFY(r.yaml.contains("enabled: \"true\""));
        QVERIFY(r.yaml.contains("exportTo:\n  - .\n") ||
                r.yaml.contains("exportTo:\n  - \".\"\n") ||
                r.yaml.contains("  exportTo:\n  - .\n"));
        QVERIFY(r.yaml.contains("---\napiVersion: v1\nkind: ConfigMap\n"));
        QVERIFY(r.yaml.contains("---\napiVersion: v1\nkind: Namespace\n"));
        QVERIFY(!r.yaml.contains("kind: List"));
        QVERIFY(r.yaml.contains("script: |\n    echo hello\n    exit 0\n"));
        QVERIFY(r.yaml.contains("apiVersion: networking.istio.io/v1beta1\nkind: DestinationRule"));
        QVERIFY(r.yaml.contains("apiVersion: networking.istio.io/v1alpha3\nkind: VirtualService"));
    }

    void theSameInputGivesTheSameBytes() {
        const QStringList files = {test::dataFile("foundation/mixed.yaml"),
                                   test::dataFile("foundation/workloads.yaml")};
        const QByteArray a = exportWorkspace(loadFiles(files)).yaml;
        LoadOptions oneThread;
        oneThread.threads = 1;
        const QByteArray b = exportWorkspace(loadFiles(files, oneThread)).yaml;
        QVERIFY(!a.isEmpty());
        QCOMPARE(a, b);
        // Exporting the export changes nothing: the output is a fixed point.
        QCOMPARE(exportWorkspace(loadBytes("again.yaml", a)).yaml, a);
    }

    void mergeKeysAreApplied() {
        const ExportResult r =
            exportWorkspace(loadFiles({test::dataFile("foundation/workloads.yaml")}));
        QVERIFY(r.ok);
        QVERIFY(!r.yaml.contains("<<"));
        QVERIFY(r.yaml.contains("      labels:\n        version: v1\n        app: checkout\n"));
    }

    void schemaFailuresStopTheExportAndNameTheField() {
        const QByteArray yaml = "apiVersion: networking.istio.io/v1alpha3\nkind: "
                                "VirtualService\nmetadata:\n  name: old\n"
                                "spec:\n  hosts: [a.com]\n  tls:\n  - match:\n    - port: 443\n    "
                                "  sni_hosts: [a.com]\n"
                                "    route:\n    - destination: {host: a.com}\n";
        const ExportResult r = exportWorkspace(loadBytes("old.yaml", yaml));
        QVERIFY(!r.ok);
        QVERIFY(r.yaml.isEmpty());
        QStringList messages;
        for (const Diagnostic &d : r.problems)
            messages << d.toString();
        QVERIFY2(messages.join('\n').contains(QStringLiteral("unknown field \"sni_hosts\"")),
                 qPrintable(messages.join('\n')));
        QVERIFY(
            messages.join('\n').contains(QStringLiteral("missing required field \"sniHosts\"")));
        QVERIFY(messages.join('\n').contains(QStringLiteral("old.yaml:10:7")));
    }

    // Every typed kind is written back with the same meaning and reads back to the same values.
    void everyKindWritesWhatItRead_data() {
        QTest::addColumn<QString>("file");
        for (const char *f :
             {"decode/gateway.yaml", "decode/serviceentry.yaml", "decode/virtualservice.yaml",
              "decode/destinationrule.yaml", "foundation/workloads.yaml",
              "foundation/no-final-newline.yaml", "foundation/mixed.yaml"})
            QTest::newRow(f) << QString::fromLatin1(f);
    }
    void everyKindWritesWhatItRead() {
        QFETCH(QString, file);
        const Workspace in = loadFiles({test::dataFile(file)});
        const ExportResult r = exportWorkspace(in);
        QVERIFY2(r.ok, qPrintable(r.problems.value(0).toString()));
        const Workspace out = loadBytes("exported.yaml", r.yaml);
        QVERIFY(out.diagnostics().isEmpty());
        QCOMPARE(out.resources().size(), in.resources().size());
        const std::vector<YAML::Node> exported = YAML::LoadAll(r.yaml.toStdString());
        for (int i = 0; i < in.resources().size(); ++i) {
            const Resource *a = in.resources()[i];
            const Resource *b = out.resources()[i];
            QCOMPARE(b->kind, a->kind);
            QCOMPARE(b->apiVersion, a->apiVersion);
            QCOMPARE(b->meta.name, a->meta.name);
            QCOMPARE(b->meta.labels, a->meta.labels);
            QCOMPARE(b->meta.annotations, a->meta.annotations);
            QCOMPARE(b->spec.index(), a->spec.index());
            // The object written is the object read (keys sorted, values typed as read).
            const QByteArray text = in.document(a->id.document)->text;
            YAML::Node original = YAML::Load(text.toStdString());
            if (a->id.item >= 0)
                original.reset(original["items"][std::size_t(a->id.item)]);
            yaml::NodeBudget budget(text.size());
            QVERIFY(yaml::expandMergeKeys(text, original, budget)); // the output applies `<<:`
            QCOMPARE(decode::canonical(exported[std::size_t(i)]), decode::canonical(original));
        }
    }

    void splitsByNamespaceForAGitOpsFolder() {
        const FolderExport f =
            exportPerNamespace(loadFiles({test::dataFile("foundation/mixed.yaml")}));
        QVERIFY(f.ok);
        QCOMPARE(f.files.keys(), QStringList({"cluster.yaml", "istio-system.yaml",
                                              "kustomization.yaml", "payments.yaml"}));
        QCOMPARE(
            f.files.value("kustomization.yaml"),
            QByteArray(
                "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n"
                "- cluster.yaml\n- istio-system.yaml\n- payments.yaml\n"));
        QCOMPARE(f.files.value("payments.yaml").count("\n---\n"),
                 3); // ServiceEntry, DestinationRule, VirtualService, ConfigMap
        QVERIFY(f.files.value("cluster.yaml").startsWith("apiVersion: v1\nkind: Namespace\n"));
    }

    // A namespace names a file only when it is a namespace Kubernetes accepts, and no two
    // buckets share a file: every document is written once, inside the folder.
    void namespacesNameNoPathAndNoFileTwice() {
        const QByteArray entry = "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\n"
                                 "metadata: {name: %1, namespace: %2}\nspec:\n"
                                 "  hosts: [%1.example.com]\n"
                                 "  ports: [{number: 80, name: http, protocol: HTTP}]\n";
        QByteArray yaml = "apiVersion: v1\nkind: Namespace\nmetadata: {name: cluster}\n";
        int documents = 1;
        for (const char *ns : {"cluster", "kustomization", "\"../../tmp/x\"", "\"a/b\"", "shop"}) {
            yaml += "---\n" + QString::fromUtf8(entry)
                                  .arg(QStringLiteral("se%1").arg(documents), QLatin1String(ns))
                                  .toUtf8();
            ++documents;
        }
        const Workspace ws = loadBytes(QStringLiteral("in.yaml"), yaml);
        const FolderExport refused = exportPerNamespace(ws);
        QVERIFY(!refused.ok);
        QVERIFY(refused.files.isEmpty());
        QCOMPARE(refused.problems.size(), 2);
        QCOMPARE(refused.problems[0].location.line, 21); // the third entry's metadata
        QCOMPARE(refused.problems[0].path, QStringLiteral("metadata.namespace"));

        ExportOptions force;
        force.force = true;
        const FolderExport f = exportPerNamespace(ws, force);
        QCOMPARE(f.files.keys(),
                 QStringList({"cluster.namespace.yaml", "cluster.yaml", "invalid.namespaces.yaml",
                              "kustomization.namespace.yaml", "kustomization.yaml", "shop.yaml"}));
        int written = 0;
        for (auto it = f.files.cbegin(); it != f.files.cend(); ++it) {
            QVERIFY2(isPlainExportFileName(it.key()), qPrintable(it.key()));
            if (it.key() != QLatin1String("kustomization.yaml"))
                written += int(it.value().count("\nkind: "));
        }
        QCOMPARE(written, documents);
        QVERIFY(f.files.value("kustomization.yaml").contains("- kustomization.namespace.yaml\n"));
        QCOMPARE(f.files.value("invalid.namespaces.yaml").count("kind: ServiceEntry"), 2);
    }

    void folderCheckNamesWhatIsReplacedAndWhatStays() {
        QTemporaryDir dir;
        FolderExport e;
        e.files.insert("shop.yaml", "a: 1\n");
        e.files.insert("kustomization.yaml", "b: 2\n");
        test::writeFile(dir.filePath("shop.yaml"), "old\n");
        test::writeFile(dir.filePath("gone.yml"), "old\n");
        test::writeFile(dir.filePath("notes.txt"), "old\n");
        const FolderCheck check = checkExportFolder(e, dir.path());
        QVERIFY(check.problem.isEmpty());
        QCOMPARE(check.replaced, QStringList{"shop.yaml"});
        QCOMPARE(check.leftBehind, QStringList{"gone.yml"});
        QString error;
        QVERIFY(writeExportFolder(e, dir.filePath("new/sub"), &error));
        QCOMPARE(test::readFile(dir.filePath("new/sub/shop.yaml")), QByteArray("a: 1\n"));

        // Defence in depth: a name that is not a plain file of the folder writes nothing.
        for (const char *bad : {"../x.yaml", "a/b.yaml", ".hidden.yaml", "..", "x.sh", "Ä.yaml"}) {
            FolderExport hostile = e;
            hostile.files.insert(QString::fromUtf8(bad), "c: 3\n");
            QVERIFY2(!checkExportFolder(hostile, dir.filePath("h")).problem.isEmpty(), bad);
            QVERIFY2(!writeExportFolder(hostile, dir.filePath("h"), &error), bad);
            QVERIFY(!QFile::exists(dir.filePath("h")));
            QVERIFY(!QFile::exists(dir.filePath("x.yaml")));
        }
    }

    void forceWritesAnyway() {
        const QByteArray yaml =
            "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: x}\n"
            "spec: {hosts: [x.com], ports: [{number: \"80\", name: http}]}\n";
        ExportOptions force;
        force.force = true;
        const ExportResult r = exportWorkspace(loadBytes("x.yaml", yaml), force);
        QVERIFY(!r.ok);
        QCOMPARE(r.problems.size(), 1);
        QVERIFY(r.yaml.contains("number: \"80\""));
    }
};

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"

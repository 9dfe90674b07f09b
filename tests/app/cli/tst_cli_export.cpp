// The `egret` program's export command, run as a user runs it.
#include "TestSupport.h"

class TestCliExport : public QObject {
    Q_OBJECT

    using Run = egret::test::EgretRun;
    static Run egret(const QStringList &args) { return egret::test::runEgret(args); }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(QFile::exists(egret::test::egretBinary()), "EGRET_BINARY not set");
    }

    void helpAndVersion() {
        const Run v = egret({"--version"});
        QCOMPARE(v.exitCode, 0);
        QVERIFY(v.out.startsWith("egret "));
        const Run h = egret({"--help"});
        QCOMPARE(h.exitCode, 0);
        QVERIFY(h.out.contains("export"));
        const Run eh = egret({"export", "--help"});
        QCOMPARE(eh.exitCode, 0);
        QVERIFY(eh.out.contains("--force"));
    }

    void exportsToStandardOutput() {
        const Run r = egret({"export", egret::test::dataFile("foundation/mixed.yaml")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("apiVersion: networking.istio.io/v1\nkind: ServiceEntry\n"));
        QVERIFY(r.err.isEmpty());
    }

    void exportsAFolderToAFile() {
        QTemporaryDir dir;
        egret::test::writeFile(dir.filePath("in/a.yaml"),
                               "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n");
        egret::test::writeFile(dir.filePath("in/sub/b.yml"),
                               "apiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n");
        egret::test::writeFile(dir.filePath("in/notes.txt"), "not yaml");
        const Run r = egret({"export", dir.filePath("in"), "-o", dir.filePath("out.yaml")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(egret::test::readFile(dir.filePath("out.yaml")),
                 QByteArray("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\n"
                            "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: b\n"));
    }

    void refusesInvalidInputAndSaysWhere() {
        QTemporaryDir dir;
        const QString bad = dir.filePath("bad.yaml");
        egret::test::writeFile(
            bad, "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: g}\n"
                 "spec:\n  servers:\n  - port: {number: 80, name: http, protocol: HTTP}\n"
                 "    hosts: [a.com]\n    tls: {mode: PASSTHRU}\n");
        const Run r = egret({"export", bad, "-o", dir.filePath("out.yaml")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(!QFile::exists(dir.filePath("out.yaml")));
        QVERIFY2(
            r.err.contains(bad.toUtf8() + ":8:17: error: \"PASSTHRU\" is not one of PASSTHROUGH"),
            r.err.constData());
        const Run forced = egret({"export", bad, "--force"});
        QCOMPARE(forced.exitCode, 1);
        QVERIFY(forced.out.contains("mode: PASSTHRU"));
    }

    void refusesGatewayApiInputThatFailsItsSchema() {
        // As for Istio's kinds: the Gateway API's schema is checked, and a failure stops it.
        QTemporaryDir dir;
        const QString bad = dir.filePath("gateway.yaml");
        egret::test::writeFile(
            bad, "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: g}\n"
                 "spec:\n  gatewayClassName: istio\n  listeners:\n"
                 "  - name: tls\n    port: 443\n    protocol: TLS\n    tls: {mode: passthrough}\n"
                 "---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n"
                 "metadata: {name: r}\nspec:\n  parentRef:\n  - name: g\n");
        const Run r = egret({"export", bad, "-o", dir.filePath("out.yaml")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(!QFile::exists(dir.filePath("out.yaml")));
        QVERIFY2(r.err.contains(bad.toUtf8() +
                                ":10:17: error: \"passthrough\" is not one of "
                                "Terminate, Passthrough [spec.listeners[0].tls.mode]"),
                 r.err.constData());
        QVERIFY2(r.err.contains(bad.toUtf8() +
                                ":16:3: warning: unknown field \"parentRef\": the Gateway API's "
                                "schema does not define it"),
                 r.err.constData());
        QVERIFY(r.err.contains("egret export: 2 problem(s); nothing written"));
        // Fixed, it is written.
        QByteArray fixed = egret::test::readFile(bad);
        fixed.replace("passthrough", "Passthrough").replace("parentRef:", "parentRefs:");
        egret::test::writeFile(bad, fixed);
        const Run ok = egret({"export", bad});
        QCOMPARE(ok.exitCode, 0);
        QVERIFY(ok.out.contains("kind: HTTPRoute"));
    }

    // A folder per namespace is a trust boundary: a namespace never names a path, a folder's
    // files are replaced only when asked, and files an earlier export left there are named.
    void splitsNamespacesIntoAFolderSafely() {
        QTemporaryDir dir;
        const QString in = dir.filePath("in.yaml");
        const QByteArray entry = "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\n"
                                 "metadata: {name: %1, namespace: %2}\nspec:\n"
                                 "  hosts: [%1.example.com]\n"
                                 "  ports: [{number: 80, name: http, protocol: HTTP}]\n";
        auto se = [&](const char *name, const char *ns) {
            return QString::fromUtf8(entry).arg(QLatin1String(name), QLatin1String(ns)).toUtf8();
        };
        egret::test::writeFile(in, se("a", "shop") + "---\n" + se("b", "kustomization") + "---\n" +
                                       se("c", "\"../escaped\""));
        const QString out = dir.filePath("out");
        const Run noDir = egret({"export", in, "--split-namespaces"});
        QCOMPARE(noDir.exitCode, 2);
        QVERIFY(noDir.err.contains("-o DIR"));

        const Run refused = egret({"export", in, "--split-namespaces", "-o", out});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(
            refused.err.contains(in.toUtf8() + ":17:32: error: metadata.namespace: \"../escaped\""),
            refused.err.constData());
        QVERIFY(!QFile::exists(out));

        const Run forced = egret({"export", in, "--split-namespaces", "-o", out, "--force"});
        QCOMPARE(forced.exitCode, 1); // written, with the problem still reported
        QCOMPARE(QDir(out).entryList(QDir::Files),
                 QStringList({"invalid.namespaces.yaml", "kustomization.namespace.yaml",
                              "kustomization.yaml", "shop.yaml"}));
        QVERIFY(!QFile::exists(dir.filePath("escaped.yaml")));
        QVERIFY(egret::test::readFile(out + "/kustomization.namespace.yaml")
                    .contains("namespace: kustomization"));
        QVERIFY(egret::test::readFile(out + "/kustomization.yaml").contains("kind: Kustomization"));

        // Again, into the folder it wrote: refused without --force, nothing touched.
        egret::test::writeFile(in, se("a", "shop"));
        egret::test::writeFile(out + "/shop.yaml", "# edited by hand\n");
        const Run again = egret({"export", in, "--split-namespaces", "-o", out});
        QCOMPARE(again.exitCode, 2);
        QVERIFY2(again.err.contains("already holds 2 file(s) this export writes: "
                                    "kustomization.yaml, shop.yaml"),
                 again.err.constData());
        QCOMPARE(egret::test::readFile(out + "/shop.yaml"), QByteArray("# edited by hand\n"));
        const Run replace = egret({"export", in, "--split-namespaces", "-o", out, "--force"});
        QCOMPARE(replace.exitCode, 0);
        QVERIFY(egret::test::readFile(out + "/shop.yaml").contains("name: a"));
        QVERIFY2(replace.err.contains("left as they are in " + out.toUtf8() +
                                      ": invalid.namespaces.yaml, kustomization.namespace.yaml"),
                 replace.err.constData());
    }

    // --diff writes nothing and prints how the export would change OUT, as a diff patch -p1
    // applies to give exactly what the export writes; a folder export diffs each of its files.
    void diffShowsWhatExportWouldChange() {
        QTemporaryDir dir;
        const QString in = dir.filePath("in.yaml");
        egret::test::writeFile(in, "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n"
                                   "apiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n");
        const QByteArray old = "# kept by hand\napiVersion: v1\nkind: Namespace\nmetadata:\n"
                               "  name: a\n";
        egret::test::writeFile(dir.filePath("out.yaml"), old);
        const Run diff = egret::test::runEgret({"export", "in.yaml", "-o", "out.yaml", "--diff"},
                                               60000, dir.path());
        QCOMPARE(diff.exitCode, 0);
        QVERIFY2(diff.out.startsWith("--- a/out.yaml\n+++ b/out.yaml\n@@ "), diff.out.constData());
        QVERIFY(diff.out.contains("\n-# kept by hand\n"));
        QCOMPARE(egret::test::readFile(dir.filePath("out.yaml")), old);

        QProcess patch;
        patch.setWorkingDirectory(dir.path());
        patch.start("patch", {"-p1", "--quiet"});
        patch.write(diff.out);
        patch.closeWriteChannel();
        QVERIFY(patch.waitForFinished(30000) && patch.exitCode() == 0);
        const Run real = egret({"export", in});
        QCOMPARE(egret::test::readFile(dir.filePath("out.yaml")), real.out);

        const Run same = egret::test::runEgret({"export", "in.yaml", "-o", "out.yaml", "--diff"},
                                               60000, dir.path());
        QCOMPARE(same.exitCode, 0);
        QVERIFY(same.out.isEmpty());
        QVERIFY(same.err.contains("no change"));

        const Run folder = egret::test::runEgret(
            {"export", "in.yaml", "--split-namespaces", "-o", "ns", "--diff"}, 60000, dir.path());
        QCOMPARE(folder.exitCode, 0);
        QVERIFY2(folder.out.contains("--- /dev/null\n+++ b/ns/cluster.yaml\n"),
                 folder.out.constData());
        QVERIFY(folder.out.contains("+++ b/ns/kustomization.yaml\n"));
        QVERIFY(!QFile::exists(dir.filePath("ns")));

        const Run noOut = egret({"export", in, "--diff"});
        QCOMPARE(noOut.exitCode, 2);
        QVERIFY(noOut.err.contains("-o OUT"));
    }

    void missingInputIsExitTwo() {
        const Run r = egret({"export", "/nonexistent.yaml"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("/nonexistent.yaml"));
    }
};

QTEST_GUILESS_MAIN(TestCliExport)
#include "tst_cli_export.moc"

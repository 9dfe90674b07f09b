// `egret route`, run as a user runs it.
#include "TestSupport.h"

using namespace egret::test;

using Run = EgretRun;

class TestCliRoute : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(QFile::exists(egretBinary()), "EGRET_BINARY not set"); }

    void helpListsTheSubcommandsAndPatterns() {
        const Run top = runEgret({"--help"});
        QVERIFY(top.out.contains("route"));
        const Run help = runEgret({"route", "--help"});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("egret route add FILE --host HOST --pattern NAME"));
        QVERIFY(help.out.contains("egret route remove FILE --host HOST [--port PORT]"));
        const Run addHelp = runEgret({"route", "add", "--help"});
        QCOMPARE(addHelp.exitCode, 0);
        for (const char *option : {"--host", "--port", "--pattern", "--gateway", "--namespace",
                                   "--credential", "--subnet", "--serving-host", "--gateway-port"})
            QVERIFY2(addHelp.out.contains(option), option);
        const Run list = runEgret({"route", "list-patterns"});
        QCOMPARE(list.exitCode, 0);
        for (const char *name : {"direct-http", "direct-tls", "sidecar-tls-origination", "http",
                                 "tls-passthrough", "tls-origination", "mtls-origination", "tcp",
                                 "ambient-egress", "ambient-tls-origination"})
            QVERIFY2(list.out.contains(name), name);
        // Which variant each pattern has in the Gateway API.
        QCOMPARE(list.out.count("Gateway API: "), 10);
        QVERIFY(list.out.contains("Gateway API: Gateway (class istio), two TLSRoutes (v1alpha2: "
                                  "experimental before Istio 1.30)"));
        QVERIFY(addHelp.out.contains("--api <API>"));
    }

    void addInTheGatewayApiAndRemove() {
        QTemporaryDir dir;
        const QString file = dir.filePath("egress.yaml");
        const Run add = runEgret({"route", "add", file, "--host", "api.example.com", "--pattern",
                                  "tls-passthrough", "--api", "gateway-api"});
        QCOMPARE(add.exitCode, 0);
        QVERIFY2(
            add.out.startsWith("Add route to api.example.com:443 (tls-passthrough, Gateway API)\n"),
            add.out.constData());
        QVERIFY(add.out.contains("  created Gateway default/api-example-com-egress-gateway\n"));
        QVERIFY(add.out.contains("  created TLSRoute default/forward-api-example-com-from-egress-"
                                 "gateway\n"));
        QVERIFY(
            add.out.contains("note: TLSRoute is written as gateway.networking.k8s.io/v1alpha2"));
        const QByteArray written = readFile(file);
        QVERIFY(written.contains("kind: TLSRoute\n"));
        QVERIFY(!written.contains("kind: VirtualService\n"));

        // Istio would take it: no Error (the experimental TLSRoute is a Warning).
        const Run check = runEgret({"validate", file});
        QCOMPARE(check.exitCode, 0);
        QVERIFY2(check.out.contains("EGR0016"), check.out.constData());

        // A second host: the file already uses the Gateway API, so that is the default.
        const Run second = runEgret(
            {"route", "add", file, "--host", "api.two.com", "--pattern", "tls-passthrough"});
        QCOMPARE(second.exitCode, 0);
        QVERIFY2(second.out.contains("  extended Gateway default/api-example-com-egress-gateway: "
                                     "listener tls-api-two-com for api.two.com on port 443\n"),
                 second.out.constData());
        QVERIFY(runEgret({"route", "remove", file, "--host", "api.two.com"}).exitCode == 0);
        QCOMPARE(readFile(file), written);
        const Run remove = runEgret({"route", "remove", file, "--host", "api.example.com"});
        QCOMPARE(remove.exitCode, 0);
        QVERIFY(remove.out.contains("removed Gateway default/api-example-com-egress-gateway"));
        QCOMPARE(readFile(file), QByteArray());
    }

    void theFilesDialectIsTheDefaultAndIstioCanBeAskedFor() {
        QTemporaryDir dir;
        const QString file = dir.filePath("mesh.yaml");
        const QByteArray original = readFile(dataFile("recipes/existing-route.yaml"));
        QVERIFY(writeFile(file, original));
        // An Istio Gateway there: Istio's API.
        const Run istio = runEgret(
            {"route", "add", file, "--host", "api.two.com", "--pattern", "http", "--dry-run"});
        QCOMPARE(istio.exitCode, 0);
        QVERIFY(istio.out.contains("\n+kind: VirtualService\n"));
        QVERIFY(!istio.out.contains("HTTPRoute"));
        // Unless asked otherwise.
        const Run asked = runEgret({"route", "add", file, "--host", "api.two.com", "--pattern",
                                    "http", "--api", "gateway-api", "--dry-run"});
        QCOMPARE(asked.exitCode, 0);
        QVERIFY(asked.out.contains("\n+kind: HTTPRoute\n"));
        QCOMPARE(readFile(file), original);
    }

    void addCreatesTheFileAndRemoveEmptiesIt() {
        QTemporaryDir dir;
        const QString file = dir.filePath("egress.yaml");
        const Run add = runEgret(
            {"route", "add", file, "--host", "api.example.com", "--pattern", "tls-passthrough"});
        QCOMPARE(add.exitCode, 0);
        QVERIFY2(add.err.isEmpty(), add.err.constData());
        QVERIFY(add.out.startsWith("Add route to api.example.com:443 (tls-passthrough)\n"));
        QVERIFY(add.out.contains("  created Gateway default/istio-egressgateway\n"));
        const QByteArray written = readFile(file);
        QVERIFY(written.startsWith("apiVersion: networking.istio.io/v1\nkind: ServiceEntry\n"));
        QCOMPARE(written.count("\n---\n"), 3);

        const Run check = runEgret({"export", file});
        QCOMPARE(check.exitCode, 0);

        const Run remove = runEgret({"route", "remove", file, "--host", "api.example.com"});
        QCOMPARE(remove.exitCode, 0);
        QVERIFY(remove.out.contains("removed VirtualService"));
        QCOMPARE(readFile(file), QByteArray());
    }

    void addThenRemoveLeavesAFileByteIdentical() {
        QTemporaryDir dir;
        const QString file = dir.filePath("mesh.yaml");
        const QByteArray original = readFile(dataFile("recipes/existing-route.yaml"));
        QVERIFY(writeFile(file, original));
        const Run add = runEgret({"route", "add", file, "--host", "*.example.org", "--pattern",
                                  "tls-passthrough", "--serving-host", "www.example.org"});
        QCOMPARE(add.exitCode, 0);
        QVERIFY(add.out.contains("extended Gateway default/istio-egressgateway: host "
                                 "*.example.org on port 443"));
        const QByteArray edited = readFile(file);
        QVERIFY(edited.contains("    # keep this list sorted\n    - api.partner.com\n"
                                "    - \"*.example.org\"\n"));
        const Run remove =
            runEgret({"route", "remove", file, "--host", "*.example.org", "--port", "443"});
        QCOMPARE(remove.exitCode, 0);
        QCOMPARE(readFile(file), original);
    }

    void dryRunPrintsAndWritesNothing() {
        QTemporaryDir dir;
        const QString file = dir.filePath("mesh.yaml");
        const QByteArray original = readFile(dataFile("recipes/unrelated.yaml"));
        QVERIFY(writeFile(file, original));
        const Run add = runEgret({"route", "add", file, "--host", "mongo.example.com", "--port",
                                  "27017", "--pattern", "tcp", "--subnet", "203.0.113.5/32",
                                  "--namespace", "payments", "--dry-run"});
        QCOMPARE(add.exitCode, 0);
        // A unified diff: the file's own lines are context, the route's are added.
        QVERIFY2(add.out.startsWith("--- a/"), add.out.constData());
        QVERIFY(add.out.contains("\n+  namespace: payments\n"));
        QVERIFY(add.out.contains("\n+  resolution: STATIC\n"));
        QVERIFY(!add.out.contains("\n-"));
        QVERIFY(add.err.contains("note: The egress gateway's Service"));
        QCOMPARE(readFile(file), original);
    }

    // What --dry-run prints, applied with patch -p1, gives the very bytes the command writes:
    // for every pattern, in both APIs, into a new file and into one that holds routes, and for
    // the removal of each.
    void dryRunDiffPatchesToTheRealWrite_data() {
        QTest::addColumn<QStringList>("route");
        QTest::addColumn<QString>("start");
        const QStringList patterns = {"direct-http",
                                      "direct-tls",
                                      "sidecar-tls-origination",
                                      "http",
                                      "tls-passthrough",
                                      "tls-origination",
                                      "mtls-origination",
                                      "tcp",
                                      "ambient-egress",
                                      "ambient-tls-origination"};
        for (const QString &pattern : patterns) {
            for (const QString api : {"istio", "gateway-api"}) {
                QStringList route = {"--host", "api.new.com", "--pattern", pattern, "--api", api};
                if (pattern == "mtls-origination")
                    route << "--credential"
                          << "client-credential";
                if (pattern == "tcp")
                    route << "--port"
                          << "27017"
                          << "--subnet"
                          << "203.0.113.5/32";
                for (const QString start :
                     {"", "recipes/existing-route.yaml", "recipes/crlf-serviceentry.yaml"})
                    QTest::addRow("%s %s %s", qPrintable(pattern), qPrintable(api),
                                  start.isEmpty() ? "new file" : qPrintable(start))
                        << route << start;
            }
        }
    }
    void dryRunDiffPatchesToTheRealWrite() {
        QFETCH(QStringList, route);
        QFETCH(QString, start);
        QTemporaryDir dir;
        const QString real = dir.filePath("real/mesh.yaml");
        const QString patched = dir.filePath("patched/mesh.yaml");
        QVERIFY(QDir(dir.path()).mkpath("real") && QDir(dir.path()).mkpath("patched"));
        if (!start.isEmpty()) {
            QVERIFY(writeFile(real, readFile(dataFile(start))));
            QVERIFY(writeFile(patched, readFile(dataFile(start))));
        }
        // As a user in the repository's folder: `egret route ... mesh.yaml --dry-run | patch -p1`.
        const auto check = [&](const QStringList &command) {
            const Run dry =
                runEgret(QStringList{"route"} + command + QStringList{"mesh.yaml", "--dry-run"},
                         60000, QFileInfo(patched).path());
            const Run done = runEgret(QStringList{"route"} + command + QStringList{real});
            QCOMPARE(dry.exitCode, done.exitCode);
            if (done.exitCode != 0)
                return; // refused alike (a pattern the API does not carry)
            QVERIFY2(dry.err.startsWith(done.out.left(done.out.indexOf('\n'))),
                     dry.err.constData());
            QProcess patch;
            patch.setWorkingDirectory(QFileInfo(patched).path());
            patch.start("patch", {"-p1", "--quiet", "--binary"});
            patch.write(dry.out);
            patch.closeWriteChannel();
            QVERIFY(patch.waitForFinished(30000));
            QVERIFY2(patch.exitCode() == 0, patch.readAll().constData());
            QCOMPARE(readFile(patched), readFile(real));
        };
        check(QStringList{"add"} + route);
        if (QTest::currentTestFailed())
            return;
        check({"remove", "--host", "api.new.com"});
    }

    void badArgumentsAreExitTwo_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("no subcommand") << QStringList{"route"} << QByteArray("name a subcommand");
        QTest::newRow("unknown subcommand")
            << QStringList{"route", "list"} << QByteArray("unknown subcommand \"list\"");
        QTest::newRow("no pattern") << QStringList{"route", "add", "f.yaml", "--host", "a.com"}
                                    << QByteArray("name a --pattern; the patterns are direct-http");
        QTest::newRow("unknown pattern")
            << QStringList{"route", "add", "f.yaml", "--host", "a.com", "--pattern", "egress"}
            << QByteArray("unknown pattern \"egress\"");
        QTest::newRow("unknown api")
            << QStringList{"route",     "add",  "f.yaml", "--host", "a.com",
                           "--pattern", "http", "--api",  "gateway"}
            << QByteArray("unknown --api \"gateway\"; use istio or gateway-api");
        QTest::newRow("port not a number")
            << QStringList{"route",     "add",  "f.yaml", "--host", "a.com",
                           "--pattern", "http", "--port", "eighty"}
            << QByteArray("--port \"eighty\" is not a number");
        QTest::newRow("missing credential")
            << QStringList{"route", "add",       "f.yaml",          "--host",
                           "a.com", "--pattern", "mtls-origination"}
            << QByteArray("mtls-origination needs --credential");
        QTest::newRow("no file") << QStringList{"route", "add",       "--host",
                                                "a.com", "--pattern", "http"}
                                 << QByteArray("name one FILE");
        QTest::newRow("remove from a missing file")
            << QStringList{"route", "remove", "/nonexistent/f.yaml", "--host", "a.com"}
            << QByteArray("no such file");
    }
    void badArgumentsAreExitTwo() {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, message);
        QTemporaryDir dir;
        QDir::setCurrent(dir.path());
        const Run r = runEgret(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), r.err.constData());
        QVERIFY(!QFile::exists(dir.filePath("f.yaml")));
    }

    void conflictsAndMissingRoutesAreExitOne() {
        QTemporaryDir dir;
        const QString file = dir.filePath("mesh.yaml");
        const QByteArray original = readFile(dataFile("recipes/existing-route.yaml"));
        QVERIFY(writeFile(file, original));
        const Run conflict = runEgret({"route", "add", file, "--host", "a.example.com", "--pattern",
                                       "mtls-origination", "--credential", "client"});
        QCOMPARE(conflict.exitCode, 1);
        QVERIFY2(conflict.err.contains(file.toUtf8() + ":16:1: Gateway default/istio-egressgateway "
                                                       "already serves port 443"),
                 conflict.err.constData());
        const Run missing = runEgret({"route", "remove", file, "--host", "a.example.com"});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains("nothing in the workspace routes a.example.com"));
        QCOMPARE(readFile(file), original);
    }

    void addingAnExistingRouteChangesNothing() {
        QTemporaryDir dir;
        const QString file = dir.filePath("mesh.yaml");
        const QByteArray original = readFile(dataFile("recipes/existing-route.yaml"));
        QVERIFY(writeFile(file, original));
        const Run again = runEgret(
            {"route", "add", file, "--host", "api.partner.com", "--pattern", "tls-passthrough"});
        QCOMPARE(again.exitCode, 0);
        QVERIFY(again.out.contains("nothing to change"));
        QCOMPARE(readFile(file), original);
    }
};

QTEST_GUILESS_MAIN(TestCliRoute)
#include "tst_cli_route.moc"

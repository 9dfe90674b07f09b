// Bad input gets a clear message with file:line:column, never a crash, and the other documents
// of the file still load.
#include "TestSupport.h"

#include "model/io/Loader.h"

#include <QRegularExpression>

using namespace egret;

namespace {

const char *kGood =
    "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: %1\n"
    "spec:\n  hosts:\n  - %1.example.com\n";

QByteArray good(const char *name) {
    return QString::fromLatin1(kGood).arg(QLatin1String(name)).toUtf8();
}

// Loads good/bad/good and returns the diagnostics; the two good documents must load.
Diagnostics loadBetweenGood(const QByteArray &bad) {
    const QByteArray bytes =
        good("first") + "---\n" + bad + (bad.endsWith('\n') ? "" : "\n") + "---\n" + good("last");
    const Workspace ws = loadBytes(QStringLiteral("bad.yaml"), bytes);
    QStringList names;
    for (const Resource *r : ws.resources())
        if (r->kind == Kind::ServiceEntry)
            names << r->meta.name;
    if (!names.contains(QStringLiteral("first")) || !names.contains(QStringLiteral("last")))
        qWarning() << "good documents lost:" << names;
    Q_ASSERT(names.contains(QStringLiteral("first")) && names.contains(QStringLiteral("last")));
    return ws.diagnostics();
}

qint64 peakRssKb() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    const QRegularExpression re(QStringLiteral("VmHWM:\\s+(\\d+) kB"));
    return re.match(QString::fromLatin1(status.readAll())).captured(1).toLongLong();
}

} // namespace

class TestBadInput : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void eachBadDocumentIsReportedWhereItIs_data() {
        QTest::addColumn<QByteArray>("bad");
        QTest::addColumn<int>("line"); // in the whole file: the bad document starts on line 9
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("severity");

        QTest::newRow("malformed") << QByteArray("kind: ServiceEntry\nspec: {hosts: [a\n") << 11
                                   << 1 << "malformed YAML" << int(Severity::Error);
        // yaml-cpp reads these as keys with null values; kubectl's parser refuses them.
        QTest::newRow("key without colon")
            << QByteArray("apiVersion: networking.istio.io/v1\nkind: Gateway\n"
                          "metadata: {name: x}\nspec:\n  selector:\n  -2\n")
            << 14 << 3 << "\"-2\" stands where a mapping key belongs, but no ':' follows it"
            << int(Severity::Error);
        QTest::newRow("value no deeper than its key")
            << QByteArray("apiVersion: networking.istio.io/v1\nkind: ServiceEntry\n"
                          "metadata: {name: x}\nspec:\n  hosts:\n  [x.com]\n")
            << 14 << 3 << "the value of \"hosts\" must be indented deeper than its key"
            << int(Severity::Error);
        QTest::newRow("anchor no deeper than its key")
            << QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n"
                          "  a:\n  &anchor\n  b: c\n")
            << 14 << 3 << "the value of \"a\" must be indented deeper than its key"
            << int(Severity::Error);
        QTest::newRow("alias no deeper than its key")
            << QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n"
                          "  a: &x one\n  b:\n  *x\n")
            << 15 << 3 << "the value of \"b\" must be indented deeper than its key"
            << int(Severity::Error);
        QTest::newRow("anchor after a tag, no deeper than its key")
            << QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n"
                          "  a: !t\n  &x\n  b: c\n")
            << 14 << 3 << "the value of \"a\" must be indented deeper than its key"
            << int(Severity::Error);
        QTest::newRow("List key without colon")
            << QByteArray("apiVersion: v1\nkind: List\nitems: []\nstray\n") << 12 << 1
            << "\"stray\" stands where a mapping key belongs" << int(Severity::Error);
        QTest::newRow("not a mapping")
            << QByteArray("- a\n- b\n") << 9 << 1
            << "expected a Kubernetes object (a mapping), found a list" << int(Severity::Error);
        QTest::newRow("scalar document")
            << QByteArray("just text\n") << 9 << 1 << "found the string \"just text\""
            << int(Severity::Error);
        QTest::newRow("string port")
            << QByteArray("apiVersion: networking.istio.io/v1\nkind: ServiceEntry\n"
                          "metadata: {name: x}\nspec:\n  hosts: [x.com]\n"
                          "  ports:\n  - number: \"eighty\"\n    name: http\n")
            << 15 << 13 << "expected an integer, found the string \"eighty\""
            << int(Severity::Error);
        QTest::newRow("map for list")
            << QByteArray("apiVersion: networking.istio.io/v1\nkind: Gateway\n"
                          "metadata: {name: x}\nspec:\n  servers:\n    port: 80\n")
            << 14 << 5 << "expected a list, found a mapping" << int(Severity::Error);
        QTest::newRow("gateway without servers")
            << QByteArray("apiVersion: networking.istio.io/v1\nkind: Gateway\n"
                          "metadata: {name: x}\nspec:\n  selector: {istio: egressgateway}\n")
            << 13 << 3 << "a Gateway needs at least one server" << int(Severity::Error);
        QTest::newRow("gateway without spec")
            << QByteArray(
                   "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: x}\n")
            << 9 << 1 << "a Gateway needs at least one server" << int(Severity::Error);
        QTest::newRow("bad enum")
            << QByteArray("apiVersion: networking.istio.io/v1\nkind: ServiceEntry\n"
                          "metadata: {name: x}\nspec:\n  hosts: [x.com]\n  resolution: dns\n")
            << 14 << 15 << "\"dns\" is not one of NONE, STATIC, DNS" << int(Severity::Error);
        // Kubernetes' metadata rules, which no CRD schema states and the API server applies.
        QTest::newRow("name with capitals")
            << QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: My_Config\n") << 12
            << 9 << "metadata.name: \"My_Config\" is not a valid name" << int(Severity::Error);
        QTest::newRow("namespace with a space")
            << QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n"
                          "  namespace: Team A\n")
            << 13 << 14 << "a namespace must be an RFC 1123 label" << int(Severity::Error);
        QTest::newRow("service named with a digit first")
            << QByteArray("apiVersion: v1\nkind: Service\nmetadata:\n  name: 1api\n") << 12 << 9
            << "it must start with a letter" << int(Severity::Error);
        QTest::newRow("label key")
            << QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels:\n"
                          "    \"bad label key!\": x\n")
            << 14 << 5 << "label \"bad label key!\" is not a valid key" << int(Severity::Error);
        QTest::newRow("label value")
            << QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels:\n"
                          "    app: -x\n")
            << 14 << 10 << "label app: \"-x\" is not a valid label value" << int(Severity::Error);
        QTest::newRow("annotation prefix")
            << QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n"
                          "  annotations:\n    Example.com/x: y\n")
            << 14 << 5 << "its prefix \"Example.com\" must be a DNS subdomain"
            << int(Severity::Error);
        QTest::newRow("annotations over 256 KiB")
            << QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n"
                          "  annotations:\n    a: ") +
                   QByteArray(300000, 'x') + "\n"
            << 14 << 5 << "the annotations hold 300001 bytes" << int(Severity::Error);
        QTest::newRow("apiVersion with two slashes")
            << QByteArray("apiVersion: networking.istio.io/v1/x\nkind: ConfigMap\n"
                          "metadata:\n  name: c\n")
            << 9 << 13 << "apiVersion \"networking.istio.io/v1/x\" has more than one '/'"
            << int(Severity::Error);
        QTest::newRow("apiVersion group with a space")
            << QByteArray("apiVersion: foo bar/v1\nkind: ConfigMap\nmetadata:\n  name: c\n") << 9
            << 13 << "apiVersion \"foo bar/v1\": its group" << int(Severity::Error);
        QTest::newRow("kind with a space")
            << QByteArray("apiVersion: v1\nkind: Config Map\nmetadata:\n  name: c\n") << 10 << 7
            << "kind \"Config Map\" is not a valid kind name" << int(Severity::Error);
        QTest::newRow("missing kind") << QByteArray("apiVersion: v1\nmetadata: {name: x}\n") << 9
                                      << 1 << "missing \"kind\"" << int(Severity::Error);
        QTest::newRow("missing name")
            << QByteArray("apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {}\n") << 9
            << 1 << "missing \"metadata.name\"" << int(Severity::Error);
        QTest::newRow("duplicate key")
            << QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  name: y\n")
            << 13 << 3 << "duplicate key \"name\"" << int(Severity::Warning);
        QTest::newRow("tab") << QByteArray(
                                    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: x\n")
                             << 12 << 1 << "a tab indents this line" << int(Severity::Error);
        QTest::newRow("latin-1")
            << QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: caf\xE9\n") << 12
            << 12 << "not UTF-8: byte 0xE9" << int(Severity::Error);
    }
    void eachBadDocumentIsReportedWhereItIs() {
        QFETCH(QByteArray, bad);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, message);
        QFETCH(int, severity);
        Diagnostics diags = loadBetweenGood(bad);
        // "Egret does not read ..." may come first; the problem is what is looked for.
        diags.removeIf([](const Diagnostic &d) { return d.severity == Severity::Info; });
        QVERIFY2(!diags.isEmpty(), "no diagnostic");
        const Diagnostic &d = diags.first();
        QVERIFY2(d.message.contains(message), qPrintable(d.toString()));
        QCOMPARE(d.location.file, QStringLiteral("bad.yaml"));
        QCOMPARE(d.location.line, line);
        QCOMPARE(d.location.column, column);
        QCOMPARE(int(d.severity), severity);
        // The printed form names the place as file:line:column.
        QVERIFY(d.toString().startsWith(QStringLiteral("bad.yaml:%1:%2: ").arg(line).arg(column)));
    }

    // What Kubernetes accepts is not flagged: prefixed keys, dots and underscores in values,
    // empty values, subdomain names.
    void validMetadataIsNotFlagged() {
        const Diagnostics diags = loadBetweenGood(
            "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n"
            "  name: api.example-1\n  namespace: team-a\n  generateName: api-\n  labels:\n"
            "    istio.io/rev: default\n    app.kubernetes.io/name: api\n    version: v1.2_3\n"
            "    empty: \"\"\n  annotations:\n    sidecar.istio.io/inject: \"true\"\n"
            "spec:\n  hosts: [api.example.com]\n  ports: [{number: 80, name: http, protocol: "
            "HTTP}]\n");
        QVERIFY2(diags.isEmpty(),
                 qPrintable(diags.isEmpty() ? QString() : diags.first().toString()));
    }

    void keyWithoutColonRefusesTheDocument() {
        const QByteArray bad = "apiVersion: networking.istio.io/v1\nkind: Gateway\n"
                               "metadata: {name: gw}\nspec:\n  servers: []\nstray\n";
        const Workspace ws = loadBytes(QStringLiteral("bad.yaml"), bad);
        QCOMPARE(ws.resources().size(), 0);
        QCOMPARE(ws.fileBytes(0), bad);
    }

    // yaml-cpp reads a lone \r at the end of a file as a key; YAML reads a line end.
    void aLoneCarriageReturnIsNamed() {
        const QByteArray bytes = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  \r";
        const Workspace ws = loadBytes(QStringLiteral("cr.yaml"), bytes);
        const Diagnostics diags = ws.diagnostics();
        QCOMPARE(diags.size(), 1);
        QVERIFY2(
            diags.first().message.contains(QStringLiteral("carriage return without a line feed")),
            qPrintable(diags.first().toString()));
        QCOMPARE(diags.first().location.line, 5);
        QCOMPARE(ws.fileBytes(0), bytes);
    }

    // Keys with no value that YAML does allow load without a message.
    void keysWithoutValuesThatYamlAllowsLoad() {
        const QByteArray ok = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n"
                              "data: {a, b: c}\nempty:\n? explicit\n? complex\n: value\n"
                              "list:\n- &item one\n- two\nanchored:\n  &a\nnested:\n  deep:\n"
                              "&k next: 1\nlast:";
        const Workspace ws = loadBytes(QStringLiteral("ok.yaml"), ok);
        QCOMPARE(ws.resources().size(), 1);
        const Diagnostics diags = ws.diagnostics();
        QVERIFY2(diags.isEmpty(),
                 qPrintable(diags.isEmpty() ? QString() : diags.first().toString()));
    }

    void badDocumentsKeepTheirBytes() {
        const QByteArray bytes = good("a") + "---\nkind: [unclosed\n---\n" + good("b");
        const Workspace ws = loadBytes(QStringLiteral("bad.yaml"), bytes);
        QCOMPARE(ws.fileBytes(0), bytes);
    }

    void anEmptyFileIsAWarning() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("empty.yaml"));
        QVERIFY(test::writeFile(path, QByteArray()));
        const Workspace ws = loadFiles({path});
        QCOMPARE(ws.resources().size(), 0);
        QCOMPARE(ws.diagnostics().size(), 1);
        QCOMPARE(ws.diagnostics()[0].severity, Severity::Warning);
        QVERIFY(ws.diagnostics()[0].message.contains(QStringLiteral("empty")));
    }

    void aMissingFileIsNamed() {
        Diagnostics problems;
        const QStringList files = expandInputs({QStringLiteral("/nonexistent/x.yaml")}, &problems);
        QVERIFY(files.isEmpty());
        QCOMPARE(problems.size(), 1);
        QVERIFY(problems[0].toString().contains(QStringLiteral("/nonexistent/x.yaml")));
    }

    void utf16IsNamedAndKept() {
        const QByteArray bytes = QByteArray("\xFF\xFE", 2) + QByteArray("a\0:\0 \0b\0", 8);
        const Workspace ws = loadBytes(QStringLiteral("u16.yaml"), bytes);
        QVERIFY(ws.diagnostics().value(0).message.contains(QStringLiteral("UTF-16")));
        QCOMPARE(ws.fileBytes(0), bytes);
    }

    void anAliasBombIsRefusedQuicklyInBoundedMemory() {
        // Nine levels of ten aliases each: a billion leaves once expanded.
        QByteArray bomb = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n  l0: "
                          "&l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
        for (int i = 1; i < 10; ++i) {
            bomb += QStringLiteral("  l%1: &l%1 [").arg(i).toUtf8();
            for (int k = 0; k < 10; ++k)
                bomb += QStringLiteral("*l%1%2").arg(i - 1).arg(k < 9 ? ", " : "").toUtf8();
            bomb += "]\n";
        }
        const qint64 before = peakRssKb();
        const Diagnostics diags = loadBetweenGood(bomb);
        const qint64 grown = peakRssKb() - before;
        QVERIFY(!diags.isEmpty());
        QCOMPARE(diags[0].code, codes::TooLarge);
        QVERIFY2(diags[0].message.contains(QStringLiteral("alias")), qPrintable(diags[0].message));
        QVERIFY2(grown < 64 * 1024,
                 qPrintable(QStringLiteral("peak memory grew by %1 kB").arg(grown)));
    }

    void deepNestingIsRefused() {
        QByteArray deep = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: ";
        deep += QByteArray(1500, '[') + QByteArray(1500, ']') + "\n";
        const Diagnostics diags = loadBetweenGood(deep);
        QVERIFY(!diags.isEmpty());
        QCOMPARE(diags[0].severity, Severity::Error);
    }

    void aFiftyMegabyteFileLoadsInReasonableMemory() {
#ifdef EGRET_SANITIZED
        // Under AddressSanitizer (the asan-ubsan preset) the load is ten times slower, every
        // allocation is padded (about three times the memory) and 256 MB of freed memory is
        // held in quarantine: a smaller file, with room for those, still shows the memory is
        // not a parse tree's.
        constexpr qint64 megabytes = 10, overhead = 3, quarantineKb = 256 * 1024;
#else
        constexpr qint64 megabytes = 50, overhead = 1, quarantineKb = 0;
#endif
        QByteArray big;
        big.reserve((megabytes + 2) * 1024 * 1024);
        int n = 0;
        while (big.size() < megabytes * 1024 * 1024) {
            big += QStringLiteral(
                       "---\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n"
                       "  name: host-%1\n  namespace: team-%2\nspec:\n  hosts:\n  - "
                       "host-%1.example.com\n"
                       "  ports:\n  - number: 443\n    name: tls\n    protocol: TLS\n  resolution: "
                       "DNS\n"
                       "  location: MESH_EXTERNAL\n")
                       .arg(n)
                       .arg(n % 50)
                       .toUtf8();
            ++n;
        }
        const qint64 before = peakRssKb();
        const Workspace ws = loadBytes(QStringLiteral("big.yaml"), big);
        const qint64 grown = peakRssKb() - before;
        QCOMPARE(ws.resources().size(), n);
        QVERIFY(ws.diagnostics().isEmpty());
        QCOMPARE(ws.fileBytes(0).size(), big.size());
        // The text is kept (50 MB) plus the typed model; a whole yaml-cpp tree would be ~2.4 GB.
        QVERIFY2(grown < 10 * megabytes * 1024 * overhead + quarantineKb,
                 qPrintable(QStringLiteral("peak memory grew by %1 MB").arg(grown / 1024)));
    }
};

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_bad_input.moc"

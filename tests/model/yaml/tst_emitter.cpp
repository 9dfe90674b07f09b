#include "model/yaml/Emitter.h"

#include <QtTest>

using namespace egret::yaml;

namespace {

QString emit(const char *yaml, EmitStyle style = {}) {
    const YAML::Node root = YAML::Load(yaml);
    NodeBudget budget(1 << 20);
    return QString::fromStdString(emitDocument(root, style, budget).value_or("<refused>"));
}

} // namespace

class TestEmitter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void quotedStringsStayStrings() {
        const QString out = emit("port: \"80\"\nflag: 'true'\nversion: \"1.2\"\nn: 80\nb: true\n");
        QCOMPARE(out, QStringLiteral(
                          "port: \"80\"\nflag: \"true\"\nversion: \"1.2\"\nn: 80\nb: true\n"));
    }

    void plainScalarsAreWrittenAsTheyWere() {
        QCOMPARE(emit("a: 0x1F\nb: 1e3\nc: ~\n"), QStringLiteral("a: 0x1F\nb: 1e3\nc: null\n"));
    }

    void quotedStringsNeedingNoQuotesLoseThem() {
        QCOMPARE(emit("host: \"edition.cnn.com\"\n"), QStringLiteral("host: edition.cnn.com\n"));
    }

    void wildcardHostsAreQuoted() {
        QCOMPARE(emit("hosts: [\"*.example.com\"]\n"),
                 QStringLiteral("hosts:\n- \"*.example.com\"\n"));
    }

    void kubectlLayoutByDefault() {
        const QString out = emit("spec:\n    servers:\n        - port: {number: 80, name: http}\n  "
                                 "        hosts: [a, b]\n");
        QCOMPARE(out,
                 QStringLiteral("spec:\n  servers:\n  - port:\n      number: 80\n      name: http\n"
                                "    hosts:\n    - a\n    - b\n"));
    }

    void indentedSequencesWhenAsked() {
        EmitStyle style;
        style.indentSequences = true;
        QCOMPARE(emit("a:\n- x\n- y: 1\n  z: 2\n", style),
                 QStringLiteral("a:\n  - x\n  - y: 1\n    z: 2\n"));
    }

    void detectsTheDocumentsStyle() {
        const EmitStyle s = detectStyle(YAML::Load("spec:\n    hosts:\n        - a\n"));
        QCOMPARE(s.indent, 4);
        QVERIFY(s.indentSequences);
        const EmitStyle k = detectStyle(YAML::Load("spec:\n  hosts:\n  - a\n"));
        QCOMPARE(k.indent, 2);
        QVERIFY(!k.indentSequences);
    }

    void keepsFlowListsWhenAsked() {
        EmitStyle style;
        style.keepFlowCollections = true;
        QCOMPARE(emit("exportTo: [\".\"]\nhosts: [a, \"*.b\"]\n", style),
                 QStringLiteral("exportTo: [\".\"]\nhosts: [a, \"*.b\"]\n"));
    }

    void multiLineStringsBecomeLiteralBlocks() {
        QCOMPARE(emit("script: |\n  echo hi\n  exit 0\n"),
                 QStringLiteral("script: |\n  echo hi\n  exit 0\n"));
        QCOMPARE(emit("s: \"a\\nb\"\n"), QStringLiteral("s: |-\n  a\n  b\n"));
        QCOMPARE(emit("s: \" a\\nb\"\n"), QStringLiteral("s: \" a\\nb\"\n"));
    }

    void emptyCollectionsStayEmpty() {
        QCOMPARE(emit("a: {}\nb: []\nc:\n- []\n"), QStringLiteral("a: {}\nb: []\nc:\n- []\n"));
    }

    void aliasesAreExpanded() {
        QCOMPARE(emit("a: &x [1, 2]\nb: *x\n"), QStringLiteral("a:\n- 1\n- 2\nb:\n- 1\n- 2\n"));
    }

    void aliasBombsAreRefused() {
        const char *bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
                           "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                           "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                           "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                           "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n";
        const YAML::Node root = YAML::Load(bomb);
        NodeBudget budget(std::strlen(bomb));
        QVERIFY(!emitDocument(root, EmitStyle{}, budget).has_value());
    }
};

QTEST_APPLESS_MAIN(TestEmitter)
#include "tst_emitter.moc"

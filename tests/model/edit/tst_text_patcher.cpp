// Comment-preserving edits of a document's text: what recipes write into people's files.
#include "TestSupport.h"

#include "model/edit/NodeEdit.h"
#include "model/edit/TextPatcher.h"

using namespace egret;
using namespace egret::edit;

namespace {

QByteArray data(const char *name) {
    return test::readFile(test::dataFile(QStringLiteral("recipes/") + QLatin1String(name)));
}

PatchResult patch(const QByteArray &text, const QVector<TextEdit> &edits) {
    QString error;
    const std::optional<PatchResult> r = patchDocument(text, edits, &error);
    if (!r)
        qWarning("patch failed: %s", qPrintable(error));
    return r.value_or(PatchResult{});
}

YAML::Node map(std::initializer_list<std::pair<const char *, YAML::Node>> entries) {
    YAML::Node m(YAML::NodeType::Map);
    for (const auto &[k, v] : entries)
        m[k] = v;
    return m;
}

YAML::Node str(const char *s) {
    return stringScalar(QString::fromUtf8(s));
}

// The lines of `after` that are not in `before`, and the reverse: what a reviewer sees.
QByteArray replaceOnce(QByteArray text, const QByteArray &from, const QByteArray &to) {
    const qsizetype at = text.indexOf(from);
    if (at >= 0)
        text.replace(at, from.size(), to);
    return text;
}

} // namespace

class TestTextPatcher : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void appendingAHostKeepsEveryComment() {
        const QByteArray before = data("commented-gateway.yaml");
        const PatchResult r =
            patch(before, {TextEdit::appendItem("spec.servers[0].hosts", str("api.other.com"))});
        QCOMPARE(r.methods, QVector<PatchMethod>{PatchMethod::Surgical});
        QCOMPARE(r.text, replaceOnce(before, "    - \"api.partner.com\"   # partner A\n",
                                     "    - \"api.partner.com\"   # partner A\n"
                                     "    - api.other.com\n"));
    }

    void addingAServerGoesAfterTheLastOneAndBeforeTrailingComments() {
        const QByteArray before = data("commented-gateway.yaml");
        YAML::Node server = map({{"port", map({{"number", integerScalar(80)},
                                               {"name", str("http")},
                                               {"protocol", str("HTTP")}})},
                                 {"hosts", YAML::Node(YAML::NodeType::Sequence)}});
        server["hosts"].push_back(str("*.example.com"));
        const PatchResult r = patch(before, {TextEdit::appendItem("spec.servers", server)});
        QCOMPARE(r.methods, QVector<PatchMethod>{PatchMethod::Surgical});
        QCOMPARE(r.text, replaceOnce(before, "      mode: PASSTHROUGH\n",
                                     "      mode: PASSTHROUGH\n"
                                     "  - port:\n"
                                     "      number: 80\n"
                                     "      name: http\n"
                                     "      protocol: HTTP\n"
                                     "    hosts:\n"
                                     "    - \"*.example.com\"\n"));
    }

    void insertingAnEntryFollowsTheMappingsColumn() {
        const QByteArray before = data("commented-gateway.yaml");
        const PatchResult r =
            patch(before, {TextEdit::insertEntry("spec.servers[0]", "name", str("partners")),
                           TextEdit::insertEntry("metadata", "namespace", str("istio-system"))});
        QCOMPARE(r.methods, (QVector<PatchMethod>{PatchMethod::Surgical, PatchMethod::Surgical}));
        QByteArray expected = replaceOnce(before, "      mode: PASSTHROUGH\n",
                                          "      mode: PASSTHROUGH\n    name: partners\n");
        expected = replaceOnce(expected, "# shared by every team\n",
                               "# shared by every team\n  namespace: istio-system\n");
        QCOMPARE(r.text, expected);
    }

    void removingUndoesAppendingByteForByte_data() {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("sequence");
        QTest::newRow("comments") << data("commented-gateway.yaml")
                                  << QStringLiteral("spec.servers[0].hosts");
        QTest::newRow("indented") << data("indented-rule.yaml") << QStringLiteral("spec.subsets");
        QTest::newRow("crlf") << data("crlf-serviceentry.yaml") << QStringLiteral("spec.hosts");
        QTest::newRow("anchors") << data("anchors.yaml") << QStringLiteral("spec.ports");
        QTest::newRow("no final newline")
            << QByteArray("metadata:\n  name: x\nspec:\n  hosts:\n  - a.com  # last line")
            << QStringLiteral("spec.hosts");
    }
    void removingUndoesAppendingByteForByte() {
        QFETCH(QByteArray, file);
        QFETCH(QString, sequence);
        const YAML::Node before = YAML::Load(file.toStdString());
        const int count = int(findPath(before, sequence).size());
        YAML::Node item = map({{"name", str("added")}, {"number", integerScalar(8443)}});
        const PatchResult added = patch(file, {TextEdit::appendItem(sequence, item)});
        QCOMPARE(added.methods, QVector<PatchMethod>{PatchMethod::Surgical});
        QVERIFY(added.text.startsWith(file.left(file.indexOf('\n'))));
        const PatchResult removed = patch(added.text, {TextEdit::removeItem(sequence, count)});
        QCOMPARE(removed.methods, QVector<PatchMethod>{PatchMethod::Surgical});
        QCOMPARE(removed.text, file);

        const PatchResult entry =
            patch(file, {TextEdit::insertEntry("metadata", "namespace", str("payments"))});
        QCOMPARE(entry.methods, QVector<PatchMethod>{PatchMethod::Surgical});
        QCOMPARE(patch(entry.text, {TextEdit::removeEntry("metadata", "namespace")}).text, file);
    }

    void crlfStaysCrlf() {
        const QByteArray before = data("crlf-serviceentry.yaml");
        const PatchResult r =
            patch(before, {TextEdit::appendItem("spec.hosts", str("api.other.com")),
                           TextEdit::setValue("spec.resolution", str("STATIC"))});
        QVERIFY(r.text.contains("  - api.partner.com # CRLF file\r\n  - api.other.com\r\n"));
        QVERIFY(r.text.contains("  resolution: STATIC\r\n"));
        QCOMPARE(r.text.count('\n'), r.text.count("\r\n"));
    }

    void indentationStyleOfTheDocumentIsFollowed() {
        const QByteArray before = data("indented-rule.yaml");
        YAML::Node subset = map({{"name", str("other")}});
        YAML::Node policy = map({{"tls", map({{"mode", str("ISTIO_MUTUAL")}})}});
        subset["trafficPolicy"] = policy;
        const PatchResult r = patch(before, {TextEdit::appendItem("spec.subsets", subset)});
        QCOMPARE(r.text, replaceOnce(before, "        # more subsets later\n",
                                     "        - name: other\n"
                                     "          trafficPolicy:\n"
                                     "              tls:\n"
                                     "                  mode: ISTIO_MUTUAL\n"
                                     "        # more subsets later\n"));
    }

    void scalarsKeepTheirQuotingAndComments() {
        const QByteArray before = data("commented-gateway.yaml");
        const PatchResult r =
            patch(before, {TextEdit::setValue("spec.servers[0].hosts[0]", str("api.partner.org")),
                           TextEdit::setValue("metadata.name", str("egress")),
                           TextEdit::setValue("spec.servers[0].port.number", integerScalar(8443))});
        QCOMPARE(r.methods, QVector<PatchMethod>(3, PatchMethod::Surgical));
        QByteArray expected = replaceOnce(before, "\"api.partner.com\"   # partner A",
                                          "\"api.partner.org\"   # partner A");
        expected =
            replaceOnce(expected, "name: istio-egressgateway # shared", "name: egress # shared");
        expected = replaceOnce(expected, "number: 443", "number: 8443");
        QCOMPARE(r.text, expected);
    }

    void aStringThatLooksLikeANumberIsQuoted() {
        const PatchResult r = patch("a: b # note\n", {TextEdit::setValue("a", str("80"))});
        QCOMPARE(r.text, QByteArray("a: \"80\" # note\n"));
        const PatchResult single =
            patch("a: 'it''s' # note\n", {TextEdit::setValue("a", str("x'y"))});
        QCOMPARE(single.text, QByteArray("a: 'x''y' # note\n"));
    }

    void oneLineFlowCollectionsKeepTheirLine() {
        const QByteArray before = data("flow.yaml");
        const PatchResult r =
            patch(before, {TextEdit::appendItem("spec.servers[0].hosts", str("*.other.com")),
                           TextEdit::insertEntry("metadata", "namespace", str("istio-system"))});
        QCOMPARE(r.methods, QVector<PatchMethod>(2, PatchMethod::Surgical));
        QByteArray expected =
            replaceOnce(before, "hosts: [api.partner.com]  # flow hosts",
                        "hosts: [api.partner.com, \"*.other.com\"]  # flow hosts");
        expected = replaceOnce(expected, "metadata: {name: istio-egressgateway}",
                               "metadata: {name: istio-egressgateway, namespace: istio-system}");
        QCOMPARE(r.text, expected);
        // And back.
        const PatchResult back = patch(r.text, {TextEdit::removeItem("spec.servers[0].hosts", 1),
                                                TextEdit::removeEntry("metadata", "namespace")});
        QCOMPARE(back.methods, QVector<PatchMethod>(2, PatchMethod::Surgical));
        QCOMPARE(back.text, before);
        QCOMPARE(patch("a: []\n", {TextEdit::appendItem("a", str("x"))}).text,
                 QByteArray("a: [x]\n"));
        QCOMPARE(patch("a: [x, y]\n", {TextEdit::removeItem("a", 0)}).text, QByteArray("a: [y]\n"));
    }

    void flowCollectionsOfMappingsAreReEmittedEntryByEntry() {
        const QByteArray before = data("flow.yaml");
        const PatchResult r =
            patch(before,
                  {TextEdit::insertEntry("spec.servers[0].port", "targetPort", integerScalar(8443)),
                   TextEdit::appendItem("spec.servers[0].hosts", map({{"not", str("a scalar")}}))});
        QCOMPARE(r.methods, (QVector<PatchMethod>{PatchMethod::Surgical, PatchMethod::Entry}));
        QVERIFY(
            r.text.contains("port: {number: 443, name: tls, protocol: TLS, targetPort: 8443}\n"));
        QVERIFY(r.text.contains("    hosts:\n    - api.partner.com\n    - not: a scalar\n"));
        QVERIFY(r.text.contains("metadata: {name: istio-egressgateway}  # flow metadata\n"));
        QVERIFY(r.text.contains("# trailing comment\n"));
    }

    void blockScalarsAreReEmitted() {
        const QByteArray before = "a:\n  text: |\n    line one\n    line two\n  n: 1 # kept\n";
        const PatchResult r = patch(before, {TextEdit::setValue("a.text", str("one\ntwo\n"))});
        QCOMPARE(r.methods, QVector<PatchMethod>{PatchMethod::Entry});
        QCOMPARE(r.text, QByteArray("a:\n  text: |\n    one\n    two\n  n: 1 # kept\n"));
    }

    void aFlowDocumentIsRewrittenWhole() {
        const QByteArray before = "# head\n{a: 1, b: [{x: 1}]}\n";
        const PatchResult r =
            patch(before, {TextEdit::appendItem("b", map({{"x", integerScalar(2)}}))});
        QCOMPARE(r.methods, QVector<PatchMethod>{PatchMethod::Document});
        QCOMPARE(r.text, QByteArray("# head\na: 1\nb:\n- {x: 1}\n- x: 2\n"));
    }

    void emptyingASequenceWritesAnEmptyOne() {
        const PatchResult r =
            patch("hosts:\n- a.com # only\nport: 1\n", {TextEdit::removeItem("hosts", 0)});
        QCOMPARE(r.methods, QVector<PatchMethod>{PatchMethod::Entry});
        QCOMPARE(r.text, QByteArray("hosts: []\nport: 1\n"));
    }

    void editsThroughAnchorsStayConsistent() {
        const QByteArray before = data("anchors.yaml");
        const PatchResult r =
            patch(before, {TextEdit::setValue("metadata.labels.team", str("billing"))});
        const YAML::Node after = YAML::Load(r.text.toStdString());
        QCOMPARE(after["metadata"]["annotations"]["team"].as<std::string>(),
                 std::string("billing"));
        QVERIFY(r.text.contains("annotations: *labels"));
    }

    void firstKeyOfAnItemIsRemovedByReEmittingTheItem() {
        const QByteArray before = "list:\n- name: a # first\n  port: 1\n- name: b\n";
        const PatchResult r = patch(before, {TextEdit::removeEntry("list[0]", "name")});
        QCOMPARE(r.methods, QVector<PatchMethod>{PatchMethod::Entry});
        QCOMPARE(r.text, QByteArray("list:\n- port: 1\n- name: b\n"));
    }

    void impossibleEditsSayWhy() {
        QString error;
        QVERIFY(!patchDocument("a: 1\n", {TextEdit::appendItem("spec.hosts", str("x"))}, &error));
        QVERIFY2(error.contains("spec.hosts"), qPrintable(error));
        QVERIFY(!patchDocument("a: 1\n", {TextEdit::insertEntry("", "a", str("x"))}, &error));
        QVERIFY(!patchDocument("a: [1\n", {TextEdit::removeEntry("", "a")}, &error));
        QVERIFY2(error.contains("not valid YAML"), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestTextPatcher)
#include "tst_text_patcher.moc"

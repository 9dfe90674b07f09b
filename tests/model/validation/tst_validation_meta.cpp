// The rule engine's own promises: one registry of uniquely named, described rules, one message
// table matching Istio's, and every rule exercised by a table-driven test.
#include "ValidationTestSupport.h"

#include "model/validation/Rule.h"

#include <QDir>
#include <QSet>

using namespace egret;
using namespace egret::validation;

class TestValidationMeta : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rulesAreUniqueDescribedAndSorted() {
        QSet<QString> names;
        QString previous;
        for (const Rule *r : allRules()) {
            const QString name = QLatin1String(r->name);
            QVERIFY2(!names.contains(name), qPrintable(name));
            names.insert(name);
            QVERIFY2(name > previous, qPrintable(name)); // the registry is sorted by name
            previous = name;
            QVERIFY2(QByteArray(r->description).size() > 20, qPrintable(name));
            QVERIFY2(!r->messages.isEmpty(), qPrintable(name));
            QVERIFY2(!r->subjects.isEmpty(), qPrintable(name));
            QVERIFY(r->analyze);
            for (Kind k : r->subjects)
                QVERIFY2(r->reads(k), qPrintable(name + QStringLiteral(" analyzes what it "
                                                                       "does not read")));
            QCOMPARE(ruleByName(name), r);
        }
        QVERIFY(!ruleByName(QStringLiteral("no.SuchAnalyzer")));
    }

    void messagesAreUniqueAndEmitted() {
        QSet<QString> codes, emitted;
        for (const MessageType *m : allMessages()) {
            QVERIFY2(!codes.contains(QLatin1String(m->code)), m->code);
            codes.insert(QLatin1String(m->code));
            QVERIFY(QByteArray(m->text).size() > 10 && QByteArray(m->description).size() > 10);
            QCOMPARE(messageByCode(QLatin1String(m->code)), m);
        }
        for (const Rule *r : allRules())
            for (const MessageType *m : r->messages)
                emitted.insert(QLatin1String(m->code));
        QCOMPARE(emitted, codes);
    }

    // Istio's codes, names, levels and templates as its messages.yaml declares them.
    void istioMessagesMatchIstio() {
        EGRET_REQUIRE_CORPUS();
        const QList<QByteArray> lines =
            test::readFile(test::corpusDir() + QStringLiteral("/istio-analyzers/messages.tsv"))
                .split('\n');
        int checked = 0;
        for (int i = 1; i < lines.size(); ++i) {
            const QStringList cols = QString::fromUtf8(lines[i]).split(QLatin1Char('\t'));
            if (cols.size() < 4)
                continue;
            const MessageType *m = messageByCode(cols[0]);
            if (!m) {
                // Istio reports these for schema errors; Egret's loader reports those itself.
                QVERIFY2(cols[0] == QLatin1String("IST0106") || cols[0] == QLatin1String("IST0133"),
                         qPrintable(cols[0]));
                continue;
            }
            QCOMPARE(QLatin1String(m->name), cols[1]);
            QCOMPARE(severityName(m->level), cols[2]);
            QCOMPARE(QString::fromUtf8(m->text), cols[3]);
            ++checked;
        }
        QCOMPARE(checked, 23);
    }

    // Istio-mirroring rules are exercised by the parity table, Egret's by their own data.
    void everyRuleIsExercised() {
        QSet<QString> exercised;
        if (test::haveCorpus()) {
            const QList<QByteArray> lines =
                test::readFile(test::corpusDir() + QStringLiteral("/istio-analyzers/expected.tsv"))
                    .split('\n');
            for (int i = 1; i < lines.size(); ++i) {
                const QStringList cols = QString::fromUtf8(lines[i]).split(QLatin1Char('\t'));
                if (cols.size() > 1)
                    exercised.insert(cols[1]);
            }
        }
        // Egret's own cases for Istio rules: the .expected file's first line names the rule.
        QDir own(test::validationData(QStringLiteral("istio")));
        for (const QString &f : own.entryList({QStringLiteral("*.expected")}, QDir::Files))
            exercised.insert(QString::fromUtf8(test::readFile(own.filePath(f)).split('\n').first())
                                 .section(QLatin1Char(' '), 2, 2)
                                 .remove(QLatin1Char(':')));
        for (const Rule *r : allRules()) {
            bool egress = false;
            for (const MessageType *m : r->messages) {
                if (!QByteArray(m->code).startsWith("EGR"))
                    continue;
                egress = true;
                QVERIFY2(QFile::exists(test::validationData(
                             QStringLiteral("egress/%1.expected").arg(QLatin1String(m->code)))),
                         m->code);
            }
            if (egress)
                exercised.insert(QLatin1String(r->name));
            if (!test::haveCorpus() && !egress)
                continue;
            QVERIFY2(exercised.contains(QLatin1String(r->name)), r->name);
        }
    }

    void messageFormatting() {
        QCOMPARE(formatMessage(msg::ReferencedResourceNotFound,
                               {QStringLiteral("gateway"), QStringLiteral("a\"b")}),
                 QStringLiteral("Referenced gateway not found: \"a\\\"b\""));
        QCOMPARE(goList({QStringLiteral("a"), QStringLiteral("b")}), QStringLiteral("[a b]"));
        QCOMPARE(documentationUrl(msg::ConflictingGateways),
                 QStringLiteral("https://istio.io/latest/docs/reference/config/analysis/ist0145/"));
    }

    void unknownRulesAreNamed() {
        QCOMPARE(unknownRuleNames(
                     {QStringLiteral("virtualservice.GatewayAnalyzer"), QStringLiteral("bogus")}),
                 QStringList{QStringLiteral("bogus")});
    }
};

QTEST_GUILESS_MAIN(TestValidationMeta)
#include "tst_validation_meta.moc"

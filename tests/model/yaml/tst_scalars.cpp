#include "model/yaml/Scalars.h"

#include <QtTest>

using namespace egret::yaml;

class TestScalars : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void stringsThatWouldChangeTypeAreNotPlain_data() {
        QTest::addColumn<QString>("text");
        for (const char *s : {"80",        "true",        "1.2",    "yes",   "No",
                              "on",        "OFF",         "null",   "~",     "",
                              "0x1F",      "0o17",        "017",    "1e3",   ".inf",
                              "-.5",       "2024-01-15",  "1_000",  "<<",    "*.example.com",
                              "- item",    "key: value",  "# note", "a #b",  " padded",
                              "trailing:", "line\nbreak", "@at",    "`tick", "&anchor",
                              "!tag",      "|",           ">",      "%pct",  "[list]",
                              "{map}",     "'q'",         "\"q\""})
            QTest::newRow(s) << QString::fromUtf8(s);
    }
    void stringsThatWouldChangeTypeAreNotPlain() {
        QFETCH(QString, text);
        QVERIFY(!canBePlainString(text.toStdString()));
    }

    void ordinaryStringsStayPlain_data() {
        QTest::addColumn<QString>("text");
        for (const char *s :
             {"edition.cnn.com", "istio-egressgateway", "ISTIO_MUTUAL", "a:b", "http://x", "v1.2.3",
              "-Xmx", "1.2.3.4", "10.0.0.0/8", "ns/name", "./*", "café"})
            QTest::newRow(s) << QString::fromUtf8(s);
    }
    void ordinaryStringsStayPlain() {
        QFETCH(QString, text);
        QVERIFY(canBePlainString(text.toStdString()));
    }

    void resolvesPlainScalarsAsKubectlDoes() {
        QCOMPARE(resolvePlain("80"), PlainType::Int);
        QCOMPARE(resolvePlain("-0x1F"), PlainType::Int);
        QCOMPARE(resolvePlain("1.5"), PlainType::Float);
        QCOMPARE(resolvePlain("1e3"), PlainType::Float);
        QCOMPARE(resolvePlain("yes"), PlainType::Bool);
        QCOMPARE(resolvePlain("Null"), PlainType::Null);
        QCOMPARE(resolvePlain("2001-12-14"), PlainType::Timestamp);
        QCOMPARE(resolvePlain("1.2.3.4"), PlainType::String);
        QCOMPARE(resolvePlain("1-2-3"), PlainType::String);
        QCOMPARE(resolvePlain("0xZZ"), PlainType::String);
        QCOMPARE(resolvePlain("edition.cnn.com"), PlainType::String);
    }

    void doubleQuotingEscapes() {
        QCOMPARE(QString::fromStdString(doubleQuoted("a\"b\\c\nd\te")),
                 QStringLiteral("\"a\\\"b\\\\c\\nd\\te\""));
    }
};

QTEST_APPLESS_MAIN(TestScalars)
#include "tst_scalars.moc"

#include "model/yaml/StreamSplitter.h"

#include <QtTest>

using egret::yaml::Chunk;
using egret::yaml::splitStream;

class TestStreamSplitter : public QObject {
    Q_OBJECT

    static QList<QByteArray> parts(const QByteArray &bytes) {
        QList<QByteArray> out;
        for (const Chunk &c : splitStream(bytes))
            out << bytes.mid(c.offset, c.length);
        return out;
    }

private Q_SLOTS:
    void chunksConcatenateToTheInput_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("single") << QByteArray("a: 1\n");
        QTest::newRow("two") << QByteArray("a: 1\n---\nb: 2\n");
        QTest::newRow("leading marker") << QByteArray("---\na: 1\n---\nb: 2\n");
        QTest::newRow("comments") << QByteArray("# head\n---\na: 1\n# tail\n---\n# c\nb: 2");
        QTest::newRow("crlf") << QByteArray("a: 1\r\n---\r\nb: 2\r\n");
        QTest::newRow("end marker") << QByteArray("a: 1\n...\n%YAML 1.2\n---\nb: 2\n");
        QTest::newRow("empty docs") << QByteArray("---\n---\n---\n");
        QTest::newRow("no newline") << QByteArray("a: 1");
        QTest::newRow("empty") << QByteArray();
    }
    void chunksConcatenateToTheInput() {
        QFETCH(QByteArray, bytes);
        QByteArray joined;
        for (const QByteArray &p : parts(bytes))
            joined += p;
        QCOMPARE(joined, bytes);
    }

    void splitsAtDocumentMarkers() {
        const QList<QByteArray> p = parts("# license\n---\na: 1\n---\nb: 2\n--- # third\nc: 3\n");
        QCOMPARE(p.size(), 3);
        QCOMPARE(p[0], QByteArray("# license\n---\na: 1\n")); // leading comments stay with it
        QCOMPARE(p[1], QByteArray("---\nb: 2\n"));
        QCOMPARE(p[2], QByteArray("--- # third\nc: 3\n"));
    }

    void dashesInsideContentAreNotMarkers() {
        const QList<QByteArray> p = parts("a: |\n  ---\n  text\nb: ---x\n----\n");
        QCOMPARE(p.size(), 1);
    }

    void directivesBelongToTheNextDocument() {
        const QList<QByteArray> p = parts("a: 1\n...\n%YAML 1.2\n---\nb: 2\n");
        QCOMPARE(p.size(), 2);
        QCOMPARE(p[0], QByteArray("a: 1\n...\n"));
        QCOMPARE(p[1], QByteArray("%YAML 1.2\n---\nb: 2\n"));
    }

    void recordsFirstLines() {
        const QVector<Chunk> c = splitStream("a: 1\nb: 2\n---\nc: 3\n---\nd: 4\n");
        QCOMPARE(c.size(), 3);
        QCOMPARE(c[0].firstLine, 0);
        QCOMPARE(c[1].firstLine, 2);
        QCOMPARE(c[2].firstLine, 4);
    }
};

QTEST_APPLESS_MAIN(TestStreamSplitter)
#include "tst_stream_splitter.moc"

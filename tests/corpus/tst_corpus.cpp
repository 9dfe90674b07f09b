// Every file of Istio's corpus loads without loss; schema-valid ones export to equal YAML; the
// ones Istio's schema rejects make `egret export` fail naming the field.
#include "TestSupport.h"

#include "model/io/Exporter.h"
#include "model/io/Loader.h"
#include "model/yaml/MergeKeys.h"
#include "model/yaml/Scalars.h"

#include <yaml-cpp/yaml.h>

#include <QDirIterator>

using namespace egret;

namespace {

QStringList corpusFiles() {
    QStringList files;
    QDirIterator it(test::corpusDir(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    return files;
}

bool isYamlFile(const QString &path) {
    return path.endsWith(QLatin1String(".yaml")) || path.endsWith(QLatin1String(".yml"));
}

// What a scalar means: its type as kubectl resolves it, and its text.
QString scalarMeaning(const YAML::Node &n) {
    if (n.IsNull())
        return QStringLiteral("null");
    const bool string = n.Tag() != "?" || yaml::resolvePlain(n.Scalar()) == yaml::PlainType::String;
    return (string ? QStringLiteral("str:") : QStringLiteral("plain:")) +
           QString::fromStdString(n.Scalar());
}

// Deep comparison of meaning: same keys in the same order, same values and types.
bool sameMeaning(const YAML::Node &a, const YAML::Node &b, const QString &path, QString *where) {
    if (a.Type() != b.Type() && !(a.IsNull() && b.IsNull())) {
        *where = path + QStringLiteral(": node type differs");
        return false;
    }
    if (a.IsMap()) {
        if (a.size() != b.size()) {
            *where = path + QStringLiteral(": %1 keys vs %2").arg(a.size()).arg(b.size());
            return false;
        }
        auto ib = b.begin();
        for (auto ia = a.begin(); ia != a.end(); ++ia, ++ib) {
            const QString key = QString::fromStdString(ia->first.Scalar());
            if (scalarMeaning(ia->first) != scalarMeaning(ib->first)) {
                *where = path + QStringLiteral(": key %1 vs %2")
                                    .arg(key, QString::fromStdString(ib->first.Scalar()));
                return false;
            }
            if (!sameMeaning(ia->second, ib->second, path + QLatin1Char('.') + key, where))
                return false;
        }
        return true;
    }
    if (a.IsSequence()) {
        if (a.size() != b.size()) {
            *where = path + QStringLiteral(": list length differs");
            return false;
        }
        for (std::size_t i = 0; i < a.size(); ++i)
            if (!sameMeaning(a[i], b[i], path + QStringLiteral("[%1]").arg(i), where))
                return false;
        return true;
    }
    if (scalarMeaning(a) != scalarMeaning(b)) {
        *where = path + QStringLiteral(": %1 vs %2").arg(scalarMeaning(a), scalarMeaning(b));
        return false;
    }
    return true;
}

// The objects of a stream in order, List items expanded and merge keys applied.
std::vector<YAML::Node> objects(const QByteArray &bytes) {
    std::vector<YAML::Node> out;
    for (YAML::Node doc : YAML::LoadAll(bytes.toStdString())) {
        yaml::NodeBudget budget(bytes.size());
        yaml::expandMergeKeys(bytes, doc, budget);
        if (!doc.IsMap())
            continue;
        const YAML::Node kind = doc["kind"];
        if (kind && kind.IsScalar() && kind.Scalar() == "List" && doc["items"].IsSequence()) {
            for (const YAML::Node &item : doc["items"])
                out.push_back(item);
        } else {
            out.push_back(doc);
        }
    }
    return out;
}

} // namespace

class TestCorpus : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { EGRET_REQUIRE_CORPUS(); }

    void everyFileLoadsAndSavesBackByteForByte() {
        int files = 0;
        int documents = 0;
        for (const QString &path : corpusFiles()) {
            const QByteArray bytes = test::readFile(path);
            const Workspace ws = loadFiles({path});
            QCOMPARE(ws.files().size(), 1);
            QVERIFY2(ws.fileBytes(0) == bytes, qPrintable(path));
            ++files;
            documents += int(ws.files()[0].documents.size());
        }
        qInfo("%d corpus files, %d documents: all saved back byte for byte", files, documents);
        QVERIFY(files > 100);
    }

    void schemaValidFilesExportToEqualYaml() {
        int exported = 0;
        int refused = 0;
        for (const QString &path : corpusFiles()) {
            if (!isYamlFile(path))
                continue;
            const Workspace ws = loadFiles({path});
            const ExportResult r = exportWorkspace(ws);
            if (!r.ok) {
                ++refused;
                continue;
            }
            ++exported;
            const QByteArray input = test::readFile(path);
            std::vector<YAML::Node> in;
            try {
                in = objects(input);
            } catch (const YAML::Exception &) {
                QFAIL(qPrintable(path +
                                 QStringLiteral(": exported although yaml-cpp cannot read it")));
            }
            const std::vector<YAML::Node> out = objects(r.yaml);
            QVERIFY2(in.size() == out.size(), qPrintable(path));
            for (std::size_t i = 0; i < in.size(); ++i) {
                QString where;
                QVERIFY2(sameMeaning(in[i], out[i], QStringLiteral("doc %1").arg(i), &where),
                         qPrintable(path + QStringLiteral(": ") + where));
            }
            // apiVersion is kept per document.
            for (std::size_t i = 0; i < in.size(); ++i)
                QCOMPARE(QString::fromStdString(out[i]["apiVersion"].Scalar()),
                         QString::fromStdString(in[i]["apiVersion"].Scalar()));
        }
        qInfo("%d files exported with equal meaning, %d refused", exported, refused);
        QVERIFY(exported > 50);
    }

    void filesThatFailTheSchemaAreRefusedNamingTheField_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("message");
        QTest::newRow("shell variable")
            << "istio-docs/http-proxy/01-serviceentry-external-https-proxy.as-written.yaml"
            << "spec.ports[0].number";
        QTest::newRow("old sni_hosts")
            << "istio-docs/proxy/01-ingress-gateway-as-proxy-for-external-services.yaml"
            << "unknown field \"sni_hosts\"";
        QTest::newRow("sniHosts required")
            << "istio-docs/proxy/01-ingress-gateway-as-proxy-for-external-services.yaml"
            << "missing required field \"sniHosts\"";
    }
    void filesThatFailTheSchemaAreRefusedNamingTheField() {
        QFETCH(QString, file);
        QFETCH(QString, message);
        const ExportResult r =
            exportWorkspace(loadFiles({test::corpusDir() + QLatin1Char('/') + file}));
        QVERIFY(!r.ok);
        QVERIFY(r.yaml.isEmpty());
        QStringList lines;
        for (const Diagnostic &d : r.problems)
            lines << d.toString();
        QVERIFY2(lines.join(QLatin1Char('\n')).contains(message),
                 qPrintable(lines.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestCorpus)
#include "tst_corpus.moc"

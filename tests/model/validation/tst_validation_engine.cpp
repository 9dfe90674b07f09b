// The engine's helpers: Istio's host-name rules and the field locator findings rely on.
#include "ValidationTestSupport.h"

#include "model/validation/GatewayHosts.h"
#include "model/validation/Hosts.h"
#include "model/yaml/BlockFieldLocator.h"
#include "model/yaml/FieldLocator.h"
#include "model/yaml/NodeTreeLocator.h"
#include "model/yaml/StreamSplitter.h"
#include "model/yaml/YamlPath.h"

#include <yaml-cpp/yaml.h>

#include <QDir>
#include <QDirIterator>

using namespace egret;
using namespace egret::validation;

namespace {

// Every path to a node of the tree, plus paths that go one step too far.
void collectPaths(const YAML::Node &node, const QString &path, QStringList *out) {
    out->append(path);
    if (node.IsMap()) {
        out->append(yaml::appendKey(path, QStringLiteral("noSuchKey")));
        for (auto it = node.begin(); it != node.end(); ++it)
            if (it->first.IsScalar())
                collectPaths(it->second,
                             yaml::appendKey(path, QString::fromStdString(it->first.Scalar())),
                             out);
    } else if (node.IsSequence()) {
        out->append(yaml::appendIndex(path, int(node.size())));
        out->append(yaml::appendKey(path, QStringLiteral("key")));
        for (std::size_t i = 0; i < node.size(); ++i)
            collectPaths(node[i], yaml::appendIndex(path, int(i)), out);
    } else {
        out->append(yaml::appendKey(path, QStringLiteral("below")));
    }
}

// Host names of every shape the overlap rules treat differently: exact, `*`, `*.suffix`,
// `*suffix`, `**.suffix`, a dot first, empty, suffixes of one another.
QStringList hostZoo() {
    QStringList out = {
        QString(),           QStringLiteral("*"),    QStringLiteral("**"), QStringLiteral("*."),
        QStringLiteral("."), QStringLiteral(".com"), QStringLiteral("com")};
    for (const char *base : {"a.b.com", "b.com", "x.a.b.com", "com.b", "a.b.org"}) {
        const QString b = QLatin1String(base);
        out << b << QStringLiteral("*.") + b << QStringLiteral("*") + b << QStringLiteral("**.") + b
            << QStringLiteral("*.*.") + b;
    }
    return out;
}

QVector<int> bruteOverlapping(const QStringList &hosts, const QString &host) {
    QVector<int> out;
    for (int i = 0; i < hosts.size(); ++i)
        if (hostsOverlap(hosts[i], host))
            out << i;
    return out;
}

} // namespace

class TestValidationEngine : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void hostNames() {
        QCOMPARE(fqdn(QStringLiteral("reviews"), QStringLiteral("ns")),
                 QStringLiteral("reviews.ns.svc.cluster.local"));
        QCOMPARE(fqdn(QStringLiteral("reviews"), QString()),
                 QStringLiteral("reviews..svc.cluster.local"));
        QCOMPARE(fqdn(QStringLiteral("reviews.ns"), QStringLiteral("x")),
                 QStringLiteral("reviews.ns"));
        QCOMPARE(fqdn(QStringLiteral("*"), QStringLiteral("x")), QStringLiteral("*"));
        QVERIFY(hostsOverlap(QStringLiteral("*"), QStringLiteral("a.b")));
        QVERIFY(hostsOverlap(QStringLiteral("foo.com"), QStringLiteral("*.com")));
        QVERIFY(hostsOverlap(QStringLiteral("*.com"), QStringLiteral("*.foo.com")));
        QVERIFY(!hostsOverlap(QStringLiteral("*.foo.com"), QStringLiteral("foo.com")));
        QVERIFY(!hostsOverlap(QStringLiteral("a.com"), QStringLiteral("b.com")));
        QCOMPARE(exportScopes({}, QStringLiteral("ns")), QStringList{QStringLiteral("*")});
        QCOMPARE(exportScopes({QStringLiteral("."), QStringLiteral("b")}, QStringLiteral("ns")),
                 (QStringList{QStringLiteral("ns"), QStringLiteral("b")}));
        QCOMPARE(exportScopes({QStringLiteral("a"), QStringLiteral("*")}, QStringLiteral("ns")),
                 QStringList{QStringLiteral("*")});
        QCOMPARE(serviceExportTo(QStringLiteral(" a, .,b ")),
                 (QStringList{QStringLiteral("a"), QStringLiteral("."), QStringLiteral("b")}));
    }

    // The index of many host names answers what hostsOverlap() answers one pair at a time, for
    // names and questions of every shape, with and without the index (few names are scanned).
    void hostSetAgreesWithHostsOverlap() {
        const QStringList zoo = hostZoo();
        for (const qsizetype size : {qsizetype(3), zoo.size()}) {
            const QStringList hosts = zoo.mid(0, size);
            QVector<QStringView> views;
            for (const QString &h : hosts)
                views << h;
            const HostSet set(views);
            for (const QString &q : zoo + QStringList{QStringLiteral("y.x.a.b.com")})
                QCOMPARE(set.overlapping(q), bruteOverlapping(hosts, q));
        }
    }

    // A Gateway's listings as the rules scanned them: by server and position, the namespace part
    // admitting the VirtualService's namespace as gatewayHostFor() says.
    void gatewayHostsAgreeWithAScan() {
        Resource r;
        r.kind = Kind::Gateway;
        r.ns = QStringLiteral("gw");
        Gateway gw;
        const QStringList zoo = hostZoo();
        const QStringList prefixes = {QString(), QStringLiteral("a/"), QStringLiteral("./"),
                                      QStringLiteral("*/"), QStringLiteral("gw/")};
        for (int s = 0; s < 3; ++s) {
            Server server;
            server.port.number = 80 + s;
            for (int i = 0; i < zoo.size(); ++i)
                server.hosts << prefixes[(i + s) % prefixes.size()] + zoo[i];
            gw.servers << server;
        }
        r.spec = gw;
        const GatewayHosts listed(r);
        const QStringList namespaces = {QStringLiteral("a"), QStringLiteral("gw"),
                                        QStringLiteral("x"), QString()};
        for (const QString &q : zoo) {
            for (const QString *ns : {static_cast<const QString *>(nullptr), &namespaces[0],
                                      &namespaces[1], &namespaces[2], &namespaces[3]}) {
                QVector<QPair<int, int>> expected, got;
                for (int s = 0; s < gw.servers.size(); ++s)
                    for (int p = 0; p < gw.servers[s].hosts.size(); ++p) {
                        QString h;
                        const QString vsNs = ns ? *ns : QString();
                        const bool admitted =
                            gatewayHostFor(gw.servers[s].hosts[p], r.ns, vsNs, &h) || !ns;
                        if (admitted && hostsOverlap(h, q))
                            expected.append({s, p});
                    }
                for (const GatewayHosts::Listing &l : listed.overlapping(q, ns))
                    got.append({l.server, l.position});
                QCOMPARE(got, expected);
            }
        }
    }

    void gatewayReferencesAndHosts() {
        QCOMPARE(parseGatewayRef(QStringLiteral("gw"), QStringLiteral("ns")).key(),
                 QStringLiteral("ns/gw"));
        QCOMPARE(parseGatewayRef(QStringLiteral("other/gw"), QStringLiteral("ns")).key(),
                 QStringLiteral("other/gw"));
        QString h;
        QVERIFY(gatewayHostFor(QStringLiteral("*/a.com"), QStringLiteral("gw"), QStringLiteral("x"),
                               &h));
        QCOMPARE(h, QStringLiteral("a.com"));
        QVERIFY(!gatewayHostFor(QStringLiteral("./a.com"), QStringLiteral("gw"),
                                QStringLiteral("x"), &h));
        QVERIFY(gatewayHostFor(QStringLiteral("./a.com"), QStringLiteral("x"), QStringLiteral("x"),
                               &h));
        QVERIFY(!gatewayHostFor(QStringLiteral("y/a.com"), QStringLiteral("gw"),
                                QStringLiteral("x"), &h));
        QCOMPARE(gatewayNameKey(QStringLiteral("gw"), QStringLiteral("ns")),
                 parseGatewayRef(QStringLiteral("gw"), QStringLiteral("ns")).ns + kSep +
                     QStringLiteral("gw"));
        QCOMPARE(gatewayNameKey(QStringLiteral("a/b/c"), QStringLiteral("ns")),
                 QStringLiteral("a") + kSep + QStringLiteral("b/c"));
        ServiceName sn =
            serviceNameOf(QStringLiteral("a.b.c.svc.cluster.local"), QStringLiteral("o"));
        QCOMPARE(sn.ns, QStringLiteral("c")); // greedy, as Istio's expression
        QCOMPARE(sn.name, QStringLiteral("a.b"));
        sn = serviceNameOf(QStringLiteral("foo.com"), QStringLiteral("o"));
        QCOMPARE(sn.ns, QStringLiteral("o"));
        QVERIFY(clusterServiceOf(QStringLiteral("reviews"), QStringLiteral("ns"), &sn));
        QVERIFY(!clusterServiceOf(QStringLiteral("api.example.com"), QStringLiteral("ns"), &sn));
    }

    // The streaming locator gives what the tree-based one gives, for every field of every
    // document of the corpus and of Egret's test data, and for paths that do not exist.
    void locatorAgreesWithTreeLocator() {
        QStringList files;
        QDir data(test::validationData(QStringLiteral("egress")));
        for (const QString &f : data.entryList({QStringLiteral("*.yaml")}, QDir::Files))
            files << data.filePath(f);
        if (test::haveCorpus()) {
            for (const char *dir : {"/istio-analyzers", "/istio-docs", "/istio-repo"}) {
                QDirIterator it(test::corpusDir() + QLatin1String(dir), {QStringLiteral("*.yaml")},
                                QDir::Files, QDirIterator::Subdirectories);
                while (it.hasNext())
                    files << it.next();
            }
        }
        int checked = 0, fast = 0;
        for (const QString &file : files) {
            const QByteArray bytes = test::readFile(file);
            for (const yaml::Chunk &c : yaml::splitStream(bytes)) {
                const QByteArray text = bytes.mid(c.offset, c.length);
                YAML::Node root;
                try {
                    root = YAML::Load(text.toStdString());
                } catch (const std::exception &) {
                    continue;
                }
                QStringList paths;
                collectPaths(root, QString(), &paths);
                for (const QString &path : paths) {
                    yaml::TextPosition tree, stream, block;
                    QVERIFY(yaml::locateInNodeTree(text, path, &tree));
                    QVERIFY(yaml::locateField(text, path, &stream));
                    if (yaml::locateBlockField(text, path, &block)) {
                        ++fast;
                        QVERIFY2(block.line == tree.line && block.column == tree.column,
                                 qPrintable(QStringLiteral("%1 %2: block locator %3:%4")
                                                .arg(file, path)
                                                .arg(block.line)
                                                .arg(block.column)));
                    }
                    QVERIFY2(tree.line == stream.line && tree.column == stream.column,
                             qPrintable(QStringLiteral("%1 %2: tree %3:%4, stream %5:%6")
                                            .arg(file, path)
                                            .arg(tree.line)
                                            .arg(tree.column)
                                            .arg(stream.line)
                                            .arg(stream.column)));
                    ++checked;
                }
            }
        }
        QVERIFY(checked > 1000);
        qInfo("%d paths, %d by the block locator", checked, fast);
        // Block-style manifests take the fast path nearly always.
        QVERIFY2(fast * 10 > checked * 9,
                 qPrintable(QStringLiteral("%1 of %2").arg(fast).arg(checked)));
        // Text that breaks before the field cannot say where it is; before the break, it can.
        yaml::TextPosition p;
        QVERIFY(!yaml::locateField("{a: [unclosed", QStringLiteral("a"), &p));
        QVERIFY(yaml::locateField("a: 1\nb: [unclosed\n", QStringLiteral("a"), &p));
        QCOMPARE(p.line, 0);
    }
};

QTEST_GUILESS_MAIN(TestValidationEngine)
#include "tst_validation_engine.moc"

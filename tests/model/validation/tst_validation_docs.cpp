// The Istio-API scenarios of Istio's egress documentation (../shared/corpus/istio-docs, not the
// *.as-written.yaml copies with shell variables, not the Gateway API variants): the validator
// reports no Error, except references to objects the docs create imperatively (INDEX.md lists
// them) and the exceptions below.
#include "ValidationTestSupport.h"

#include <QDir>
#include <QRegularExpression>

using namespace egret;
using namespace egret::validation;

namespace {

QString docsDir() {
    return test::corpusDir() + QStringLiteral("/istio-docs");
}

// The names INDEX.md lists under "Objects made imperatively".
QStringList imperativeObjects() {
    QStringList out;
    const QString index =
        QString::fromUtf8(test::readFile(docsDir() + QStringLiteral("/INDEX.md")));
    for (const QString &line : index.split(QLatin1Char('\n'))) {
        if (!line.contains(QLatin1String("Objects made imperatively")))
            continue;
        const QRegularExpression name(QStringLiteral("`([a-z0-9-]+)`"));
        for (auto it = name.globalMatch(line); it.hasNext();)
            out << it.next().captured(1);
    }
    return out;
}

// Errors that istioctl analyze reports on these pages too.
bool knownException(const QString &scenario, const Finding &f) {
    // The SNI-forwarding blog post routes gateway traffic to an unresolvable placeholder host that
    // its EnvoyFilter replaces.
    return scenario.startsWith(QLatin1String("blog-2023-egress-sni/")) &&
           f.type == &msg::ReferencedResourceNotFound &&
           f.message.contains(QLatin1String("\"dummy.local\""));
}

} // namespace

class TestValidationDocs : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void scenarios_data() {
        EGRET_REQUIRE_CORPUS();
        QTest::addColumn<QStringList>("files");
        int count = 0;
        const QDir root(docsDir());
        for (const QString &task : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            const QDir dir(root.filePath(task));
            // A task's 00-* files set the stage (servers, gateways) for each of its scenarios.
            QStringList setup;
            for (const QString &f : dir.entryList({QStringLiteral("00-*.yaml")}, QDir::Files))
                setup << dir.filePath(f);
            for (const QString &f : dir.entryList({QStringLiteral("*.yaml")}, QDir::Files)) {
                if (f.startsWith(QLatin1String("00-")) ||
                    f.endsWith(QLatin1String(".as-written.yaml")))
                    continue;
                QTest::newRow(qPrintable(task + QLatin1Char('/') + f))
                    << (setup + QStringList{dir.filePath(f)});
                ++count;
            }
        }
        QVERIFY(count >= 15);
    }

    void scenarios() {
        QFETCH(QStringList, files);
        const QString scenario = QString::fromLatin1(QTest::currentDataTag());
        const QStringList imperative = imperativeObjects();
        QVERIFY(imperative.contains(QStringLiteral("client-credential")));
        QStringList errors;
        for (const Finding &f : test::validateFiles(files)) {
            if (f.type->level != Severity::Error || knownException(scenario, f))
                continue;
            bool imperativeReference = false;
            for (const QString &name : imperative)
                imperativeReference =
                    imperativeReference ||
                    (f.type == &msg::ReferencedResourceNotFound &&
                     f.message.contains(QLatin1Char('"') + name + QLatin1Char('"')));
            if (!imperativeReference)
                errors << f.toDiagnostic().toString();
        }
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    }

    // The 2019 proxy page writes the old `sni_hosts`: Istio's schema rejects it (INDEX.md notes
    // this); the validator names the unknown field.
    void outdatedFieldIsReported() {
        EGRET_REQUIRE_CORPUS();
        const QString file =
            docsDir() +
            QStringLiteral("/proxy/01-ingress-gateway-as-proxy-for-external-services.yaml");
        QStringList codes;
        for (const Finding &f : test::validateFiles({file}))
            codes << QLatin1String(f.type->code) + QLatin1Char(' ') + f.path;
        QVERIFY2(codes.contains(QStringLiteral("EGR0010 spec.tls[0].match[0].sni_hosts")),
                 qPrintable(codes.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestValidationDocs)
#include "tst_validation_docs.moc"

// Egret's X.509 validity reader (QtCore only, for the model) against QSslCertificate, on
// certificates of several kinds and on broken ones, and the credential checks that use it.
#include "ValidationTestSupport.h"

#include "model/validation/Certificate.h"

#include <QSslCertificate>

using namespace egret;
using namespace egret::validation;

class TestValidationCertificate : public QObject {
    Q_OBJECT

    static QByteArray cert(const char *name) {
        return test::readFile(test::validationData(QStringLiteral("certs/") + QLatin1String(name)));
    }

    // The certificates the corpus' Secrets hold (one valid until 2122, one expired in 2023).
    static QVector<QByteArray> corpusCertificates() {
        QVector<QByteArray> out;
        if (!test::haveCorpus())
            return out;
        for (const char *file : {"gateway-secrets.yaml", "gateway-secrets-validation.yaml"}) {
            const Workspace ws =
                loadFiles({test::corpusDir() + QStringLiteral("/istio-analyzers/testdata/") +
                           QLatin1String(file)});
            for (const Resource *r : ws.resources())
                if (const Secret *s = r->as<Secret>())
                    if (s->data.value(QStringLiteral("tls.crt")).startsWith("-----BEGIN"))
                        out << s->data.value(QStringLiteral("tls.crt"));
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(!QSslCertificate::fromData(cert("rsa-10y.pem")).isEmpty(),
                 "Qt Network cannot read certificates here (no TLS backend)");
    }

    void agreesWithQt_data() {
        QTest::addColumn<QByteArray>("pem");
        for (const char *name :
             {"rsa-10y.pem", "ec-100y.pem", "rsa-expired-2021.pem", "rsa-not-yet-valid-2099.pem"})
            QTest::newRow(name) << cert(name);
        int i = 0;
        for (const QByteArray &pem : corpusCertificates())
            QTest::newRow(qPrintable(QStringLiteral("corpus-%1").arg(i++))) << pem;
    }

    void agreesWithQt() {
        QFETCH(QByteArray, pem);
        const QSslCertificate qt(pem, QSsl::Pem);
        QVERIFY(!qt.isNull());
        CertificateValidity ours;
        QString error;
        QVERIFY2(readPemCertificate(pem, &ours, &error), qPrintable(error));
        QCOMPARE(ours.notBefore, qt.effectiveDate().toUTC());
        QCOMPARE(ours.notAfter, qt.expiryDate().toUTC());
    }

    void datesAsWritten() {
        CertificateValidity v;
        QVERIFY(readPemCertificate(cert("rsa-expired-2021.pem"), &v));
        QCOMPARE(v.notBefore, QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC));
        QCOMPARE(v.notAfter, QDateTime(QDate(2021, 1, 1), QTime(0, 0), Qt::UTC));
        QVERIFY(!v.contains(QDateTime(QDate(2026, 6, 1), QTime(0, 0), Qt::UTC)));
        QVERIFY(readPemCertificate(cert("rsa-not-yet-valid-2099.pem"), &v)); // GeneralizedTime
        QCOMPARE(v.notBefore.date(), QDate(2099, 1, 1));
    }

    void rejectsWhatQtRejects_data() {
        QTest::addColumn<QByteArray>("pem");
        const QByteArray good = cert("rsa-10y.pem");
        const QByteArray der = QSslCertificate(good, QSsl::Pem).toDer();
        auto pem = [](const QByteArray &bytes) {
            return "-----BEGIN CERTIFICATE-----\n" + bytes.toBase64() +
                   "\n-----END CERTIFICATE-----\n";
        };
        QTest::newRow("not PEM") << QByteArray("hush hush hush\n");
        QTest::newRow("truncated") << pem(der.left(der.size() - 10));
        QByteArray badLength = der;
        badLength[1] = char(0x80); // indefinite length: not DER
        QTest::newRow("indefinite length") << pem(badLength);
        QTest::newRow("not base64")
            << QByteArray("-----BEGIN CERTIFICATE-----\n%%%%\n-----END CERTIFICATE-----\n");
        QTest::newRow("no END line") << good.left(good.size() - 30);
        QTest::newRow("empty block")
            << QByteArray("-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n");
    }

    void rejectsWhatQtRejects() {
        QFETCH(QByteArray, pem);
        CertificateValidity v;
        QVERIFY(!readPemCertificate(pem, &v));
        QVERIFY(QSslCertificate(pem, QSsl::Pem).isNull());
    }

    // Go's x509.ParseCertificate, which Istio uses, refuses bytes after the certificate; OpenSSL
    // (behind QSslCertificate) ignores them. Egret judges as Istio does.
    void trailingBytesAsIstio() {
        const QByteArray der = QSslCertificate(cert("rsa-10y.pem"), QSsl::Pem).toDer();
        CertificateValidity v;
        QVERIFY(readDerCertificate(der, &v));
        QString error;
        QVERIFY(!readDerCertificate(der + QByteArray("\x00\x00", 2), &v, &error));
        QVERIFY2(error.contains(QLatin1String("after the certificate")), qPrintable(error));
    }

    // As Go's pem.Decode, only the first block counts: a key before the certificate is invalid.
    void firstBlockOnly() {
        const QByteArray key = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n"
                               "-----END PRIVATE KEY-----\n";
        CertificateValidity v;
        QVERIFY(!readPemCertificate(key + cert("rsa-10y.pem"), &v));
        QVERIFY(readPemCertificate(cert("rsa-10y.pem") + key, &v));
    }
};

QTEST_GUILESS_MAIN(TestValidationCertificate)
#include "tst_validation_certificate.moc"

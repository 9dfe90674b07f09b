#include "model/webhook/ServerTls.h"

#include "model/webhook/Fields.h"

#include <QSet>
#include <QStringList>

namespace egret::webhook {

namespace {

// The cipher suites Envoy's BoringSSL takes by name (Istio's ValidCipherSuites).
bool isKnownCipherSuite(const QString &suite) {
    static const QSet<QString> known = {
        QStringLiteral("ECDHE-ECDSA-AES128-GCM-SHA256"),
        QStringLiteral("ECDHE-RSA-AES128-GCM-SHA256"),
        QStringLiteral("ECDHE-ECDSA-AES256-GCM-SHA384"),
        QStringLiteral("ECDHE-RSA-AES256-GCM-SHA384"),
        QStringLiteral("ECDHE-ECDSA-CHACHA20-POLY1305"),
        QStringLiteral("ECDHE-RSA-CHACHA20-POLY1305"),
        QStringLiteral("ECDHE-ECDSA-AES128-SHA"),
        QStringLiteral("ECDHE-RSA-AES128-SHA"),
        QStringLiteral("ECDHE-ECDSA-AES256-SHA"),
        QStringLiteral("ECDHE-RSA-AES256-SHA"),
        QStringLiteral("AES128-GCM-SHA256"),
        QStringLiteral("AES256-GCM-SHA384"),
        QStringLiteral("AES128-SHA"),
        QStringLiteral("AES256-SHA"),
        QStringLiteral("DES-CBC3-SHA"),
    };
    // "ALL" and expressions such as "-AES128-SHA" or "!aNULL" go to BoringSSL unchecked.
    if (suite.isEmpty() || suite == QLatin1String("ALL") || !suite[0].isLetterOrNumber())
        return true;
    return known.contains(suite);
}

bool hasText(const YAML::Node &map, const char *key) {
    return !text(field(map, key)).isEmpty();
}

bool hasItems(const YAML::Node &map, const char *key) {
    const YAML::Node list = field(map, key);
    return list && list.IsSequence() && list.size() > 0;
}

QString sortedList(QStringList names) {
    names.sort();
    names.removeDuplicates();
    return names.join(QStringLiteral(", "));
}

// TLS 1.0 and 1.1 need ciphers that the default list no longer has; unknown or repeated suites
// are dropped by istiod rather than refused.
void checkCipherSuites(const YAML::Node &tls, const QString &path, WebhookReport &report) {
    const YAML::Node minVersion = field(tls, "minProtocolVersion");
    const QString version = text(minVersion);
    if ((version == QLatin1String("TLSV1_0") || version == QLatin1String("TLSV1_1")) &&
        !hasItems(tls, "cipherSuites"))
        report.warning(minVersion, joinPath(path, "minProtocolVersion"),
                       QStringLiteral("TLS versions below TLSV1_2 need cipherSuites set: the "
                                      "default suites no longer include ones they can use"));
    QStringList unknown;
    QStringList repeated;
    QSet<QString> seen;
    const YAML::Node suites = field(tls, "cipherSuites");
    forEachItem(suites, [&](const YAML::Node &item, int) {
        const QString suite = text(item);
        if (!isKnownCipherSuite(suite))
            unknown << suite;
        else if (seen.contains(suite))
            repeated << suite;
        else
            seen.insert(suite);
    });
    if (!unknown.isEmpty())
        report.warning(suites, joinPath(path, "cipherSuites"),
                       QStringLiteral("cipher suites Envoy does not know are ignored: %1")
                           .arg(sortedList(unknown)));
    if (!repeated.isEmpty())
        report.warning(
            suites, joinPath(path, "cipherSuites"),
            QStringLiteral("cipher suites listed twice are ignored: %1").arg(sortedList(repeated)));
}

// ISTIO_MUTUAL serves the workload certificate Istio issues; naming another one is an error.
void checkIstioMutual(const YAML::Node &tls, const QString &path, WebhookReport &report) {
    for (const char *key : {"serverCertificate", "privateKey", "caCertificates", "credentialName"})
        if (hasText(tls, key))
            report.error(field(tls, key), joinPath(path, key),
                         QStringLiteral("ISTIO_MUTUAL uses the certificates Istio issues; %1 "
                                        "cannot be set")
                             .arg(QLatin1String(key)));
    for (const char *key : {"tlsCertificates", "credentialNames"})
        if (hasItems(tls, key))
            report.error(field(tls, key), joinPath(path, key),
                         QStringLiteral("ISTIO_MUTUAL uses the certificates Istio issues; %1 "
                                        "cannot be set")
                             .arg(QLatin1String(key)));
}

void warnIgnoredCertificates(const YAML::Node &tls, const QString &mode, const QString &path,
                             WebhookReport &report) {
    bool any = false;
    for (const char *key :
         {"caCrl", "serverCertificate", "privateKey", "caCertificates", "credentialName"})
        any = any || hasText(tls, key);
    any = any || hasItems(tls, "tlsCertificates") || hasItems(tls, "credentialNames");
    if (any)
        report.warning(tls, path,
                       QStringLiteral("%1 mode does not terminate TLS: its certificates are "
                                      "ignored")
                           .arg(mode));
}

// The schema already refuses two of credentialName, credentialNames and tlsCertificates; what is
// left is a serverCertificate/privateKey pair next to one of them.
void checkOneCertificateSource(const YAML::Node &tls, const QString &path, WebhookReport &report) {
    if (!hasText(tls, "serverCertificate") || !hasText(tls, "privateKey"))
        return;
    if (hasText(tls, "credentialName") || hasItems(tls, "credentialNames") ||
        hasItems(tls, "tlsCertificates"))
        report.error(tls, path,
                     QStringLiteral("only one of credentialName, credentialNames, "
                                    "serverCertificate/privateKey and tlsCertificates may be set"));
}

void checkCertificatePair(const YAML::Node &cert, const QString &path, const QString &prefix,
                          WebhookReport &report) {
    if (!hasText(cert, "serverCertificate"))
        report.error(
            cert, path,
            QStringLiteral("%1 needs a server certificate (serverCertificate)").arg(prefix));
    if (!hasText(cert, "privateKey"))
        report.error(cert, path, QStringLiteral("%1 needs a private key (privateKey)").arg(prefix));
}

// SIMPLE, MUTUAL and OPTIONAL_MUTUAL terminate TLS with files mounted in the gateway, unless a
// credential names a Secret.
void checkTerminatingCertificates(const YAML::Node &tls, const QString &mode, const QString &path,
                                  WebhookReport &report) {
    const bool mutual = mode != QLatin1String("SIMPLE");
    const QString prefix = mutual ? QStringLiteral("MUTUAL TLS") : QStringLiteral("SIMPLE TLS");
    if (mutual && !hasText(tls, "caCertificates"))
        report.error(tls, path,
                     QStringLiteral("%1 needs a client CA bundle (caCertificates)").arg(prefix));
    const YAML::Node certificates = field(tls, "tlsCertificates");
    if (!hasItems(tls, "tlsCertificates")) {
        checkCertificatePair(tls, path, prefix, report);
        return;
    }
    if (certificates.size() > 2)
        report.warning(certificates, joinPath(path, "tlsCertificates"),
                       QStringLiteral("%1 supports at most 2 server certificates").arg(prefix));
    forEachItem(certificates, [&](const YAML::Node &cert, int i) {
        checkCertificatePair(cert, indexed(joinPath(path, "tlsCertificates"), i), prefix, report);
    });
}

void checkCrl(const YAML::Node &tls, const QString &mode, const QString &path,
              WebhookReport &report) {
    if (!hasText(tls, "caCrl"))
        return;
    const YAML::Node crl = field(tls, "caCrl");
    if (hasText(tls, "credentialName"))
        report.error(crl, joinPath(path, "caCrl"),
                     QStringLiteral("caCrl cannot be used with credentialName: put the CRL in the "
                                    "credential's Secret"));
    if (mode == QLatin1String("SIMPLE"))
        report.error(crl, joinPath(path, "caCrl"),
                     QStringLiteral("caCrl is not supported with SIMPLE TLS"));
}

} // namespace

void checkServerTls(const YAML::Node &tls, const QString &path, WebhookReport &report) {
    if (!tls || !tls.IsMap())
        return;
    checkCipherSuites(tls, path, report);
    QString mode = text(field(tls, "mode"));
    if (mode.isEmpty())
        mode = QStringLiteral("PASSTHROUGH");
    if (mode == QLatin1String("ISTIO_MUTUAL")) {
        checkIstioMutual(tls, path, report);
        return;
    }
    if (mode == QLatin1String("PASSTHROUGH") || mode == QLatin1String("AUTO_PASSTHROUGH"))
        warnIgnoredCertificates(tls, mode, path, report);
    checkOneCertificateSource(tls, path, report);
    const bool terminates = mode == QLatin1String("SIMPLE") || mode == QLatin1String("MUTUAL") ||
                            mode == QLatin1String("OPTIONAL_MUTUAL");
    // A credential is fetched from a Secret at run time: nothing more to check here.
    if (terminates && (hasText(tls, "credentialName") || hasItems(tls, "credentialNames")))
        return;
    if (terminates)
        checkTerminatingCertificates(tls, mode, path, report);
    checkCrl(tls, mode, path, report);
}

} // namespace egret::webhook

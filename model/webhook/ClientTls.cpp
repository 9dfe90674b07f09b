// Istio's webhook for a DestinationRule's client TLS settings (agent.ValidateTLS in
// pkg/config/validation/agent/validation.go).
#include "model/webhook/Fields.h"
#include "model/webhook/TrafficPolicy.h"
#include "model/webhook/TypedValues.h"

#include <QStringList>

namespace egret::webhook {

namespace {

const QLatin1String kConfigMapScheme("configmap://");

// A "configmap://namespace/name" credential is read from the config cluster: it must name both,
// and only a ConfigMap of the DestinationRule's own namespace.
void checkConfigMapCredential(const YAML::Node &tls, const QString &path, const QString &ns,
                              WebhookReport &report) {
    const YAML::Node credential = field(tls, "credentialName");
    const QString name = stringOr(credential);
    if (!name.startsWith(kConfigMapScheme))
        return;
    const QStringList parts = name.mid(kConfigMapScheme.size()).split(QLatin1Char('/'));
    const QString where = joinPath(path, "credentialName");
    if (parts.size() < 2 || parts[0].isEmpty() || parts[1].isEmpty())
        report.error(credential, where,
                     QStringLiteral("credentialName \"%1\" must name a namespace and a ConfigMap: "
                                    "configmap://<namespace>/<name>")
                         .arg(name));
    else if (!ns.isEmpty() && parts[0] != ns)
        report.error(credential, where,
                     QStringLiteral("credentialName \"%1\" names a ConfigMap of namespace %2; "
                                    "only one of this document's namespace %3 may be used")
                         .arg(name, parts[0], ns));
}

// insecureSkipVerify turns off the server's verification; whatever would verify it is refused.
void checkInsecureSkipVerify(const YAML::Node &tls, const QString &mode, const QString &path,
                             WebhookReport &report) {
    const YAML::Node skip = field(tls, "insecureSkipVerify");
    if (!isTrue(skip))
        return;
    const bool ca = !stringOr(field(tls, "caCertificates")).isEmpty();
    const bool sans = itemCount(field(tls, "subjectAltNames")) > 0;
    const QString where = joinPath(path, "insecureSkipVerify");
    if (mode == QLatin1String("SIMPLE") &&
        (ca || sans || !stringOr(field(tls, "credentialName")).isEmpty()))
        report.error(skip, where,
                     QStringLiteral("insecureSkipVerify skips the server's verification, so "
                                    "caCertificates, credentialName and subjectAltNames cannot "
                                    "be set with it in SIMPLE mode"));
    if (mode == QLatin1String("MUTUAL") && (ca || sans))
        report.error(skip, where,
                     QStringLiteral("insecureSkipVerify skips the server's verification, so "
                                    "caCertificates and subjectAltNames cannot be set with it"));
}

} // namespace

void checkClientTls(const YAML::Node &tls, const QString &path, const QString &ns,
                    WebhookReport &report) {
    if (!isMap(tls))
        return;
    const QString mode = stringOf(field(tls, "mode")).value_or(QStringLiteral("DISABLE"));
    auto has = [&](const char *key) { return !stringOr(field(tls, key)).isEmpty(); };
    checkConfigMapCredential(tls, path, ns, report);
    checkInsecureSkipVerify(tls, mode, path, report);
    const bool originates = mode == QLatin1String("SIMPLE") || mode == QLatin1String("MUTUAL");
    if (originates && has("credentialName")) {
        // The secret holds the certificates; files named beside it are refused.
        if (has("clientCertificate") || has("privateKey") || has("caCertificates") || has("caCrl"))
            report.error(field(tls, "credentialName"), joinPath(path, "credentialName"),
                         QStringLiteral("with credentialName the certificates come from the "
                                        "secret; clientCertificate, privateKey, caCertificates "
                                        "and caCrl cannot be set too"));
        return;
    }
    if (mode != QLatin1String("MUTUAL"))
        return;
    if (!has("clientCertificate"))
        report.error(tls, path,
                     QStringLiteral("MUTUAL TLS needs a clientCertificate (or a credentialName)"));
    if (!has("privateKey"))
        report.error(tls, path,
                     QStringLiteral("MUTUAL TLS needs a privateKey (or a credentialName)"));
}

} // namespace egret::webhook

// Istio's webhook for a Sidecar's ingress listeners (the ingress part of ValidateSidecar, with
// validateSidecarIngressPortAndBind and validateTLSOptions, in
// pkg/config/validation/validation.go).
#include "model/webhook/Addresses.h"
#include "model/webhook/Fields.h"
#include "model/webhook/SidecarRules.h"
#include "model/webhook/TrafficPolicy.h"
#include "model/webhook/TypedValues.h"

#include <QSet>

namespace egret::webhook::sidecar {

namespace {

const QLatin1String kUnixPrefix("unix://");

// protocol.Parse: the names Istio knows, in any case.
bool isKnownProtocol(const QString &protocol) {
    static const QSet<QString> known = {
        QStringLiteral("tcp"),      QStringLiteral("udp"),   QStringLiteral("grpc"),
        QStringLiteral("grpc-web"), QStringLiteral("http"),  QStringLiteral("http_proxy"),
        QStringLiteral("http2"),    QStringLiteral("https"), QStringLiteral("tls"),
        QStringLiteral("mongo"),    QStringLiteral("redis"), QStringLiteral("mysql"),
    };
    return known.contains(protocol.toLower());
}

bool isHttpProtocol(const QString &protocol) {
    const QString p = protocol.toLower();
    return p == QLatin1String("http") || p == QLatin1String("http2") ||
           p == QLatin1String("http_proxy") || p == QLatin1String("grpc") ||
           p == QLatin1String("grpc-web");
}

bool isTlsProtocol(const QString &protocol) {
    const QString p = protocol.toLower();
    return p == QLatin1String("https") || p == QLatin1String("tls");
}

// Go's net.SplitHostPort: "host:port" or "[v6 host]:port". False when the text is neither.
bool splitHostPort(const QString &text, QString &host, QString &port) {
    qsizetype colon = -1;
    if (text.startsWith(QLatin1Char('['))) {
        const qsizetype end = text.indexOf(QLatin1Char(']'));
        if (end < 0 || end + 1 >= text.size() || text[end + 1] != QLatin1Char(':'))
            return false;
        host = text.mid(1, end - 1);
        colon = end + 1;
    } else {
        colon = text.lastIndexOf(QLatin1Char(':'));
        if (colon < 0)
            return false;
        host = text.left(colon);
        if (host.contains(QLatin1Char(':')))
            return false;
    }
    if (host.contains(QLatin1Char('[')) || host.contains(QLatin1Char(']')))
        return false;
    port = text.mid(colon + 1);
    return !port.contains(QLatin1Char('[')) && !port.contains(QLatin1Char(']'));
}

// The application's endpoint: a loopback or any-address with a port, or a unix socket.
QString defaultEndpointProblem(const QString &endpoint) {
    if (endpoint.startsWith(kUnixPrefix))
        return checkUnixAddress(endpoint.mid(kUnixPrefix.size()));
    QString host;
    QString port;
    if (!splitHostPort(endpoint, host, port))
        return QStringLiteral("defaultEndpoint \"%1\" is not of the form host:port").arg(endpoint);
    static const QSet<QString> local = {QString(), QStringLiteral("127.0.0.1"),
                                        QStringLiteral("0.0.0.0"), QStringLiteral("::1"),
                                        QStringLiteral("::")};
    if (!local.contains(host))
        return QStringLiteral("defaultEndpoint must be 127.0.0.1:<port>, 0.0.0.0:<port>, "
                              "[::1]:<port>, [::]:<port> or unix://<path>, not \"%1\"")
            .arg(endpoint);
    bool ok = false;
    const qint64 number = port.toLongLong(&ok);
    if (!ok)
        return QStringLiteral("defaultEndpoint port \"%1\" is not a number").arg(port);
    return checkPort(number);
}

// The certificates are refused (Istio has no way to deliver them to a sidecar) or unused.
void checkUnsupportedTls(const YAML::Node &tls, const QString &path, WebhookReport &report) {
    const struct {
        const char *key;
        bool set;
    } unsupported[] = {
        {"subjectAltNames", itemCount(field(tls, "subjectAltNames")) > 0},
        {"httpsRedirect", isTrue(field(tls, "httpsRedirect"))},
        {"credentialName", !stringOr(field(tls, "credentialName")).isEmpty()},
        {"credentialNames", itemCount(field(tls, "credentialNames")) > 0},
        {"tlsCertificates", itemCount(field(tls, "tlsCertificates")) > 0},
    };
    for (const auto &u : unsupported)
        if (u.set)
            report.error(field(tls, u.key), joinPath(path, u.key),
                         QStringLiteral("a Sidecar's ingress TLS does not support %1")
                             .arg(QLatin1String(u.key)));
}

// validateTLSOptions for what a Sidecar accepts: the certificate files of the modes that
// terminate TLS, the CRL, old protocol versions.
void checkServerTlsFiles(const YAML::Node &tls, const QString &mode, const QString &path,
                         WebhookReport &report) {
    const QString minimum = stringOr(field(tls, "minProtocolVersion"));
    if ((minimum == QLatin1String("TLSV1_0") || minimum == QLatin1String("TLSV1_1")) &&
        itemCount(field(tls, "cipherSuites")) == 0)
        report.warning(field(tls, "minProtocolVersion"), joinPath(path, "minProtocolVersion"),
                       QStringLiteral("TLS versions below 1.2 need cipherSuites: the default "
                                      "ciphers no longer include ones they can use"));
    auto has = [&](const char *key) { return !stringOr(field(tls, key)).isEmpty(); };
    if (mode == QLatin1String("PASSTHROUGH") &&
        (has("caCrl") || has("serverCertificate") || has("privateKey") || has("caCertificates")))
        report.warning(tls, path,
                       QStringLiteral("PASSTHROUGH mode uses no certificates; the ones set are "
                                      "ignored"));
    const bool mutual = mode == QLatin1String("MUTUAL") || mode == QLatin1String("OPTIONAL_MUTUAL");
    if (mode != QLatin1String("SIMPLE") && !mutual)
        return;
    // With a credential or several certificates (refused above) the files are not needed.
    if (has("credentialName") || itemCount(field(tls, "credentialNames")) > 0 ||
        itemCount(field(tls, "tlsCertificates")) > 0)
        return;
    const QString label = mutual ? QStringLiteral("MUTUAL") : QStringLiteral("SIMPLE");
    if (mutual && !has("caCertificates"))
        report.error(tls, path,
                     QStringLiteral("MUTUAL TLS needs caCertificates to verify the clients"));
    if (!has("serverCertificate"))
        report.error(tls, path, QStringLiteral("%1 TLS needs a serverCertificate").arg(label));
    if (!has("privateKey"))
        report.error(tls, path, QStringLiteral("%1 TLS needs a privateKey").arg(label));
    if (mode == QLatin1String("SIMPLE") && has("caCrl"))
        report.error(field(tls, "caCrl"), joinPath(path, "caCrl"),
                     QStringLiteral("caCrl cannot be used with SIMPLE TLS, which verifies no "
                                    "client certificate"));
}

void checkIngressTls(const YAML::Node &tls, const QString &path, const QString &protocol,
                     WebhookReport &report) {
    if (!isMap(tls))
        return;
    checkUnsupportedTls(tls, path, report);
    const QString mode = stringOf(field(tls, "mode")).value_or(QStringLiteral("PASSTHROUGH"));
    if (mode == QLatin1String("ISTIO_MUTUAL") || mode == QLatin1String("AUTO_PASSTHROUGH")) {
        report.error(field(tls, "mode"), joinPath(path, "mode"),
                     QStringLiteral("a Sidecar's ingress TLS cannot use mode %1").arg(mode));
        return;
    }
    if (!isTlsProtocol(protocol))
        report.error(tls, path,
                     QStringLiteral("TLS settings need a port of protocol HTTPS or TLS, not "
                                    "\"%1\"")
                         .arg(protocol));
    checkServerTlsFiles(tls, mode, path, report);
}

void checkIngressConnectionPool(const YAML::Node &listener, const YAML::Node &port,
                                const QString &path, WebhookReport &report) {
    const YAML::Node pool = field(listener, "connectionPool");
    checkConnectionPool(pool, joinPath(path, "connectionPool"), report);
    const QString protocol = stringOr(field(port, "protocol"));
    if (hasMessage(pool, "http") && !isHttpProtocol(protocol))
        report.warning(field(pool, "http"), joinPath(joinPath(path, "connectionPool"), "http"),
                       QStringLiteral("port %1 (%2) is not HTTP but %3, so only its TCP "
                                      "connection pool settings apply")
                           .arg(text(field(port, "number")), stringOr(field(port, "name")),
                                protocol.isEmpty() ? QStringLiteral("unset") : protocol));
}

void checkIngressListener(const YAML::Node &listener, const QString &path, QSet<qint64> &ports,
                          WebhookReport &report) {
    const YAML::Node port = field(listener, "port");
    if (!isMap(port))
        return; // the schema requires it
    const QString portPath = joinPath(path, "port");
    checkListenerPort(port, portPath, report);
    const YAML::Node number = field(port, "number");
    if (!isSet(number) || intOf(number)) {
        const qint64 n = intOf(number).value_or(0);
        if (const QString problem = checkPort(n); !problem.isEmpty())
            report.error(isSet(number) ? number : port, joinPath(portPath, "number"), problem);
        if (ports.contains(n))
            report.error(port, portPath,
                         QStringLiteral("ingress port %1 is used twice; the ports of IP "
                                        "listeners must be unique")
                             .arg(n));
        ports.insert(n);
    }
    const YAML::Node bind = field(listener, "bind");
    if (const QString problem = checkBindAddress(stringOr(bind)); !problem.isEmpty())
        report.error(bind, joinPath(path, "bind"), problem);
    const YAML::Node endpoint = field(listener, "defaultEndpoint");
    if (const QString e = stringOr(endpoint); !e.isEmpty()) {
        if (const QString problem = defaultEndpointProblem(e); !problem.isEmpty())
            report.error(endpoint, joinPath(path, "defaultEndpoint"), problem);
    }
    checkIngressTls(field(listener, "tls"), joinPath(path, "tls"),
                    stringOr(field(port, "protocol")), report);
    checkIngressConnectionPool(listener, port, path, report);
}

} // namespace

void checkListenerPort(const YAML::Node &port, const QString &path, WebhookReport &report) {
    const YAML::Node target = field(port, "targetPort");
    if (const auto n = intOf(target); n && *n > 0)
        report.error(target, joinPath(path, "targetPort"),
                     QStringLiteral("targetPort has no effect on a Sidecar; remove it"));
    const YAML::Node name = field(port, "name");
    if (const QString n = stringOr(name); !n.isEmpty() && !isIstioDnsLabel(n))
        report.error(name, joinPath(path, "name"),
                     QStringLiteral("port name \"%1\" is not a DNS label (letters, digits and "
                                    "'-', at most 63)")
                         .arg(n));
    const YAML::Node protocol = field(port, "protocol");
    if (const QString p = stringOr(protocol); !p.isEmpty() && !isKnownProtocol(p))
        report.error(protocol, joinPath(path, "protocol"),
                     QStringLiteral("protocol \"%1\" is not one Istio knows (HTTP, HTTPS, HTTP2, "
                                    "GRPC, GRPC-WEB, HTTP_PROXY, TCP, TLS, UDP, MONGO, MYSQL or "
                                    "REDIS)")
                         .arg(p));
}

QString checkBindAddress(const QString &bind) {
    if (bind.isEmpty() || isIpAddress(bind))
        return {};
    return QStringLiteral("bind \"%1\" is not an IP address").arg(bind);
}

void checkIngressListeners(const YAML::Node &spec, WebhookReport &report) {
    QSet<qint64> ports;
    forEachItem(field(spec, "ingress"), [&](const YAML::Node &listener, int i) {
        if (isMap(listener))
            checkIngressListener(listener, indexed(QStringLiteral("spec.ingress"), i), ports,
                                 report);
    });
}

} // namespace egret::webhook::sidecar

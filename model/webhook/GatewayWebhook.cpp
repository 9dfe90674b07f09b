// Istio's webhook for networking.istio.io Gateways (ValidateGateway in
// pkg/config/validation/validation.go).
#include "model/decode/NodeRead.h"
#include "model/webhook/Addresses.h"
#include "model/webhook/Fields.h"
#include "model/webhook/Protocol.h"
#include "model/webhook/ServerTls.h"
#include "model/webhook/Webhook.h"

#include <QSet>

namespace egret::webhook {

namespace {

// A Gateway that istiod itself translated from a Gateway API one: its name holds '~' and its
// hosts may use the "~" namespace (no route attached).
bool hasGatewaySemantics(const YAML::Node &document) {
    const YAML::Node annotations = field(field(document, "metadata"), "annotations");
    return text(field(annotations, "internal.istio.io/gateway-semantics")) ==
           QLatin1String("gateway");
}

// The name becomes part of listener and route names: one DNS label, no dots.
void checkGatewayName(const YAML::Node &document, bool gatewaySemantics, WebhookReport &report) {
    const YAML::Node name = field(field(document, "metadata"), "name");
    const QString value = text(name);
    if (gatewaySemantics || value.isEmpty() || isIstioDnsLabel(value))
        return;
    report.error(name, QStringLiteral("metadata.name"),
                 QStringLiteral("Gateway name \"%1\" must be a DNS label (letters, digits and "
                                "'-', no dots)")
                     .arg(value));
}

// The part after "namespace/" (or the whole host): an FQDN, possibly "*"-led, or an IP address.
void checkHostName(const QString &host, const YAML::Node &at, const QString &path,
                   WebhookReport &report) {
    if (host != QLatin1String("*") && !host.contains(QLatin1Char('.')))
        report.error(at, path,
                     QStringLiteral("host \"%1\" is a short name; a Gateway needs a fully "
                                    "qualified domain name")
                         .arg(host));
    if (const QString problem = checkWildcardDomain(host); !problem.isEmpty() && !isIpAddress(host))
        report.error(at, path, problem);
    if (host.contains(QLatin1Char('*')) && host.size() != 1 &&
        !host.startsWith(QLatin1String("*.")))
        report.error(at, path,
                     QStringLiteral("partial wildcard \"%1\" is not allowed; a wildcard must be a "
                                    "whole first label (\"*.example.com\")")
                         .arg(host));
}

// ValidateNamespaceSlashWildcardHostname for gateways: "ns/host", "./host", "*/host" or "host".
void checkServerHost(const YAML::Node &item, const QString &path, bool gatewaySemantics,
                     WebhookReport &report) {
    const QString host = text(item);
    if (!item || !item.IsScalar())
        return;
    const qsizetype slash = host.indexOf(QLatin1Char('/'));
    if (slash < 0) {
        checkHostName(host, item, path, report);
        return;
    }
    const QString ns = host.left(slash);
    const QString name = host.mid(slash + 1);
    if (ns.isEmpty() || name.isEmpty())
        report.error(item, path,
                     QStringLiteral("host \"%1\" needs both a namespace and a name around the "
                                    "'/'")
                         .arg(host));
    const bool knownNamespace = ns == QLatin1String("*") || ns == QLatin1String(".") ||
                                (gatewaySemantics && ns == QLatin1String("~"));
    if (!knownNamespace && !isIstioDnsLabel(ns))
        report.error(item, path,
                     QStringLiteral("namespace \"%1\" of host \"%2\" is not \"*\", \".\" or a "
                                    "namespace name")
                         .arg(ns, host));
    checkHostName(name, item, path, report);
}

void checkServerHosts(const YAML::Node &server, const QString &path, bool gatewaySemantics,
                      WebhookReport &report) {
    const YAML::Node hosts = field(server, "hosts");
    if (hosts && hosts.IsSequence() && hosts.size() == 0)
        report.error(hosts, joinPath(path, "hosts"),
                     QStringLiteral("a server needs at least one host"));
    forEachItem(hosts, [&](const YAML::Node &item, int i) {
        checkServerHost(item, indexed(joinPath(path, "hosts"), i), gatewaySemantics, report);
    });
}

// validateServerPort; returns whether the port is sound, which the TLS pairing rule needs.
bool checkServerPort(const YAML::Node &port, const QString &bind, const QString &path,
                     WebhookReport &report) {
    if (!port || !port.IsMap())
        return false; // required: the schema reports it
    const int before = report.errors();
    const YAML::Node protocol = field(port, "protocol");
    if (protocol && protocol.IsScalar() && parseProtocol(text(protocol)) == Protocol::Unsupported)
        report.error(protocol, joinPath(path, "protocol"),
                     QStringLiteral("protocol \"%1\" is not one Istio knows (%2)")
                         .arg(text(protocol), knownProtocols()));
    const YAML::Node number = field(port, "number");
    const std::optional<qint64> value = integer(number);
    if (value && (*value > 0 || !bind.startsWith(kUnixAddressPrefix)))
        if (const QString problem = checkPort(*value); !problem.isEmpty())
            report.error(number, joinPath(path, "number"), problem);
    const YAML::Node targetPort = field(port, "targetPort");
    if (integer(targetPort).value_or(0) > 0)
        report.error(targetPort, joinPath(path, "targetPort"),
                     QStringLiteral("targetPort has no effect on a Gateway; remove it"));
    const YAML::Node name = field(port, "name");
    if (name && name.IsScalar() && text(name).isEmpty())
        report.error(name, joinPath(path, "name"), QStringLiteral("a server port needs a name"));
    return report.errors() == before && value && protocol && protocol.IsScalar();
}

void checkServerBind(const YAML::Node &server, const QString &path, WebhookReport &report) {
    const YAML::Node bind = field(server, "bind");
    const QString value = text(bind);
    if (value.startsWith(kUnixAddressPrefix)) {
        if (const QString problem = checkUnixAddress(value.mid(kUnixAddressPrefix.size()));
            !problem.isEmpty())
            report.error(bind, joinPath(path, "bind"), problem);
        const YAML::Node number = field(field(server, "port"), "number");
        if (integer(number).value_or(0) != 0)
            report.error(number, joinPath(path, "port.number"),
                         QStringLiteral("a server bound to a unix domain socket needs port "
                                        "number 0"));
    } else if (!value.isEmpty() && !isIpAddress(value)) {
        report.error(bind, joinPath(path, "bind"),
                     QStringLiteral("bind \"%1\" is not an IP address").arg(value));
    }
}

bool isPassthrough(const YAML::Node &tls) {
    const QString mode = text(field(tls, "mode"));
    return mode.isEmpty() || mode == QLatin1String("PASSTHROUGH") ||
           mode == QLatin1String("AUTO_PASSTHROUGH");
}

// HTTPS and TLS servers need `tls`; others may carry it only to redirect HTTP to HTTPS.
void checkTlsForProtocol(const YAML::Node &server, const QString &path, WebhookReport &report) {
    const Protocol protocol = parseProtocol(text(field(field(server, "port"), "protocol")));
    const YAML::Node tls = field(server, "tls");
    const bool hasTls = tls && tls.IsMap();
    if (isTls(protocol) && !hasTls) {
        report.error(server, path,
                     QStringLiteral("an HTTPS or TLS server needs TLS settings (tls)"));
    } else if (!isTls(protocol) && hasTls) {
        if (!isHttp(protocol))
            report.error(tls, joinPath(path, "tls"),
                         QStringLiteral("a server whose protocol is neither HTTPS nor TLS cannot "
                                        "have TLS settings"));
        else if (!isPassthrough(tls) || !text(field(tls, "caCertificates")).isEmpty() ||
                 !text(field(tls, "privateKey")).isEmpty() ||
                 !text(field(tls, "serverCertificate")).isEmpty())
            report.error(tls, joinPath(path, "tls"),
                         QStringLiteral("a plain-text HTTP server cannot terminate TLS; only "
                                        "httpsRedirect belongs in its tls"));
    }
}

void checkServer(const YAML::Node &server, const QString &path, bool gatewaySemantics,
                 WebhookReport &report) {
    if (!server || !server.IsMap())
        return;
    checkServerHosts(server, path, gatewaySemantics, report);
    const bool portOk = checkServerPort(field(server, "port"), text(field(server, "bind")),
                                        joinPath(path, "port"), report);
    checkServerBind(server, path, report);
    checkServerTls(field(server, "tls"), joinPath(path, "tls"), report);
    if (portOk)
        checkTlsForProtocol(server, path, report);
}

// Port names identify the servers across the gateway; httpsRedirect only means something on a
// server that speaks HTTP.
void checkPortNamesAndRedirects(const YAML::Node &servers, WebhookReport &report) {
    QSet<QString> names;
    forEachItem(servers, [&](const YAML::Node &server, int i) {
        const YAML::Node port = field(server, "port");
        if (!port || !port.IsMap())
            return;
        const QString path = indexed(QStringLiteral("spec.servers"), i);
        const YAML::Node name = field(port, "name");
        if (name && name.IsScalar()) {
            if (names.contains(text(name)))
                report.error(name, path + QStringLiteral(".port.name"),
                             QStringLiteral("port name \"%1\" is used by two servers; server "
                                            "port names must be unique")
                                 .arg(text(name)));
            names.insert(text(name));
        }
        const YAML::Node tls = field(server, "tls");
        if (decode::boolean(tls, "httpsRedirect").value_or(false) &&
            !isHttp(parseProtocol(text(field(port, "protocol")))))
            report.warning(field(tls, "httpsRedirect"), path + QStringLiteral(".tls.httpsRedirect"),
                           QStringLiteral("tls.httpsRedirect only applies to HTTP servers"));
    });
}

} // namespace

void checkGateway(const YAML::Node &document, const QString &path, schema::CheckSink &sink) {
    WebhookReport report(sink, path);
    const bool gatewaySemantics = hasGatewaySemantics(document);
    checkGatewayName(document, gatewaySemantics, report);
    const YAML::Node spec = field(document, "spec");
    const YAML::Node servers = field(spec, "servers");
    if (!servers || !servers.IsSequence() || servers.size() == 0)
        report.error(spec && spec.IsMap() ? spec : document, QStringLiteral("spec"),
                     QStringLiteral("a Gateway needs at least one server"));
    forEachItem(servers, [&](const YAML::Node &server, int i) {
        checkServer(server, indexed(QStringLiteral("spec.servers"), i), gatewaySemantics, report);
    });
    checkPortNamesAndRedirects(servers, report);
}

} // namespace egret::webhook

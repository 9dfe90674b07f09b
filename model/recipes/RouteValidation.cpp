#include "model/recipes/HostNames.h"
#include "model/recipes/Patterns.h"

namespace egret::recipes {

namespace {

class Problems {
public:
    void add(const QString &field, const QString &message) {
        if (!message.isEmpty())
            m_list.append({field, message});
    }
    QVector<InputProblem> take() { return std::move(m_list); }

private:
    QVector<InputProblem> m_list;
};

QString checkPort(qint64 port, const char *what) {
    if (port < 1 || port > 65535)
        return QStringLiteral("%1 %2 is not a port (1 to 65535)")
            .arg(QLatin1String(what))
            .arg(port);
    return {};
}

QString notFor(const char *option, const PatternInfo &info, const char *which) {
    return QStringLiteral("--%1 applies to %2 only, not to %3")
        .arg(QLatin1String(option), QLatin1String(which), QLatin1String(info.name));
}

} // namespace

QString describe(const QVector<InputProblem> &problems) {
    QStringList lines;
    for (const InputProblem &p : problems)
        lines << p.field + QStringLiteral(": ") + p.message;
    return lines.join(QLatin1Char('\n'));
}

QVector<InputProblem> validateRequest(const RouteRequest &request) {
    const RouteRequest r = withDefaults(request);
    const PatternInfo &info = patternInfo(r.pattern);
    Problems p;
    p.add(QStringLiteral("host"), checkHost(r.host));
    const bool wildcard = istio::isDomainWildcard(r.host);
    if (wildcard && !info.allowsWildcard)
        p.add(QStringLiteral("host"),
              QStringLiteral("%1 cannot route a wildcard host: it needs one address to reach "
                             "(use tls-passthrough with --serving-host)")
                  .arg(QLatin1String(info.name)));

    if (r.port == 0)
        p.add(QStringLiteral("port"),
              QStringLiteral("%1 needs --port (the port the application connects to)")
                  .arg(QLatin1String(info.name)));
    else
        p.add(QStringLiteral("port"), checkPort(r.port, "port"));

    if (!r.ns.isEmpty())
        p.add(QStringLiteral("namespace"), checkDnsLabel(r.ns));
    if (r.targetFile.isEmpty())
        p.add(QStringLiteral("file"), QStringLiteral("name the file new resources go to"));

    if (!info.viaGateway) {
        if (!r.gateway.isEmpty())
            p.add(QStringLiteral("gateway"), notFor("gateway", info,
                                                    "patterns through the "
                                                    "egress gateway"));
        if (r.gatewayPort)
            p.add(QStringLiteral("gateway-port"),
                  notFor("gateway-port", info, "patterns through the egress gateway"));
    } else {
        if (!r.gateway.isEmpty()) {
            const QStringList parts = r.gateway.split(QLatin1Char('/'));
            if (parts.size() > 2)
                p.add(QStringLiteral("gateway"),
                      QStringLiteral("\"%1\" is not NAMESPACE/NAME").arg(r.gateway));
            else
                for (const QString &part : parts)
                    p.add(QStringLiteral("gateway"), checkDnsLabel(part));
        }
        p.add(QStringLiteral("gateway-port"), checkPort(r.gatewayPort, "gateway port"));
    }

    if (info.needsCredential && r.credentialName.isEmpty())
        p.add(QStringLiteral("credential"),
              QStringLiteral("mtls-origination needs --credential: the Secret holding the client "
                             "certificate, in the gateway's namespace"));
    else if (!info.needsCredential && !r.credentialName.isEmpty())
        p.add(QStringLiteral("credential"), notFor("credential", info, "mtls-origination"));
    else if (!r.credentialName.isEmpty())
        p.add(QStringLiteral("credential"), checkDnsSubdomain(r.credentialName));

    if (info.needsSubnet && r.subnet.isEmpty())
        p.add(QStringLiteral("subnet"),
              QStringLiteral("tcp needs --subnet: the address (IP or /32) the application "
                             "connects to (TCP carries no host name to route on)"));
    else if (!info.needsSubnet && !r.subnet.isEmpty())
        p.add(QStringLiteral("subnet"), notFor("subnet", info, "tcp"));
    else if (!r.subnet.isEmpty() && !checkCidr(r.subnet).isEmpty())
        p.add(QStringLiteral("subnet"), checkCidr(r.subnet));
    else if (!r.subnet.isEmpty() && singleAddress(r.subnet).isEmpty())
        // Istio accepts a CIDR range in a ServiceEntry only with resolution NONE or STATIC; the
        // gateway cannot forward NONE (the original destination is the gateway itself), and
        // STATIC needs the one endpoint to connect to.
        p.add(QStringLiteral("subnet"),
              QStringLiteral("tcp through the egress gateway needs one address (an IP, /32 or "
                             "/128), not the range %1: the gateway connects to a single endpoint")
                  .arg(r.subnet));

    if (wildcard && info.viaGateway && r.servingHost.isEmpty())
        p.add(QStringLiteral("serving-host"),
              QStringLiteral("a wildcard host through the gateway needs --serving-host: the one "
                             "host that serves every name of %1")
                  .arg(r.host));
    if (!r.servingHost.isEmpty()) {
        if (!wildcard || !info.viaGateway)
            p.add(QStringLiteral("serving-host"),
                  QStringLiteral("--serving-host applies to a wildcard --host through the egress "
                                 "gateway only"));
        else if (istio::isDomainWildcard(r.servingHost))
            p.add(QStringLiteral("serving-host"),
                  QStringLiteral("the serving host must be one host, not a wildcard"));
        else
            p.add(QStringLiteral("serving-host"), checkHost(r.servingHost));
    }
    return p.take();
}

} // namespace egret::recipes

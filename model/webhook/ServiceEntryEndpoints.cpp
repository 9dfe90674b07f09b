// The endpoints of a ServiceEntry, judged as istiod does for its resolution (the STATIC and DNS
// branches of ValidateServiceEntry and validateWorkloadEntry).
#include "model/webhook/ServiceEntryEndpoints.h"

#include "model/webhook/Addresses.h"
#include "model/webhook/Fields.h"
#include "model/webhook/Labels.h"

namespace egret::webhook {

namespace {

// An endpoint's ports map a name of spec.ports to the number it listens on.
void checkEndpointPorts(const YAML::Node &endpoint, const QString &path,
                        const ServiceEntryFacts &facts, WebhookReport &report) {
    const YAML::Node ports = field(endpoint, "ports");
    if (!ports || !ports.IsMap())
        return;
    for (auto it = ports.begin(); it != ports.end(); ++it) {
        const QString name = text(it->first);
        const QString at = joinPath(path, "ports") + QLatin1Char('.') + name;
        if (!facts.portNames.contains(name))
            report.error(it->first, at,
                         QStringLiteral("endpoint port \"%1\" is not the name of one of the "
                                        "ServiceEntry's ports")
                             .arg(name));
        if (!isIstioDnsLabel(name))
            report.error(it->first, at,
                         QStringLiteral("port name \"%1\" is not a DNS label (letters, digits "
                                        "and '-', at most 63)")
                             .arg(name));
        if (const std::optional<qint64> n = integer(it->second); n && !checkPort(*n).isEmpty())
            report.error(it->second, at, checkPort(*n));
    }
}

// Neither address nor network: the schema already says so. A network alone is accepted with a
// warning (the endpoint is reached through that network's gateway).
bool checkAddressGiven(const YAML::Node &endpoint, const QString &path, WebhookReport &report) {
    if (!text(field(endpoint, "address")).isEmpty())
        return true;
    const QString network = text(field(endpoint, "network"));
    if (!network.isEmpty()) {
        report.warning(
            endpoint, path,
            QStringLiteral("the endpoint has no address, only network \"%1\"").arg(network));
        return true;
    }
    if (field(endpoint, "address") || field(endpoint, "network"))
        report.error(endpoint, path, QStringLiteral("an endpoint needs an address"));
    return false;
}

// A unix domain socket endpoint serves the one service port, on no port number of its own.
void checkUnixEndpoint(const YAML::Node &endpoint, const QString &address, const QString &path,
                       const ServiceEntryFacts &facts, WebhookReport &report) {
    if (const QString problem = checkUnixAddress(address.mid(kUnixAddressPrefix.size()));
        !problem.isEmpty())
        report.error(field(endpoint, "address"), joinPath(path, "address"), problem);
    const YAML::Node ports = field(endpoint, "ports");
    if (ports && ports.IsMap() && ports.size() > 0)
        report.error(ports, joinPath(path, "ports"),
                     QStringLiteral("a unix domain socket endpoint cannot have ports"));
    if (facts.portNames.size() != 1)
        report.error(endpoint, path,
                     QStringLiteral("a unix domain socket endpoint needs the ServiceEntry to "
                                    "have exactly one port"));
}

void checkStaticEndpoint(const YAML::Node &endpoint, const QString &path,
                         const ServiceEntryFacts &facts, WebhookReport &report) {
    if (!checkAddressGiven(endpoint, path, report))
        return;
    const QString address = text(field(endpoint, "address"));
    if (address.startsWith(kUnixAddressPrefix))
        checkUnixEndpoint(endpoint, address, path, facts, report);
    else if (!address.isEmpty() && !isIpAddress(address))
        report.error(field(endpoint, "address"), joinPath(path, "address"),
                     QStringLiteral("endpoint address \"%1\" is not an IP address, which "
                                    "resolution STATIC needs (use resolution DNS for names)")
                         .arg(address));
    checkEndpointPorts(endpoint, path, facts, report);
    checkLabelMap(field(endpoint, "labels"), joinPath(path, "labels"), report);
}

void checkDnsEndpoint(const YAML::Node &endpoint, const QString &path,
                      const ServiceEntryFacts &facts, WebhookReport &report) {
    const YAML::Node addressNode = field(endpoint, "address");
    const QString address = text(addressNode);
    // Neither address nor network: the schema reports it.
    const bool schemaReported = !addressNode && !field(endpoint, "network");
    if (!schemaReported && !isIpAddress(address) && !checkFqdn(address).isEmpty())
        report.error(addressNode ? addressNode : endpoint, joinPath(path, "address"),
                     QStringLiteral("endpoint address \"%1\" is neither an IP address nor a "
                                    "fully qualified domain name")
                         .arg(address));
    checkLabelMap(field(endpoint, "labels"), joinPath(path, "labels"), report);
    checkEndpointPorts(endpoint, path, facts, report);
}

} // namespace

void checkStaticEndpoints(const YAML::Node &spec, const ServiceEntryFacts &facts,
                          WebhookReport &report) {
    forEachItem(field(spec, "endpoints"), [&](const YAML::Node &endpoint, int i) {
        if (endpoint.IsMap())
            checkStaticEndpoint(endpoint, indexed(QStringLiteral("spec.endpoints"), i), facts,
                                report);
    });
}

void checkDnsEndpoints(const YAML::Node &spec, const ServiceEntryFacts &facts,
                       WebhookReport &report) {
    forEachItem(field(spec, "endpoints"), [&](const YAML::Node &endpoint, int i) {
        if (endpoint.IsMap())
            checkDnsEndpoint(endpoint, indexed(QStringLiteral("spec.endpoints"), i), facts, report);
    });
}

} // namespace egret::webhook

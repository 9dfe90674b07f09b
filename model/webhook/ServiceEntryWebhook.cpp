// Istio's webhook for ServiceEntrys (ValidateServiceEntry in pkg/config/validation/validation.go).
// The endpoints' rules, which depend on the resolution, are in ServiceEntryEndpoints.cpp.
#include "model/webhook/Addresses.h"
#include "model/webhook/Fields.h"
#include "model/webhook/Protocol.h"
#include "model/webhook/ServiceEntryEndpoints.h"
#include "model/webhook/Webhook.h"

#include <QSet>

namespace egret::webhook {

namespace {

int itemCount(const YAML::Node &list) {
    return list && list.IsSequence() ? int(list.size()) : 0;
}

// The CRD requires a spec, and the webhook at least one host.
bool checkSpecAndHosts(const YAML::Node &document, const YAML::Node &spec, WebhookReport &report) {
    if (!isSet(spec)) {
        report.error(spec ? spec : document, QStringLiteral("spec"),
                     QStringLiteral("a ServiceEntry needs a spec with at least one host"));
        return false;
    }
    const YAML::Node hosts = field(spec, "hosts");
    if (hosts && hosts.IsSequence() && hosts.size() == 0)
        report.error(hosts, QStringLiteral("spec.hosts"),
                     QStringLiteral("a ServiceEntry needs at least one host"));
    return spec.IsMap();
}

// Selector values match labels exactly; an empty selector selects the whole namespace.
void checkWorkloadSelector(const YAML::Node &spec, WebhookReport &report) {
    const YAML::Node selector = field(spec, "workloadSelector");
    if (!selector || !selector.IsMap())
        return;
    const YAML::Node labels = field(selector, "labels");
    if (labels && labels.IsMap())
        checkSelectorLabels(labels, QStringLiteral("spec.workloadSelector.labels"), report);
    else
        report.warning(selector, QStringLiteral("spec.workloadSelector"),
                       QStringLiteral("a workload selector without labels selects every "
                                      "workload of the namespace"));
}

// Each host an FQDN, possibly "*."-led ("*" alone the schema refuses); a wildcard glued to a
// name ("*foo.com") is accepted with a warning.
void checkHosts(const YAML::Node &spec, WebhookReport &report) {
    forEachItem(field(spec, "hosts"), [&](const YAML::Node &item, int i) {
        const QString host = text(item);
        if (!item.IsScalar() || host == QLatin1String("*"))
            return;
        const QString path = indexed(QStringLiteral("spec.hosts"), i);
        if (const QString problem = checkWildcardDomain(host); !problem.isEmpty())
            report.error(item, path, problem);
        if (host.contains(QLatin1Char('*')) && !host.startsWith(QLatin1String("*.")))
            report.warning(item, path,
                           QStringLiteral("partial wildcard \"%1\" is not supported; a wildcard "
                                          "must be a whole first label (\"*.example.com\")")
                               .arg(host));
    });
}

void checkAddresses(const YAML::Node &spec, WebhookReport &report) {
    forEachItem(field(spec, "addresses"), [&](const YAML::Node &item, int i) {
        if (!item.IsScalar())
            return;
        if (const QString problem = checkIpSubnet(text(item)); !problem.isEmpty())
            report.error(item, indexed(QStringLiteral("spec.addresses"), i), problem);
    });
}

// Without addresses, istiod allocates one unless the resolution is NONE or the ServiceEntry opts
// out with the label networking.istio.io/enable-autoallocate-ip: "false".
QString whyNoAddress(const YAML::Node &document, const ServiceEntryFacts &facts) {
    if (facts.hasAddresses)
        return {};
    if (facts.resolution == QLatin1String("NONE"))
        return QStringLiteral("resolution NONE gets no automatic address");
    const YAML::Node labels = field(field(document, "metadata"), "labels");
    if (text(field(labels, "networking.istio.io/enable-autoallocate-ip")).toLower() ==
        QLatin1String("false"))
        return QStringLiteral("the ServiceEntry opts out of automatic addresses");
    return {};
}

void checkServicePort(const YAML::Node &port, const QString &path, const QString &noAddress,
                      QSet<QString> &names, WebhookReport &report) {
    const YAML::Node name = field(port, "name");
    if (name && name.IsScalar()) {
        const QString value = text(name);
        if (names.contains(value))
            report.error(name, joinPath(path, "name"),
                         QStringLiteral("port name \"%1\" is used twice").arg(value));
        names.insert(value);
        if (!isIstioDnsLabel(value))
            report.error(name, joinPath(path, "name"),
                         QStringLiteral("port name \"%1\" is not a DNS label (letters, digits "
                                        "and '-', at most 63)")
                             .arg(value));
    }
    const YAML::Node number = field(port, "number");
    if (const std::optional<qint64> n = integer(number); n && !checkPort(*n).isEmpty())
        report.error(number, joinPath(path, "number"), checkPort(*n));
    const YAML::Node target = field(port, "targetPort");
    if (const std::optional<qint64> n = integer(target); n && *n != 0 && !checkPort(*n).isEmpty())
        report.error(target, joinPath(path, "targetPort"),
                     QStringLiteral("targetPort %1 must be in the range 1..65535").arg(*n));
    const YAML::Node protocol = field(port, "protocol");
    const QString value = text(protocol);
    if (!value.isEmpty() && parseProtocol(value) == Protocol::Unsupported)
        report.error(protocol, joinPath(path, "protocol"),
                     QStringLiteral("protocol \"%1\" is not one Istio knows (%2)")
                         .arg(value, knownProtocols()));
    // TCP carries no host name: only a distinct address tells the services apart.
    if (!noAddress.isEmpty() && (value.isEmpty() || value == QLatin1String("TCP")))
        report.warning(port, path,
                       QStringLiteral("a TCP port (or one without a protocol) needs the "
                                      "ServiceEntry to have addresses, and %1; set addresses")
                           .arg(noAddress));
}

// Names and numbers of the ports, which endpoints refer to.
void checkPorts(const YAML::Node &document, const YAML::Node &spec, ServiceEntryFacts &facts,
                WebhookReport &report) {
    const QString noAddress = whyNoAddress(document, facts);
    forEachItem(field(spec, "ports"), [&](const YAML::Node &port, int i) {
        if (port.IsMap())
            checkServicePort(port, indexed(QStringLiteral("spec.ports"), i), noAddress,
                             facts.portNames, report);
    });
}

// With several hosts, only a Host header or an SNI tells which one a connection is for.
void checkHostsNeedHttpOrTls(const YAML::Node &spec, const ServiceEntryFacts &facts,
                             WebhookReport &report) {
    if (facts.resolution == QLatin1String("NONE") || itemCount(field(spec, "hosts")) < 2)
        return;
    bool reported = false;
    forEachItem(field(spec, "ports"), [&](const YAML::Node &port, int i) {
        const QString name = text(field(port, "protocol"));
        const Protocol protocol = parseProtocol(name);
        if (reported || !port.IsMap() || isHttp(protocol) || isTls(protocol))
            return;
        reported = true;
        report.error(port, indexed(QStringLiteral("spec.ports"), i),
                     QStringLiteral("a ServiceEntry with several hosts and resolution %1 needs "
                                    "HTTP or TLS ports to tell the hosts apart; this port's "
                                    "protocol is %2")
                         .arg(facts.resolution, name.isEmpty() ? QStringLiteral("unset") : name));
    });
}

// With an address and a TCP port, the address cannot lead to more than one host.
void warnAddressWithSeveralHosts(const YAML::Node &spec, const ServiceEntryFacts &facts,
                                 WebhookReport &report) {
    if (!facts.hasAddresses || itemCount(field(spec, "hosts")) < 2)
        return;
    bool tcp = false;
    forEachItem(field(spec, "ports"), [&](const YAML::Node &port, int) {
        tcp = tcp || isTcp(parseProtocol(text(field(port, "protocol"))));
    });
    if (tcp)
        report.warning(field(spec, "hosts"), QStringLiteral("spec.hosts"),
                       QStringLiteral("a ServiceEntry with addresses and a TCP port should have "
                                      "one host: the address cannot tell several apart"));
}

// DNS resolution without endpoints looks the hosts themselves up.
void checkHostsResolvable(const YAML::Node &spec, const ServiceEntryFacts &facts,
                          WebhookReport &report) {
    if (itemCount(field(spec, "endpoints")) > 0)
        return;
    forEachItem(field(spec, "hosts"), [&](const YAML::Node &item, int i) {
        if (item.IsScalar() && !checkFqdn(text(item)).isEmpty())
            report.error(item, indexed(QStringLiteral("spec.hosts"), i),
                         QStringLiteral("host \"%1\" is not a fully qualified domain name, which "
                                        "resolution %2 without endpoints needs to look it up")
                             .arg(text(item), facts.resolution));
    });
}

void checkResolution(const YAML::Node &spec, const ServiceEntryFacts &facts,
                     WebhookReport &report) {
    if (facts.resolution == QLatin1String("NONE")) {
        const YAML::Node selector = field(spec, "workloadSelector");
        if (isSet(selector))
            report.warning(selector, QStringLiteral("spec.workloadSelector"),
                           QStringLiteral("workloadSelector has no effect with resolution NONE"));
    } else if (facts.resolution == QLatin1String("STATIC")) {
        checkStaticEndpoints(spec, facts, report);
    } else if (facts.resolution == QLatin1String("DNS") ||
               facts.resolution == QLatin1String("DNS_ROUND_ROBIN")) {
        checkHostsResolvable(spec, facts, report);
        checkDnsEndpoints(spec, facts, report);
        warnAddressWithSeveralHosts(spec, facts, report);
    }
}

} // namespace

void checkServiceEntry(const YAML::Node &document, const QString &path, schema::CheckSink &sink) {
    WebhookReport report(sink, path);
    const YAML::Node spec = field(document, "spec");
    if (!checkSpecAndHosts(document, spec, report))
        return;
    ServiceEntryFacts facts;
    facts.resolution = text(field(spec, "resolution"));
    if (facts.resolution.isEmpty())
        facts.resolution = QStringLiteral("NONE");
    facts.hasAddresses = itemCount(field(spec, "addresses")) > 0;
    checkWorkloadSelector(spec, report);
    checkHosts(spec, report);
    checkAddresses(spec, report);
    checkPorts(document, spec, facts, report);
    checkResolution(spec, facts, report);
    checkHostsNeedHttpOrTls(spec, facts, report);
    checkExportTo(field(spec, "exportTo"), QStringLiteral("spec.exportTo"),
                  documentNamespace(document), ExportToOf::ServiceEntry, report);
}

} // namespace egret::webhook

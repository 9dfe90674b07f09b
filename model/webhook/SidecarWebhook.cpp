// Istio's webhook for Sidecars (ValidateSidecar in pkg/config/validation/validation.go, with
// agent.ValidateNamespaceSlashWildcardHostname for the egress hosts). The ingress listeners are
// in SidecarIngress.cpp.
#include "model/webhook/Addresses.h"
#include "model/webhook/Fields.h"
#include "model/webhook/SidecarRules.h"
#include "model/webhook/TrafficPolicy.h"
#include "model/webhook/TypedValues.h"
#include "model/webhook/Webhook.h"

#include <QHash>
#include <QSet>

namespace egret::webhook {

namespace {

using sidecar::checkBindAddress;
using sidecar::checkListenerPort;

const QLatin1String kUnixPrefix("unix://");

void checkWorkloadSelector(const YAML::Node &selector, WebhookReport &report) {
    if (!isMap(selector))
        return;
    const YAML::Node labels = field(selector, "labels");
    if (isMap(labels) && labels.size() > 0)
        checkSelectorLabels(labels, QStringLiteral("spec.workloadSelector.labels"), report);
    else
        report.warning(selector, QStringLiteral("spec.workloadSelector"),
                       QStringLiteral("a workload selector without labels applies this Sidecar "
                                      "to every workload of the namespace"));
}

// The dnsName part of "namespace/dnsName": a domain whose first label may be a wildcard.
QString egressDnsNameProblem(const QString &host, const QString &name) {
    if (name != QLatin1String("*") && !name.contains(QLatin1Char('.')))
        return QStringLiteral("egress host \"%1\" uses a short name; name the host fully, such "
                              "as %2.<namespace>.svc.cluster.local")
            .arg(host, name);
    if (const QString problem = checkWildcardDomain(name); !problem.isEmpty())
        return QStringLiteral("egress host \"%1\": %2").arg(host, problem);
    if (name.contains(QLatin1Char('*')) && name.size() != 1 &&
        !name.startsWith(QLatin1String("*.")))
        return QStringLiteral("egress host \"%1\": a wildcard must be the whole first label, "
                              "as in \"*.example.com\"")
            .arg(host);
    return {};
}

QString egressHostProblem(const QString &host) {
    const qsizetype slash = host.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return QStringLiteral("egress host \"%1\" must be of the form namespace/dnsName, such as "
                              "\"./api.example.com\" or \"istio-system/*\"")
            .arg(host);
    const QString ns = host.left(slash);
    const QString name = host.mid(slash + 1);
    if (ns.isEmpty() || name.isEmpty())
        return QStringLiteral("egress host \"%1\" needs both a namespace and a DNS name").arg(host);
    if (ns != QLatin1String("*") && ns != QLatin1String(".") && ns != QLatin1String("~") &&
        !isIstioDnsLabel(ns))
        return QStringLiteral("egress host \"%1\": its namespace is not \"*\", \".\", \"~\" or a "
                              "namespace name")
            .arg(host);
    return egressDnsNameProblem(host, name);
}

void checkEgressHosts(const YAML::Node &listener, const QString &path, const QString &ns,
                      WebhookReport &report) {
    const YAML::Node hosts = field(listener, "hosts");
    const QString hostsPath = joinPath(path, "hosts");
    if (!hosts || !hosts.IsSequence())
        return; // the schema requires them
    if (hosts.size() == 0) {
        report.error(hosts, hostsPath,
                     QStringLiteral("an egress listener needs at least one host"));
        return;
    }
    // Hosts by namespace, to warn of one that another host of the listener already covers.
    QHash<QString, QSet<QString>> imported;
    forEachItem(hosts, [&](const YAML::Node &item, int j) {
        const std::optional<QString> host = stringOf(item);
        if (!host)
            return;
        const QString where = indexed(hostsPath, j);
        if (const qsizetype slash = host->indexOf(QLatin1Char('/')); slash >= 0) {
            QString hostNs = host->left(slash);
            if (hostNs == QLatin1String(".") && !ns.isEmpty())
                hostNs = ns;
            const QString name = host->mid(slash + 1);
            QSet<QString> &names = imported[hostNs];
            const bool covered = name == QLatin1String("*")
                                     ? !names.isEmpty()
                                     : names.contains(name) || names.contains(QStringLiteral("*"));
            if (covered)
                report.warning(item, where,
                               QStringLiteral("egress host \"%1\" repeats what another host of "
                                              "this listener already imports")
                                   .arg(*host));
            names.insert(name);
        }
        if (const QString problem = egressHostProblem(*host); !problem.isEmpty())
            report.error(item, where, problem);
    });
    if (imported.value(QStringLiteral("*")).contains(QStringLiteral("*")) && imported.size() != 1)
        report.warning(hosts, hostsPath,
                       QStringLiteral("\"*/*\" imports every host, so the other hosts of this "
                                      "listener add nothing"));
}

// Listeners on IP ports need distinct ports; those on unix sockets (port 0) distinct sockets.
struct EgressPorts {
    QSet<qint64> numbers;
    QSet<QString> sockets;
};

void checkUnixListener(const YAML::Node &listener, const YAML::Node &port, const QString &path,
                       EgressPorts &seen, WebhookReport &report) {
    const YAML::Node bindNode = field(listener, "bind");
    const QString bind = stringOr(bindNode);
    if (!bind.startsWith(kUnixPrefix))
        report.error(port, joinPath(path, "port"),
                     QStringLiteral("an egress listener on port 0 listens on a unix domain "
                                    "socket: its bind must be unix://<path>"));
    else if (const QString problem = checkUnixAddress(bind.mid(kUnixPrefix.size()));
             !problem.isEmpty())
        report.error(bindNode, joinPath(path, "bind"), problem);
    const YAML::Node capture = field(listener, "captureMode");
    if (const QString mode = stringOr(capture);
        !mode.isEmpty() && mode != QLatin1String("DEFAULT") && mode != QLatin1String("NONE"))
        report.error(capture, joinPath(path, "captureMode"),
                     QStringLiteral("a unix domain socket listener takes captureMode DEFAULT or "
                                    "NONE, not %1")
                         .arg(mode));
    if (seen.sockets.contains(bind))
        report.error(
            port, joinPath(path, "port"),
            QStringLiteral("unix domain socket \"%1\" is bound by two listeners").arg(bind));
    seen.sockets.insert(bind);
}

void checkIpListener(const YAML::Node &listener, const YAML::Node &number, qint64 n,
                     const QString &path, EgressPorts &seen, WebhookReport &report) {
    if (const QString problem = checkPort(n); !problem.isEmpty())
        report.error(number, joinPath(path, "port.number"), problem);
    const YAML::Node bind = field(listener, "bind");
    if (const QString problem = checkBindAddress(stringOr(bind)); !problem.isEmpty())
        report.error(bind, joinPath(path, "bind"), problem);
    if (seen.numbers.contains(n))
        report.error(number, joinPath(path, "port.number"),
                     QStringLiteral("egress port %1 is used twice; the ports of IP listeners "
                                    "must be unique")
                         .arg(n));
    seen.numbers.insert(n);
}

void checkEgressPort(const YAML::Node &listener, const YAML::Node &port, const QString &path,
                     EgressPorts &seen, WebhookReport &report) {
    if (!isMap(port))
        return;
    checkListenerPort(port, joinPath(path, "port"), report);
    const YAML::Node number = field(port, "number");
    if (isSet(number) && !intOf(number))
        return; // the schema reports the type
    const qint64 n = intOf(number).value_or(0);
    if (n == 0)
        checkUnixListener(listener, port, path, seen, report);
    else
        checkIpListener(listener, number, n, path, seen, report);
}

void checkEgressListeners(const YAML::Node &spec, const QString &ns, WebhookReport &report) {
    const YAML::Node egress = field(spec, "egress");
    const int count = itemCount(egress);
    EgressPorts seen;
    forEachItem(egress, [&](const YAML::Node &listener, int i) {
        if (!isMap(listener))
            return;
        const QString path = indexed(QStringLiteral("spec.egress"), i);
        const YAML::Node port = field(listener, "port");
        // A listener without a port catches the traffic the others leave, so only the last
        // one may be (which also makes it the only one).
        if (!isSet(port) && i != count - 1)
            report.error(listener, path,
                         QStringLiteral("the egress listener without a port catches all other "
                                        "traffic, so it must be the last listener"));
        checkEgressPort(listener, port, path, seen, report);
        checkEgressHosts(listener, path, ns, report);
    });
}

void checkEgressProxy(const YAML::Node &policy, WebhookReport &report) {
    const YAML::Node proxy = field(policy, "egressProxy");
    if (!isMap(proxy))
        return;
    const QString path = QStringLiteral("spec.outboundTrafficPolicy.egressProxy");
    if (stringOr(field(policy, "mode")) != QLatin1String("ALLOW_ANY")) {
        report.error(proxy, path,
                     QStringLiteral("egressProxy works only with mode ALLOW_ANY; set "
                                    "outboundTrafficPolicy.mode to ALLOW_ANY"));
        return;
    }
    const YAML::Node host = field(proxy, "host");
    if (const auto name = stringOf(host)) {
        if (const QString problem = checkFqdn(*name); !problem.isEmpty())
            report.error(host, joinPath(path, "host"),
                         QStringLiteral("egressProxy host: %1").arg(problem));
    }
    const YAML::Node port = field(proxy, "port");
    if (!isSet(port)) {
        report.error(proxy, path, QStringLiteral("egressProxy needs a port"));
        return;
    }
    const YAML::Node subset = field(proxy, "subset");
    if (const QString name = stringOr(subset); !name.isEmpty() && !isIstioDnsLabel(name))
        report.error(subset, joinPath(path, "subset"),
                     QStringLiteral("subset name \"%1\" is not a DNS label (letters, digits and "
                                    "'-', at most 63)")
                         .arg(name));
    const YAML::Node number = field(port, "number");
    if (isSet(number) && !intOf(number))
        return;
    if (const QString problem = checkPort(intOf(number).value_or(0)); !problem.isEmpty())
        report.error(isSet(number) ? number : port, joinPath(path, "port.number"), problem);
}

bool isEmptySidecar(const YAML::Node &spec) {
    return itemCount(field(spec, "egress")) == 0 && itemCount(field(spec, "ingress")) == 0 &&
           !hasMessage(spec, "outboundTrafficPolicy") && !hasMessage(spec, "inboundConnectionPool");
}

} // namespace

void checkSidecar(const YAML::Node &document, const QString &path, schema::CheckSink &sink) {
    WebhookReport report(sink, path);
    const YAML::Node spec = field(document, "spec");
    if (isSet(spec) && !isMap(spec))
        return; // the schema reports the type
    if (isEmptySidecar(spec)) {
        report.error(isMap(spec) ? spec : document, QStringLiteral("spec"),
                     QStringLiteral("a Sidecar must set at least one of egress, ingress, "
                                    "outboundTrafficPolicy or inboundConnectionPool"));
        return;
    }
    checkWorkloadSelector(field(spec, "workloadSelector"), report);
    sidecar::checkIngressListeners(spec, report);
    checkConnectionPool(field(spec, "inboundConnectionPool"),
                        QStringLiteral("spec.inboundConnectionPool"), report);
    checkEgressListeners(spec, documentNamespace(document), report);
    checkEgressProxy(field(spec, "outboundTrafficPolicy"), report);
}

} // namespace egret::webhook

// Istio's webhook for VirtualServices (ValidateVirtualService in
// pkg/config/validation/validation.go): the document, its hosts and gateways, its tls and tcp
// routes. Http routes are in VirtualServiceHttpRoutes.cpp. The warnings Istio gives for
// unreachable rules and duplicate matches are Egret's IST0130/IST0131 analyzer
// (VirtualServiceValidationAnalyzer.cpp), so they are not repeated here.
#include "model/webhook/Addresses.h"
#include "model/webhook/Fields.h"
#include "model/webhook/VirtualServiceRules.h"
#include "model/webhook/Webhook.h"

#include <QRegularExpression>

namespace egret::webhook {

namespace {

using namespace vs;

QStringList texts(const YAML::Node &sequence) {
    QStringList out;
    forEachItem(sequence, [&](const YAML::Node &item, int) {
        if (item.IsScalar())
            out << text(item);
    });
    return out;
}

// Istio's host.Name.Matches and SubsetOf: a leading '*' matches any prefix.
bool wildcarded(const QString &h) {
    return h.startsWith(QLatin1Char('*'));
}

bool hostsOverlap(const QString &a, const QString &b) {
    if (wildcarded(a) && wildcarded(b))
        return a.size() < b.size() ? b.mid(1).endsWith(a.mid(1)) : a.mid(1).endsWith(b.mid(1));
    if (wildcarded(a))
        return b.endsWith(a.mid(1));
    if (wildcarded(b))
        return a.endsWith(b.mid(1));
    return a == b;
}

bool hostWithin(const QString &h, const QString &of) {
    if (wildcarded(h))
        return wildcarded(of) && h.size() >= of.size() && h.mid(1).endsWith(of.mid(1));
    return wildcarded(of) ? h.endsWith(of.mid(1)) : h == of;
}

// The names a gateway's AUTO_PASSTHROUGH server gives to SNI, outbound_.<port>_._.<host>.
QString checkAutoPassthroughSni(const QString &host) {
    const QStringList parts = host.split(QLatin1Char('_'));
    const QString format = QStringLiteral("outbound_.<PORT>_._.<HOSTNAME>");
    if (parts.size() < 4)
        return QStringLiteral("\"%1\" does not follow the %2 form").arg(host, format);
    auto trimDots = [](QString s) {
        while (s.startsWith(QLatin1Char('.')))
            s.remove(0, 1);
        while (s.endsWith(QLatin1Char('.')))
            s.chop(1);
        return s;
    };
    static const QRegularExpression digit(QStringLiteral("[0-9]"));
    static const QRegularExpression letter(QStringLiteral("[a-zA-Z]"));
    if (!trimDots(parts[1]).contains(digit) || !trimDots(parts[3]).contains(letter))
        return QStringLiteral("\"%1\" does not follow the %2 form").arg(host, format);
    return {};
}

// ValidateWildcardDomainForVirtualServiceBoundToGateway.
QString checkGatewayBoundHost(const QString &host, bool sni) {
    if (sni && host.startsWith(QLatin1String("outbound_")) && !host.isEmpty() && host.size() <= 255)
        return checkAutoPassthroughSni(host);
    return checkWildcardDomain(host);
}

struct Binding {
    bool toGateway = false; // names gateways, none of them "mesh"
    bool toMesh = false;
};

Binding bindingOf(const YAML::Node &gateways) {
    const QStringList names = texts(gateways);
    if (names.isEmpty())
        return {false, true};
    const bool mesh = names.contains(QStringLiteral("mesh"));
    return {!mesh, mesh};
}

// Istio validates SNI hosts as gateway hosts unless the VirtualService names "mesh" (even when it
// names no gateway at all).
bool sniAsGatewayHost(const YAML::Node &gateways) {
    return !texts(gateways).contains(QStringLiteral("mesh"));
}

bool hasSniHosts(const YAML::Node &tls) {
    bool found = false;
    forEachItem(tls, [&](const YAML::Node &route, int) {
        forEachItem(field(route, "match"), [&](const YAML::Node &match, int) {
            found = found || length(field(match, "sniHosts")) > 0;
        });
    });
    return found;
}

void checkHosts(const YAML::Node &spec, const Binding &binding, WebhookReport &report) {
    const YAML::Node hosts = field(spec, "hosts");
    const bool sni = hasSniHosts(field(spec, "tls"));
    bool allValid = true;
    forEachItem(hosts, [&](const YAML::Node &item, int i) {
        if (!item.IsScalar())
            return;
        const QString host = text(item);
        const QString at = indexed(QStringLiteral("spec.hosts"), i);
        const QString problem =
            binding.toGateway ? checkGatewayBoundHost(host, sni) : checkWildcardDomain(host);
        if (!problem.isEmpty()) {
            if (!isIpAddress(host)) {
                report.error(item, at, problem);
                allValid = false;
            }
        } else if (binding.toMesh && host == QLatin1String("*")) {
            report.error(item, at,
                         QStringLiteral("the host \"*\" is not allowed in a VirtualService that "
                                        "applies to the mesh (sidecars); name the hosts, or bind "
                                        "it to gateways only"));
            allValid = false;
        }
    });
    if (!allValid)
        return;
    const QStringList names = texts(hosts);
    if (names.size() != length(hosts))
        return; // the schema reports the items that are not strings
    for (int i = 0; i < names.size(); ++i)
        for (int j = i + 1; j < names.size(); ++j)
            if (hostsOverlap(names[i], names[j]))
                report.error(hosts[std::size_t(j)], indexed(QStringLiteral("spec.hosts"), j),
                             QStringLiteral("hosts \"%1\" and \"%2\" overlap; a VirtualService "
                                            "lists each host once")
                                 .arg(names[i], names[j]));
}

// A VirtualService without hosts is a delegate: only http routes, reached through a root.
void checkDelegateDocument(const YAML::Node &spec, WebhookReport &report) {
    const QString why = QStringLiteral("a delegate VirtualService (one without hosts) ");
    if (length(field(spec, "gateways")) > 0)
        report.error(field(spec, "gateways"), QStringLiteral("spec.gateways"),
                     why + QStringLiteral("cannot name gateways; its root does"));
    if (length(field(spec, "tls")) > 0)
        report.error(field(spec, "tls"), QStringLiteral("spec.tls"),
                     why + QStringLiteral("can only have http routes, not tls routes"));
    if (length(field(spec, "tcp")) > 0)
        report.error(field(spec, "tcp"), QStringLiteral("spec.tcp"),
                     why + QStringLiteral("can only have http routes, not tcp routes"));
}

// Claims are only known where a gateway has validated the token.
void checkJwtClaimRoutes(const YAML::Node &http, WebhookReport &report) {
    forEachItem(http, [&](const YAML::Node &route, int r) {
        forEachItem(field(route, "match"), [&](const YAML::Node &match, int m) {
            for (const char *table : {"headers", "withoutHeaders"}) {
                const YAML::Node headers = field(match, table);
                if (!headers || !headers.IsMap())
                    continue;
                for (auto it = headers.begin(); it != headers.end(); ++it)
                    if (isJwtClaimKey(text(it->first)))
                        report.error(it->first,
                                     QStringLiteral("spec.http[%1].match[%2].%3")
                                         .arg(r)
                                         .arg(m)
                                         .arg(QLatin1String(table)),
                                     QStringLiteral("routing on the JWT claim \"%1\" works only "
                                                    "on gateways, and this VirtualService "
                                                    "applies to the mesh")
                                         .arg(text(it->first)));
            }
        });
    });
}

void checkSubnets(const YAML::Node &subnets, const QString &path, WebhookReport &report) {
    forEachItem(subnets, [&](const YAML::Node &item, int i) {
        if (!item.IsScalar())
            return;
        const QString subnet = text(item);
        if (!checkIpSubnet(subnet).isEmpty())
            report.error(item, indexed(path, i),
                         QStringLiteral("\"%1\" is not an IP address or CIDR block").arg(subnet));
    });
}

// The parts tls and tcp matches share.
void checkL4Match(const YAML::Node &match, const QString &at, WebhookReport &report) {
    checkSubnets(field(match, "destinationSubnets"), at + QStringLiteral(".destinationSubnets"),
                 report);
    checkMatchPort(field(match, "port"), at + QStringLiteral(".port"), report);
    checkSourceLabels(field(match, "sourceLabels"), at + QStringLiteral(".sourceLabels"), report);
    checkGatewayNames(field(match, "gateways"), at + QStringLiteral(".gateways"), report);
}

void checkSniHost(const YAML::Node &item, const QString &at, const YAML::Node &spec,
                  WebhookReport &report) {
    const QString sni = text(item);
    const QString problem = sniAsGatewayHost(field(spec, "gateways"))
                                ? checkGatewayBoundHost(sni, true)
                                : checkWildcardDomain(sni);
    if (!problem.isEmpty()) {
        if (isIpAddress(sni))
            report.warning(item, at,
                           QStringLiteral("SNI host \"%1\" is an IP address, which SNI does not "
                                          "allow and most clients do not send")
                               .arg(sni));
        else
            report.error(item, at, problem);
        return;
    }
    const QStringList hosts = texts(field(spec, "hosts"));
    for (const QString &host : hosts)
        if (hostWithin(sni, host))
            return;
    report.error(item, at,
                 QStringLiteral("SNI host \"%1\" is not within any of the VirtualService's hosts "
                                "[%2]")
                     .arg(sni, hosts.join(QStringLiteral(", "))));
}

void checkTlsRoute(const YAML::Node &route, const QString &at, const YAML::Node &spec,
                   WebhookReport &report) {
    const YAML::Node matches = field(route, "match");
    if (matches && matches.IsSequence() && matches.size() == 0)
        report.error(matches, at + QStringLiteral(".match"),
                     QStringLiteral("a tls route needs at least one match (its SNI hosts)"));
    forEachItem(matches, [&](const YAML::Node &match, int m) {
        const QString mAt = indexed(at + QStringLiteral(".match"), m);
        const YAML::Node sniHosts = field(match, "sniHosts");
        if (sniHosts && sniHosts.IsSequence() && sniHosts.size() == 0)
            report.error(sniHosts, mAt + QStringLiteral(".sniHosts"),
                         QStringLiteral("a tls match needs at least one SNI host"));
        forEachItem(sniHosts, [&](const YAML::Node &item, int s) {
            if (item.IsScalar())
                checkSniHost(item, indexed(mAt + QStringLiteral(".sniHosts"), s), spec, report);
        });
        checkL4Match(match, mAt, report);
    });
    const YAML::Node routes = field(route, "route");
    if (length(routes) == 0)
        report.error(routes ? routes : route, at + QStringLiteral(".route"),
                     QStringLiteral("a tls route needs a route (its destinations)"));
    checkRouteDestinations(routes, at + QStringLiteral(".route"), report);
}

void checkTcpRoute(const YAML::Node &route, const QString &at, WebhookReport &report) {
    forEachItem(field(route, "match"), [&](const YAML::Node &match, int m) {
        checkL4Match(match, indexed(at + QStringLiteral(".match"), m), report);
    });
    const YAML::Node routes = field(route, "route");
    if (length(routes) == 0)
        report.error(routes ? routes : route, at + QStringLiteral(".route"),
                     QStringLiteral("a tcp route needs a route (its destinations)"));
    checkRouteDestinations(routes, at + QStringLiteral(".route"), report);
}

void checkRoutes(const YAML::Node &spec, const YAML::Node &document, WebhookReport &report) {
    const YAML::Node http = field(spec, "http"), tls = field(spec, "tls"), tcp = field(spec, "tcp");
    if (length(http) == 0 && length(tls) == 0 && length(tcp) == 0)
        report.error(spec && spec.IsMap() ? spec : document, QStringLiteral("spec"),
                     QStringLiteral("a VirtualService needs http, tls or tcp routes"));
    const bool delegate = length(field(spec, "hosts")) == 0;
    forEachItem(http, [&](const YAML::Node &route, int i) {
        const YAML::Node handOver = field(route, "delegate");
        const HttpRouteKind kind = delegate          ? HttpRouteKind::Delegate
                                   : isMap(handOver) ? HttpRouteKind::Root
                                                     : HttpRouteKind::Independent;
        checkHttpRoute(route, indexed(QStringLiteral("spec.http"), i), kind, report);
    });
    forEachItem(tls, [&](const YAML::Node &route, int i) {
        if (route.IsMap())
            checkTlsRoute(route, indexed(QStringLiteral("spec.tls"), i), spec, report);
    });
    forEachItem(tcp, [&](const YAML::Node &route, int i) {
        if (route.IsMap())
            checkTcpRoute(route, indexed(QStringLiteral("spec.tcp"), i), report);
    });
}

} // namespace

void checkVirtualService(const YAML::Node &document, const QString &path, schema::CheckSink &sink) {
    WebhookReport report(sink, path);
    const YAML::Node spec = field(document, "spec");
    if (length(field(spec, "hosts")) == 0)
        checkDelegateDocument(spec, report);
    const YAML::Node gateways = field(spec, "gateways");
    checkGatewayNames(gateways, QStringLiteral("spec.gateways"), report);
    const Binding binding = bindingOf(gateways);
    if (!binding.toGateway)
        checkJwtClaimRoutes(field(spec, "http"), report);
    checkHosts(spec, binding, report);
    checkRoutes(spec, document, report);
    checkExportTo(field(spec, "exportTo"), QStringLiteral("spec.exportTo"),
                  documentNamespace(document), ExportToOf::Other, report);
}

} // namespace egret::webhook

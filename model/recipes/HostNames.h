#pragma once

#include <QString>
#include <QStringList>

namespace egret::recipes {

// Checks and names for what recipes write. Messages are sentences for the user, empty when
// the text is fine.

bool isWildcardHost(const QString &host);       // `*.example.com`
QString checkHost(const QString &host);         // a DNS name, or `*.` and one
QString checkDnsLabel(const QString &text);     // namespaces, Gateway names: RFC 1123 label
QString checkDnsSubdomain(const QString &text); // Secret names: RFC 1123 subdomain
// An IPv4 or IPv6 address with an optional prefix length (`203.0.113.0/24`).
QString checkCidr(const QString &text);
// The address of a CIDR when it names a single host (/32, /128 or no prefix), else empty.
QString singleAddress(const QString &cidr);

// A resource or subset name derived from a host, as Istio's docs name them after the target:
// `api.example.com` -> `api-example-com`, `*.example.com` -> `wildcard-example-com`. At most
// 63 characters, so that it is also a valid subset name.
QString targetName(const QString &host);

// True when a Gateway server or VirtualService host entry names `host` for a VirtualService in
// `vsNamespace` (`host`, `*/host`, `ns/host`, `./host` for a Gateway in that namespace).
bool hostEntryNames(const QString &entry, const QString &host, const QString &vsNamespace,
                    const QString &gatewayNamespace);

// True when a DestinationRule's host in `ruleNamespace` names the Service with this FQDN
// (`name.ns.svc.cluster.local`, `name.ns`, `name.ns.svc`, or `name` in its namespace).
bool namesService(const QString &host, const QString &ruleNamespace, const QString &fqdn);

} // namespace egret::recipes

#pragma once

#include "model/core/KubernetesNames.h"
#include "model/istio/Hosts.h"

#include <QString>
#include <QStringList>

namespace egret::recipes {

// Checks and names for what recipes write. Messages are sentences for the user, empty when
// the text is fine. A wildcard the recipes take is `*.example.com` (istio::isDomainWildcard),
// never `*` alone.

QString checkHost(const QString &host); // a DNS name, or `*.` and one
using egret::checkDnsLabel;             // namespaces, Gateway names: RFC 1123 label
using egret::checkDnsSubdomain;         // Secret names: RFC 1123 subdomain
// An IPv4 or IPv6 address with an optional prefix length (`203.0.113.0/24`).
QString checkCidr(const QString &text);
// The address of a CIDR when it names a single host (/32, /128 or no prefix), else empty.
QString singleAddress(const QString &cidr);

// A resource or subset name derived from a host, as Istio's docs name them after the target:
// `api.example.com` -> `api-example-com`, `*.example.com` -> `wildcard-example-com`. At most
// 63 characters, so that it is also a valid subset name.
QString targetName(const QString &host);

// Recipe names have no dots, so each must be one DNS label: `base` shortened from its end to
// leave room for `suffix` within 63 characters, never ending in '-'.
QString fitDnsLabel(const QString &base, const QString &suffix = {});

} // namespace egret::recipes

#pragma once

#include <QString>

namespace egret {

// Kubernetes' rules for the names objects carry (RFC 1123, as the API server checks them).
// Each returns a sentence for the user, empty when the text is fine.
QString checkDnsLabel(const QString &text);     // namespaces, Service names: RFC 1123 label
QString checkDnsSubdomain(const QString &text); // most object names, Secret names: subdomain

} // namespace egret

#pragma once

#include <QString>

namespace egret {

// Kubernetes' rules for the names objects carry (RFC 1123, as the API server checks them).
// Each returns a sentence for the user, empty when the text is fine.
QString checkDnsLabel(const QString &text);     // namespaces, Service names: RFC 1123 label
QString checkDnsSubdomain(const QString &text); // most object names, Secret names: subdomain
QString checkDns1035Label(const QString &text); // Service names: a label that starts with a letter
// A label or annotation key: an optional DNS subdomain prefix and '/', then a name of at most 63
// letters, digits, '-', '_' and '.', beginning and ending with a letter or digit.
QString checkQualifiedName(const QString &text);
QString checkLabelValue(const QString &text); // empty, or a name as in a qualified name

} // namespace egret

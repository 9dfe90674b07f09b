#pragma once

#include "model/webhook/WebhookReport.h"

#include <QString>

#include <functional>
#include <optional>

#include <yaml-cpp/yaml.h>

namespace egret::webhook {

// Readers that never throw and take a value of the wrong type for absent: the schema check
// reports the type, the webhook rules judge only what they can read.
YAML::Node field(const YAML::Node &map, const char *key); // a null node unless map has key
QString text(const YAML::Node &scalar);                   // "" unless a scalar
bool isSet(const YAML::Node &n);                          // present and not null
std::optional<qint64> integer(const YAML::Node &scalar);  // a decimal integer, or nothing
// Calls fn(item, index) for each item of a sequence (nothing for any other node).
void forEachItem(const YAML::Node &sequence,
                 const std::function<void(const YAML::Node &, int)> &fn);
QString indexed(const QString &path, int index); // "spec.hosts" + 2 -> "spec.hosts[2]"
inline QString joinPath(const QString &path, const char *key) { // "spec" + "hosts"
    return path + QLatin1Char('.') + QLatin1String(key);
}

// Istio's shared rules (pkg/config/validation/agent). Each returns the problem as a sentence,
// empty when the value is fine.
QString checkPort(qint64 port);                   // 1..65535
QString checkFqdn(const QString &host);           // DNS-1123 labels, <= 255, TLD not numeric
QString checkWildcardDomain(const QString &host); // an FQDN whose first label may be "*", "*x"
bool isIstioDnsLabel(const QString &label);       // letters (either case), digits, '-', <= 63

// A protobuf duration as Istio's CRDs carry it ("10s", "0.5s", "1.000000001s"); nothing when
// the text is not one. Nanoseconds.
std::optional<qint64> durationNanos(const QString &text);
// ValidateDuration: at least 1ms, whole milliseconds. Empty when fine or unreadable (the schema
// reports the syntax).
QString checkDuration(const QString &text);

// `workloadSelector.labels` / `selector`-style label maps: keys not empty, values without '*'
// (Istio refuses wildcards in selectors); a selector with no labels is a warning.
void checkSelectorLabels(const YAML::Node &labels, const QString &path, WebhookReport &report);

// exportTo: ".", "*" or namespace names ("~" too for a ServiceEntry, alone); no duplicates ("."
// counts as `ns`, the document's namespace, when it is known), "*" alone; a DestinationRule
// with a workload selector exports to its own namespace only.
enum class ExportToOf { Other, ServiceEntry, DestinationRuleWithSelector };
void checkExportTo(const YAML::Node &exportTo, const QString &path, const QString &ns,
                   ExportToOf of, WebhookReport &report);
// The document's metadata.namespace, empty when the file leaves it to kubectl.
QString documentNamespace(const YAML::Node &document);

} // namespace egret::webhook

#pragma once

// Istio's webhook rules for a DestinationRule's traffic policy (validateTrafficPolicy and the
// functions it calls); the connection pool rules serve Sidecars too. Paths are relative to the
// document, `ns` is the document's namespace (empty when kubectl decides it).
#include "model/webhook/WebhookReport.h"

#include <QString>

#include <optional>

#include <yaml-cpp/yaml.h>

namespace egret::webhook {

void checkTrafficPolicy(const YAML::Node &policy, const QString &path, const QString &ns,
                        WebhookReport &report);
void checkConnectionPool(const YAML::Node &pool, const QString &path, WebhookReport &report);
// `hasOutlierDetection`: the policy that holds the load balancer sets outlierDetection.
void checkLoadBalancer(const YAML::Node &lb, const QString &path, bool hasOutlierDetection,
                       WebhookReport &report);
void checkClientTls(const YAML::Node &tls, const QString &path, const QString &ns,
                    WebhookReport &report);

// A duration field as Istio's ValidateDuration judges it: at least 1ms, in whole milliseconds.
// Go's syntax ("1m30s") and protobuf's ("90s") both; nothing when it is not a duration string.
void checkDurationField(const YAML::Node &value, const QString &path, WebhookReport &report);
// Go's time.ParseDuration, in nanoseconds; nothing when the text is not a duration.
std::optional<qint64> goDurationNanos(const QString &text);

} // namespace egret::webhook

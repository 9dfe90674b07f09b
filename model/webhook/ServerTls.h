#pragma once

#include "model/webhook/WebhookReport.h"

#include <QString>

#include <yaml-cpp/yaml.h>

namespace egret::webhook {

// validateTLSOptions: a server's `tls` (ServerTLSSettings, Gateway servers and Sidecar ingress):
// what each mode needs and refuses, one certificate source, cipher suites Envoy knows. `path` is
// the path of `tls`; a missing mode means PASSTHROUGH, the proto's default.
void checkServerTls(const YAML::Node &tls, const QString &path, WebhookReport &report);

} // namespace egret::webhook

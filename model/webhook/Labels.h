#pragma once

#include "model/webhook/WebhookReport.h"

#include <QString>

#include <yaml-cpp/yaml.h>

namespace egret::webhook {

// labels.Instance.Validate: a label map's keys are Kubernetes label names ("app",
// "security.istio.io/tlsMode") and its values label values (empty, or letters, digits, '-', '_'
// and '.' between alphanumerics). `path` is the map's path.
void checkLabelMap(const YAML::Node &labels, const QString &path, WebhookReport &report);

} // namespace egret::webhook

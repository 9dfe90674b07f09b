#pragma once

#include "model/webhook/WebhookReport.h"

#include <QString>

#include <yaml-cpp/yaml.h>

namespace egret::webhook {

// labels.Instance.Validate: a label map's keys are Kubernetes label names ("app",
// "security.istio.io/tlsMode") and its values label values (empty, or letters, digits, '-', '_'
// and '.' between alphanumerics). `path` is the map's path.
// The key and value rules on their own (a key's problem as a sentence, empty when fine). Istio's
// reading, which takes capitals in a key's DNS prefix where the API server's metadata rules
// (model/core/KubernetesNames) do not.
QString checkLabelKey(const QString &key);
bool isLabelValue(const QString &value);

void checkLabelMap(const YAML::Node &labels, const QString &path, WebhookReport &report);

} // namespace egret::webhook

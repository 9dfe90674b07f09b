#pragma once

#include "model/resources/ObjectMeta.h"

#include <QString>

namespace egret::istio {

// The application a workload's pods belong to, as Istio's telemetry names it: the `app` label,
// else `app.kubernetes.io/name`, else `fallback` (the workload's name).
QString appName(const Labels &podLabels, const QString &fallback);

} // namespace egret::istio

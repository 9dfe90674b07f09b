#pragma once

#include "model/resources/ObjectMeta.h"

#include <QString>

namespace egret::istio {

// The application a workload's pods belong to, as Istio's telemetry names it: the `app` label,
// else `app.kubernetes.io/name`, else `fallback` (the workload's name).
QString appName(const Labels &podLabels, const QString &fallback);

// The labels Istio's charts give the pods of a gateway named `name`: app = name, istio = name
// without its "istio-" prefix (istio-egressgateway: istio=egressgateway).
Labels gatewayChartLabels(const QString &name);

} // namespace egret::istio

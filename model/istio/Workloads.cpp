#include "model/istio/Workloads.h"

namespace egret::istio {

QString appName(const Labels &podLabels, const QString &fallback) {
    for (const char *key : {"app", "app.kubernetes.io/name"})
        if (const QString v = podLabels.value(QLatin1String(key)); !v.isEmpty())
            return v;
    return fallback;
}

Labels gatewayChartLabels(const QString &name) {
    QString istio = name;
    if (istio.startsWith(QLatin1String("istio-")))
        istio = istio.mid(6);
    return {{QStringLiteral("app"), name}, {QStringLiteral("istio"), istio}};
}

} // namespace egret::istio

#pragma once

#include "model/resources/ObjectMeta.h"

#include <QVector>

#include <optional>

namespace egret {

// networking.istio.io Sidecar: narrows what the selected proxies see and how they send it.
struct SidecarPort {
    std::optional<qint64> number;
    QString protocol;
    QString name;
};

struct EgressListener {
    std::optional<SidecarPort> port;
    QString bind;
    QString captureMode;
    QStringList hosts; // "ns/host", "./*", "*/*", "~/*"
};

struct Sidecar {
    std::optional<Labels> workloadSelector;
    QVector<EgressListener> egress;
    QString outboundTrafficPolicyMode; // REGISTRY_ONLY, ALLOW_ANY or empty (mesh default)
    bool hasEgressProxy = false;
    bool hasIngress = false;
};

} // namespace egret

#pragma once

#include "model/resources/ObjectMeta.h"

#include <QVector>

#include <optional>

namespace egret {

// networking.istio.io ServiceEntry: declares hosts (usually external) in the mesh's registry.
struct ServicePort {
    std::optional<qint64> number;
    QString protocol; // as written; Istio compares it case-insensitively in places
    QString name;
    std::optional<qint64> targetPort;
};

struct WorkloadEntry {
    QString address;
    QMap<QString, qint64> ports;
    Labels labels;
    QString network;
    QString locality;
    std::optional<qint64> weight;
    QString serviceAccount;
};

struct ServiceEntry {
    QStringList hosts;
    QStringList addresses;
    QVector<ServicePort> ports;
    QString location;   // MESH_EXTERNAL (default when empty) or MESH_INTERNAL
    QString resolution; // NONE (default when empty), STATIC, DNS, DNS_ROUND_ROBIN, DYNAMIC_DNS
    QVector<WorkloadEntry> endpoints;
    std::optional<Labels> workloadSelector;
    QStringList exportTo;
    QStringList subjectAltNames;
    QStringList statusAddresses; // status.addresses[].value, filled by Istio's IP allocation
};

} // namespace egret

#pragma once

#include "model/resources/ObjectMeta.h"

#include <QVector>

#include <memory>
#include <optional>

namespace egret {

// networking.istio.io DestinationRule: policy applied to traffic for a host after routing.

struct ClientTlsSettings {
    QString mode; // DISABLE, SIMPLE, MUTUAL, ISTIO_MUTUAL
    QString clientCertificate;
    QString privateKey;
    QString caCertificates;
    QString credentialName;
    QStringList subjectAltNames;
    QString sni;
    std::optional<bool> insecureSkipVerify;
};

struct LoadBalancerSettings {
    QString simple; // ROUND_ROBIN, LEAST_REQUEST, RANDOM, PASSTHROUGH, ...
    bool consistentHash = false;
    bool localityLbSetting = false;
};

struct ConnectionPoolSettings {
    std::optional<qint64> maxConnections;
    QString connectTimeout;
    std::optional<qint64> http1MaxPendingRequests;
    std::optional<qint64> http2MaxRequests;
    std::optional<qint64> maxRequestsPerConnection;
    std::optional<qint64> maxRetries;
    QString idleTimeout;
};

struct OutlierDetection {
    std::optional<qint64> consecutive5xxErrors;
    std::optional<qint64> consecutiveGatewayErrors;
    QString interval;
    QString baseEjectionTime;
    std::optional<qint64> maxEjectionPercent;
};

struct PortTrafficPolicy {
    std::optional<qint64> port;
    std::optional<LoadBalancerSettings> loadBalancer;
    std::optional<ConnectionPoolSettings> connectionPool;
    std::optional<OutlierDetection> outlierDetection;
    std::optional<ClientTlsSettings> tls;
};

struct TrafficPolicy {
    std::optional<LoadBalancerSettings> loadBalancer;
    std::optional<ConnectionPoolSettings> connectionPool;
    std::optional<OutlierDetection> outlierDetection;
    std::optional<ClientTlsSettings> tls;
    QVector<PortTrafficPolicy> portLevelSettings;
    bool hasTunnel = false;
};

// Traffic policies are large and mostly absent: they live on the heap, shared between copies.
using TrafficPolicyPtr = std::shared_ptr<const TrafficPolicy>;

struct Subset {
    QString name;
    Labels labels;
    TrafficPolicyPtr trafficPolicy;
};

struct DestinationRule {
    QString host;
    TrafficPolicyPtr trafficPolicy;
    QVector<Subset> subsets;
    QStringList exportTo;
    std::optional<Labels> workloadSelector; // workloadSelector.matchLabels
};

} // namespace egret

#pragma once

#include "model/resources/ObjectMeta.h"

#include <QVector>

#include <optional>

namespace egret {

// networking.istio.io Gateway: ports opened on the gateway workloads its selector names.
struct GatewayPort {
    std::optional<qint64> number;
    QString name;
    QString protocol; // HTTP, HTTPS, GRPC, HTTP2, MONGO, TCP, TLS
    std::optional<qint64> targetPort;
};

struct ServerTlsSettings {
    QString mode; // PASSTHROUGH, SIMPLE, MUTUAL, AUTO_PASSTHROUGH, ISTIO_MUTUAL, OPTIONAL_MUTUAL
    QString credentialName;
    QStringList credentialNames;
    QString serverCertificate;
    QString privateKey;
    QString caCertificates;
    QStringList subjectAltNames;
    bool httpsRedirect = false;
};

struct Server {
    GatewayPort port;
    QStringList hosts; // "host", "ns/host", "./host", "*/host"
    std::optional<ServerTlsSettings> tls;
    QString bind;
    QString name;
    QString defaultEndpoint;
};

struct Gateway {
    Labels selector;
    QVector<Server> servers;
};

} // namespace egret

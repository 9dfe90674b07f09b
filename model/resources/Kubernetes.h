#pragma once

#include "model/resources/ObjectMeta.h"

#include <QByteArray>
#include <QVector>

#include <optional>

namespace egret {

// The Kubernetes objects that give egress configuration its context.

// Deployment, StatefulSet, DaemonSet (their pod template) or Pod.
struct Workload {
    Labels podLabels;      // the template's labels, or the Pod's own
    Labels podAnnotations; // likewise
    Labels selector;       // spec.selector.matchLabels for controllers
    QString serviceAccount;
    QString nodeName; // Pods only
    QStringList containerNames;
};

struct KubePort {
    QString name;
    std::optional<qint64> port;
    QString targetPort; // as written: a number or a port name
    std::optional<qint64> targetPortNumber;
    QString protocol; // as written; empty when absent (no defaulting happens offline)
};

struct Service {
    bool hasSelector = false;
    Labels selector;
    QVector<KubePort> ports;
    QString type;
    QString externalName;
};

struct Secret {
    QString type;
    QMap<QString, QByteArray> data; // base64-decoded data merged with stringData
};

struct RequestAuthentication {
    std::optional<Labels> selector; // spec.selector.matchLabels
};

} // namespace egret

#pragma once

#include "model/resources/ObjectMeta.h"

#include <QSet>
#include <QVector>

namespace egret {

class Workspace;

// A gateway Egret takes to be installed because the routes say so (see GatewayInference.cpp).
struct InferredGateway {
    QString name; // its Service and Deployment
    QString ns;
    Labels podLabels;
    QString because; // "assumed installed there: VirtualService ... sends mesh traffic to ..."
};

// Gateways the mesh routes of `ws` send to whose Service is not among `knownServices` (FQDNs).
QVector<InferredGateway> inferGateways(const Workspace &ws, const QSet<QString> &knownServices);

} // namespace egret

#pragma once

#include "model/mesh/Installation.h"

#include <QByteArray>

namespace egret {

// The installation edited in the window, written in the formats people install with. Both are
// overlays: they hold the gateways as Egret knows them, to merge into the user's own install.

// An IstioOperator whose spec.components lists the gateways (name, namespace, label,
// k8s.service.ports and type); `meshNamespace` is the operator resource's namespace.
QByteArray istioOperatorOverlay(const QVector<InstalledGateway> &gateways,
                                const QString &meshNamespace);
// The values of Istio's istio/gateway chart for one gateway: labels, service.type and ports.
QByteArray gatewayChartValuesFor(const InstalledGateway &gateway);

// The mesh config with `port` added to gateway `ns/name` of `installation`: the gateway is
// given apart as edited in the window ("Installation panel"), replacing what declared it there
// before, so that everything that reads the installation sees the port.
MeshConfig withGatewayPort(const MeshConfig &given, const Installation &installation,
                           const QString &ns, const QString &name, const KubePort &port);
// The gateways edited in the window (given apart, from withGatewayPort).
QVector<InstalledGateway> editedGateways(const MeshConfig &given);

} // namespace egret

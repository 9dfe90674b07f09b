#pragma once

#include "model/mesh/MeshConfig.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

namespace egret::cli {

// The options that say what the installation is, apart from the manifests: --mesh-config FILE
// (a MeshConfig, the istio ConfigMap, or installation documents: IstioOperator,
// ServiceMeshControlPlane, ServiceMeshMemberRoll, Sail Istio) and --gateway-values
// NS/RELEASE=FILE (the values of Istio's istio/gateway Helm chart for one release). Both repeat.
struct InstallationOptions {
    QCommandLineOption meshConfig;
    QCommandLineOption gatewayValues;

    InstallationOptions();
    void addTo(QCommandLineParser &parser) const;
    // Reads what the options name into `mesh`; prints what it cannot read and returns false.
    bool read(const QCommandLineParser &parser, const QString &command, MeshConfig *mesh) const;
};

} // namespace egret::cli

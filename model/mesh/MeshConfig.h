#pragma once

#include "model/core/Diagnostic.h"
#include "model/resources/Installation.h"

#include <QByteArray>
#include <QMap>
#include <QString>

namespace egret {

// The parts of Istio's MeshConfig that change what egress configuration does. Defaults are
// Istio's.
struct MeshConfig {
    QString outboundTrafficPolicyMode = QStringLiteral("ALLOW_ANY"); // or REGISTRY_ONLY
    QString ingressControllerMode = QStringLiteral("STRICT");        // OFF: no default ingress
    QString ingressService = QStringLiteral("istio-ingressgateway");
    QString rootNamespace = QStringLiteral("istio-system");
    QMap<QString, QString> proxyMetadata; // defaultConfig.proxyMetadata
    // Installation documents given apart from the manifests (--mesh-config, --gateway-values, the
    // Installation panel): they say where the gateways are (mesh/Installation).
    QVector<InstallationSource> installation;

    bool registryOnly() const {
        return outboundTrafficPolicyMode == QLatin1String("REGISTRY_ONLY");
    }
    // ServiceEntries get virtual IPs from the proxy (DNS capture plus auto allocation).
    bool autoAllocatesAddresses() const;
};

// Reads a mesh config file: a MeshConfig body (as `istioctl analyze --meshConfigFile` takes), the
// `istio` ConfigMap (its `data.mesh`), or an IstioOperator (its `spec.meshConfig`). Fields it
// does not know are ignored; a file it cannot read at all gives diagnostics and false.
bool parseMeshConfig(const QByteArray &text, const QString &file, MeshConfig *out,
                     Diagnostics *problems);
bool loadMeshConfig(const QString &path, MeshConfig *out, Diagnostics *problems);

} // namespace egret

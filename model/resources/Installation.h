#pragma once

#include "model/resources/Kubernetes.h"
#include "model/resources/ObjectMeta.h"

#include <QStringList>
#include <QVector>

#include <optional>

namespace egret {

// What one installation document says about the mesh: an IstioOperator, an OpenShift Service
// Mesh ServiceMeshControlPlane or ServiceMeshMemberRoll, a Sail `Istio`, or the values of Istio's
// `istio/gateway` Helm chart for one release. Plain data; model/mesh/Installation resolves the
// documents of a workspace (and those given apart) into the gateways Egret knows.

// One gateway the installation deploys: a Deployment of gateway proxies and its Service, both
// named `name`, in `ns`.
struct InstalledGateway {
    QString name;
    QString ns;
    bool egress = true;
    bool enabled = true;
    Labels podLabels;
    QVector<KubePort> ports;    // the Service's ports
    bool portsDeclared = false; // false: the format's default ports (see Installation.cpp)
    QString serviceType;
    QString path; // where it is declared in its document, e.g. spec.components.egressGateways[0]
};

struct InstallationSpec {
    // How the document installs: "IstioOperator", "ServiceMeshControlPlane",
    // "ServiceMeshMemberRoll", "Istio" (Sail) or "Helm values".
    QString format;
    QString profile; // IstioOperator spec.profile, SMCP spec.profile(s), Sail spec.profile
    QVector<InstalledGateway> gateways;
    std::optional<QString> outboundTrafficPolicy; // ALLOW_ANY | REGISTRY_ONLY
    std::optional<QString> rootNamespace;
    QString controlPlaneNamespace; // where istiod runs
    QString revision;
    std::optional<QStringList> members; // ServiceMeshMemberRoll: the namespaces in the mesh
    // Where the egress gateways are, for messages that say what to add: e.g.
    // "spec.components.egressGateways" or "spec.gateways.additionalEgress".
    QString egressGatewaysPath;
};

// "IstioOperator istio-system/egress"; istioctl's IstioOperators may have no name: "IstioOperator
// in istio-system".
inline QString installationDescription(const QString &kind, const QString &ns,
                                       const QString &name) {
    if (name.isEmpty())
        return ns.isEmpty() ? kind : QStringLiteral("%1 in %2").arg(kind, ns);
    return ns.isEmpty() ? QStringLiteral("%1 %2").arg(kind, name)
                        : QStringLiteral("%1 %2/%3").arg(kind, ns, name);
}

// An installation document read, as the Installation panel lists it.
struct InstallationSource {
    InstallationSpec spec;
    QString
        description; // "IstioOperator istio-system/egress", "Helm values of istio-egress/egress"
    QString file;
    int line = 0;
    int column = 0;
    bool given = false; // given apart (--mesh-config, --gateway-values), not among the inputs
};

} // namespace egret

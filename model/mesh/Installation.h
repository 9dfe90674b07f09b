#pragma once

#include "model/core/Diagnostic.h"
#include "model/mesh/MeshConfig.h"
#include "model/resources/Installation.h"
#include "model/resources/Resource.h"

#include <QVector>

namespace egret {

class Workspace;

// How Egret knows a gateway is there.
enum class GatewayBasis {
    Declared,       // an installation document (among the inputs, or given apart) declares it
    Inferred,       // mesh routes send to its Service and a Gateway selects its conventional labels
    DefaultProfile, // nothing says otherwise: Istio's default install in the root namespace
};

// A gateway of the installation, with where it comes from.
struct KnownGateway {
    InstalledGateway gateway;
    GatewayBasis basis = GatewayBasis::DefaultProfile;
    // For messages: "IstioOperator istio-system/egress (iop.yaml:9:7)"; for an inferred gateway
    // why it is assumed there; empty for the default profile.
    QString origin;
    QString file; // the document's file, when declared in one
    int line = 0;
    int column = 0;
    QString sourceFormat; // the InstallationSpec's format, when declared
};

// The installation as Egret understands it: the mesh config in effect, the gateways it knows,
// infers or assumes, and the documents that said so.
struct Installation {
    MeshConfig mesh;
    QVector<KnownGateway> gateways;
    QVector<InstallationSource> sources;
    QString controlPlaneNamespace; // empty: the root namespace
    QString revision;
    std::optional<QStringList> members; // namespaces in the mesh, when a member roll says

    const KnownGateway *gateway(const QString &ns, const QString &name) const;
    // The egress gateway recipes build on: the only declared one, else the first known.
    const KnownGateway *egressGateway() const;
};

// Resolves what the workspace's installation documents and those given apart in `given`
// (mesh.installation) say; then infers gateways from routes where none declares them; then
// assumes Istio's default profile for what is still unknown (unless `assumeDefaults` is false).
Installation resolveInstallation(const Workspace &ws, const MeshConfig &given,
                                 bool assumeDefaults = true);

// The known gateways as a Pod and a Service each, marked `assumed` (they are not in the user's
// files) and carrying their origin, for the flows and the analyzers.
QVector<Resource> gatewayResources(const Installation &installation);

// The phrase a finding or a hop appends: "relies on the assumed installed gateway
// istio-system/istio-egressgateway", "relies on the gateway istio-egress/egress installed by
// IstioOperator ..." or "relies on the gateway ..., assumed installed there because ...".
QString relianceText(const Resource &gatewayResource);

// Reads an installation from the values of Istio's `istio/gateway` Helm chart for a release
// `name` in namespace `ns`. False with diagnostics when the file cannot be read.
bool parseGatewayValues(const QByteArray &text, const QString &file, const QString &ns,
                        const QString &name, InstallationSpec *out, Diagnostics *problems);

} // namespace egret

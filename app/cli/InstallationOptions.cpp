#include "app/cli/InstallationOptions.h"

#include "app/cli/Output.h"
#include "model/mesh/Installation.h"

#include <QFile>

namespace egret::cli {

InstallationOptions::InstallationOptions()
    : meshConfig(QStringLiteral("mesh-config"),
                 QStringLiteral("The mesh config and installation instead of Istio's defaults: a "
                                "MeshConfig, the istio ConfigMap, an IstioOperator, a "
                                "ServiceMeshControlPlane and ServiceMeshMemberRoll, or a Sail "
                                "Istio (may repeat)."),
                 QStringLiteral("FILE"))
    , gatewayValues(QStringLiteral("gateway-values"),
                    QStringLiteral("The values of Istio's istio/gateway Helm chart for release "
                                   "RELEASE in namespace NS (may repeat)."),
                    QStringLiteral("NS/RELEASE=FILE")) {
}

void InstallationOptions::addTo(QCommandLineParser &parser) const {
    parser.addOption(meshConfig);
    parser.addOption(gatewayValues);
}

bool InstallationOptions::read(const QCommandLineParser &parser, const QString &command,
                               MeshConfig *mesh) const {
    Diagnostics problems;
    for (const QString &path : parser.values(meshConfig)) {
        if (!loadMeshConfig(path, mesh, &problems)) {
            printDiagnostics(problems);
            return false;
        }
    }
    for (const QString &value : parser.values(gatewayValues)) {
        const qsizetype eq = value.indexOf(QLatin1Char('='));
        const QString release = value.left(eq);
        const qsizetype slash = release.indexOf(QLatin1Char('/'));
        if (eq < 0 || slash <= 0 || slash == release.size() - 1) {
            err(QStringLiteral("%1: --gateway-values takes NS/RELEASE=FILE, e.g. "
                               "istio-egress/istio-egressgateway=values.yaml; got \"%2\"\n")
                    .arg(command, value));
            return false;
        }
        const QString path = value.mid(eq + 1);
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            err(QStringLiteral("%1: cannot read %2: %3\n").arg(command, path, f.errorString()));
            return false;
        }
        InstallationSource s;
        if (!parseGatewayValues(f.readAll(), path, release.left(slash), release.mid(slash + 1),
                                &s.spec, &problems)) {
            printDiagnostics(problems);
            return false;
        }
        s.description = QStringLiteral("Helm values of %1").arg(release);
        s.file = path;
        s.given = true;
        mesh->installation.append(s);
    }
    return true;
}

} // namespace egret::cli

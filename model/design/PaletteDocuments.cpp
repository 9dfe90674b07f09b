#include "model/design/PaletteDocuments.h"

#include "model/recipes/HostNames.h"

#include <QCoreApplication>

namespace egret::design {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("egret::design::PaletteDocuments", text);
}

// The namespace goes into the YAML as a plain scalar: only a valid one may.
NewDocument checked(const QString &ns, const QString &yaml, const QString &description) {
    if (const QString problem = recipes::checkDnsLabel(ns); !problem.isEmpty())
        return {{}, {}, tr("Namespace: %1").arg(problem)};
    return {yaml.arg(ns).toUtf8(), description.arg(ns), {}};
}

} // namespace

NewDocument egressGatewayDocument(const QString &ns) {
    return checked(ns,
                   QStringLiteral("apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n"
                                  "  name: istio-egressgateway\n  namespace: %1\nspec:\n"
                                  "  selector:\n    istio: egressgateway\n"),
                   tr("Add egress Gateway in %1"));
}

NewDocument kubernetesGatewayDocument(const QString &ns, const QStringList &taken) {
    QString name = QStringLiteral("egress-gateway");
    for (int n = 2; taken.contains(name); ++n)
        name = QStringLiteral("egress-gateway-%1").arg(n);
    const QString yaml =
        QStringLiteral("apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n"
                       "  name: %2\n  namespace: %1\n  annotations:\n"
                       "    networking.istio.io/service-type: ClusterIP\nspec:\n"
                       "  gatewayClassName: istio\n  listeners:\n  - name: http\n"
                       "    port: 80\n    protocol: HTTP\n    allowedRoutes:\n"
                       "      namespaces:\n        from: Same\n")
            .arg(QStringLiteral("%1"), name);
    return checked(ns, yaml, tr("Add Gateway API gateway %1/%2").arg(QStringLiteral("%1"), name));
}

NewDocument waypointDocument(const QString &ns, const QStringList &taken) {
    QString name = QStringLiteral("waypoint");
    for (int n = 2; taken.contains(name); ++n)
        name = QStringLiteral("waypoint-%1").arg(n);
    const QString yaml =
        QStringLiteral("apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n"
                       "  name: %2\n  namespace: %1\n  labels:\n"
                       "    istio.io/waypoint-for: service\nspec:\n"
                       "  gatewayClassName: istio-waypoint\n  listeners:\n  - name: mesh\n"
                       "    port: 15008\n    protocol: HBONE\n")
            .arg(QStringLiteral("%1"), name);
    return checked(ns, yaml, tr("Add waypoint %1/%2").arg(QStringLiteral("%1"), name));
}

NewDocument sidecarNamespaceDocument(const QString &ns) {
    return checked(ns,
                   QStringLiteral("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: %1\n"
                                  "  labels:\n    istio-injection: enabled\n"),
                   tr("Add namespace %1 with sidecars"));
}

} // namespace egret::design

#pragma once

#include <QByteArray>
#include <QString>

namespace egret::design {

// The documents the palette's items add when dropped on the canvas (besides the external host,
// which is a route recipe): what Istio's egress tasks start from.

struct NewDocument {
    QByteArray body;     // one YAML document, ending with a newline
    QString description; // the undo step's name: "Add egress Gateway in istio-system"
    QString problem;     // why nothing can be written (a namespace that is not a DNS label)
};

// A Gateway selecting the installed egress gateway's pods (`istio: egressgateway`), without
// servers yet: routes through it add them.
NewDocument egressGatewayDocument(const QString &ns);

// A Gateway API Gateway of class istio, as the "Gateway API" tabs of Istio's egress tasks write
// one: Istio deploys it as a Deployment and a ClusterIP Service `<name>-istio`; one HTTP listener
// on port 80 (the Gateway API requires a listener) admits the routes of its own namespace. The
// name is the first of egress-gateway, egress-gateway-2, ... that `taken` does not hold.
NewDocument kubernetesGatewayDocument(const QString &ns, const QStringList &taken);

// A namespace whose pods get sidecars (`istio-injection: enabled`): the sources of egress
// traffic before any workload is written.
NewDocument sidecarNamespaceDocument(const QString &ns);

// An ambient waypoint, as `istioctl waypoint apply` writes one: a Gateway of class
// istio-waypoint with its HBONE listener (15008), taking service traffic. The name is the first
// of waypoint, waypoint-2, ... that `taken` does not hold. ServiceEntries use it once they (or
// their namespace) are labelled istio.io/use-waypoint.
NewDocument waypointDocument(const QString &ns, const QStringList &taken);

} // namespace egret::design

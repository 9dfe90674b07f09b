// Where a Gateway API route attaches: a listener's allowedRoutes decide which namespaces' routes
// it applies, as Istio (and EGR0014) read them.
#include "FlowTestSupport.h"

using namespace egret;
using namespace egret::test;

namespace {

// Routes in namespace team; the gateway in egress admits namespaces labelled egress-access.
const QByteArray kMesh = R"(apiVersion: v1
kind: Namespace
metadata:
  name: team
  labels: {egress-access: granted}
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: cnn, namespace: team}
spec:
  hosts: [edition.cnn.com]
  ports: [{number: 80, name: http, protocol: HTTP}]
  resolution: DNS
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: egress, namespace: egress}
spec:
  gatewayClassName: istio
  listeners:
  - name: http
    port: 80
    protocol: HTTP
    allowedRoutes:
      namespaces:
        from: Selector
        selector:
          matchLabels: {egress-access: granted}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: to-gateway, namespace: team}
spec:
  parentRefs: [{kind: ServiceEntry, group: networking.istio.io, name: cnn}]
  rules:
  - backendRefs: [{name: egress-istio, namespace: egress, port: 80}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: from-gateway, namespace: team}
spec:
  parentRefs: [{name: egress, namespace: egress}]
  hostnames: [edition.cnn.com]
  rules:
  - backendRefs: [{kind: Hostname, group: networking.istio.io, name: edition.cnn.com, port: 80}]
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: team-to-gateway, namespace: egress}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: team}]
  to: [{group: "", kind: Service}]
)";

const QString kGateway = QStringLiteral("gateway:egress/egress-istio");

} // namespace

class TestFlowRouteAttachment : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void selectorAdmitsALabelledNamespace() {
        QCOMPARE(hopLines(flowsOfBytes(kMesh)),
                 sorted({"workload:* -> " + kGateway + " 80 HTTP plaintext",
                         kGateway + " -> host:edition.cnn.com 80 HTTP plaintext"}));
    }

    // The gateway does not apply the route of a namespace its selector refuses: traffic reaches
    // the gateway and goes no further.
    void selectorRefusesAnotherNamespace() {
        QByteArray yaml = kMesh;
        yaml.replace("labels: {egress-access: granted}", "labels: {egress-access: denied}");
        QCOMPARE(hopLines(flowsOfBytes(yaml)),
                 QStringList{"workload:* -> " + kGateway + " 80 HTTP plaintext"});
    }

    // Without the route's Namespace in the files its labels are unknown: not admitted, as the
    // validator reads it too (EGR0014 says the Namespace is missing).
    void selectorWithoutTheNamespace() {
        QByteArray yaml = kMesh;
        yaml.remove(0, yaml.indexOf("---\n") + 4);
        QCOMPARE(hopLines(flowsOfBytes(yaml)),
                 QStringList{"workload:* -> " + kGateway + " 80 HTTP plaintext"});
    }

    void allAdmitsEveryNamespace() {
        QByteArray yaml = kMesh;
        yaml.replace("from: Selector", "from: All");
        yaml.replace("labels: {egress-access: granted}", "labels: {egress-access: denied}");
        QCOMPARE(hopLines(flowsOfBytes(yaml)).size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestFlowRouteAttachment)
#include "tst_flow_route_attachment.moc"

#include "model/mesh/InstalledGateways.h"

#include "model/workspace/Workspace.h"

namespace egret {

namespace {

bool hasWorkloadLabelled(const Workspace &ws, const QString &istioLabel) {
    bool found = false;
    ws.forEachResource([&](const Resource &r) {
        if (const Workload *w = r.as<Workload>())
            found = found || w->podLabels.value(QStringLiteral("istio")) == istioLabel;
    });
    return found;
}

void addGateway(QVector<Resource> &out, const QString &ns, const QString &name,
                const QString &istioLabel, const QVector<KubePort> &ports) {
    const Labels labels{{QStringLiteral("app"), name}, {QStringLiteral("istio"), istioLabel}};

    Resource pod;
    pod.kind = Kind::Pod;
    pod.kindName = QStringLiteral("Pod");
    pod.apiVersion = QStringLiteral("v1");
    pod.meta.name = name + QStringLiteral("-assumed");
    pod.meta.ns = ns;
    pod.meta.labels = labels;
    pod.ns = ns;
    pod.assumed = true;
    Workload w;
    w.podLabels = labels;
    w.containerNames = {QStringLiteral("istio-proxy")};
    pod.spec = w;
    out.append(pod);

    Resource svc = pod;
    svc.kind = Kind::Service;
    svc.kindName = QStringLiteral("Service");
    svc.meta.name = name;
    Service s;
    s.hasSelector = true;
    s.selector = labels;
    s.ports = ports;
    svc.spec = s;
    out.append(svc);
}

KubePort tcpPort(const char *name, qint64 port, qint64 target) {
    KubePort p;
    p.name = QLatin1String(name);
    p.port = port;
    p.targetPort = QString::number(target);
    p.targetPortNumber = target;
    p.protocol = QStringLiteral("TCP");
    return p;
}

} // namespace

QVector<Resource> assumedGatewayResources(const Workspace &ws, const MeshConfig &mesh) {
    QVector<Resource> out;
    const QString ns = mesh.rootNamespace;
    if (mesh.ingressControllerMode != QLatin1String("OFF") &&
        !hasWorkloadLabelled(ws, QLatin1String(kIngressGatewayLabel))) {
        // The ports istioctl's analyzer harness gives its injected ingress gateway.
        addGateway(out, ns, mesh.ingressService, QLatin1String(kIngressGatewayLabel),
                   {tcpPort("http2", 80, 80), tcpPort("https", 443, 443),
                    tcpPort("tcp", 31400, 31400), tcpPort("tls", 15443, 15443)});
    }
    if (!hasWorkloadLabelled(ws, QLatin1String(kEgressGatewayLabel))) {
        // As Istio's chart renders the egress gateway Service.
        addGateway(out, ns, QStringLiteral("istio-egressgateway"),
                   QLatin1String(kEgressGatewayLabel),
                   {tcpPort("http2", 80, 8080), tcpPort("https", 443, 8443)});
    }
    return out;
}

} // namespace egret

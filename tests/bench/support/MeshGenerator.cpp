#include "MeshGenerator.h"

#include <QString>

namespace egret::bench {

namespace {

QString hostName(int i) {
    return QStringLiteral("api-%1.partner-%2.example.com")
        .arg(i, 4, 10, QLatin1Char('0'))
        .arg(i % 97);
}

QString labels(int i, const QString &app) {
    return QStringLiteral(
               "  labels:\n"
               "    app.kubernetes.io/name: %1\n"
               "    app.kubernetes.io/part-of: egress\n"
               "    app.kubernetes.io/managed-by: gitops\n"
               "    team: team-%2\n"
               "    cost-center: \"%3\"\n"
               "  annotations:\n"
               "    egress.example.com/owner: platform-team-%2@example.com\n"
               "    egress.example.com/ticket: NET-%4\n"
               "    egress.example.com/reviewed: \"2026-10-0%5\"\n"
               "    egress.example.com/description: Outbound calls from team-%2 services to a "
               "partner API; routed through the egress gateway so that the firewall sees one "
               "source address and every call is logged with its SNI.\n")
        .arg(app)
        .arg(i % 13)
        .arg(1000 + i % 50)
        .arg(20000 + i)
        .arg(1 + i % 9);
}

QByteArray generateGatewayPerHost(const MeshOptions &o) {
    QString out;
    out.reserve(o.hosts * 5200);
    for (int n = 0; n < o.namespaces; ++n) {
        out +=
            QStringLiteral(
                "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: client\n"
                "  namespace: team-%1\nspec:\n  selector:\n    matchLabels:\n      app: client\n"
                "  template:\n    metadata:\n      labels:\n        app: client\n    spec:\n"
                "      containers:\n      - name: client\n        image: curlimages/curl:8.5.0\n")
                .arg(n);
    }
    for (int i = 0; i < o.hosts; ++i) {
        const int fault =
            o.faultEvery > 0 && i % o.faultEvery == 0 ? (i / o.faultEvery) % 6 + 1 : 0;
        const QString host = hostName(i);
        const QString id = QStringLiteral("api-%1").arg(i, 4, 10, QLatin1Char('0'));
        const bool tlsOrigination = i % 2 == 1;
        // ServiceEntry
        if (fault != 6) {
            out +=
                QStringLiteral(
                    "---\n# %1: partner API, owned by team-%2\napiVersion: networking.istio.io/v1\n"
                    "kind: ServiceEntry\nmetadata:\n  name: %3\n  namespace: istio-system\n")
                    .arg(host)
                    .arg(i % 13)
                    .arg(id);
            out += labels(i, id);
            out += QStringLiteral(
                       "spec:\n  hosts:\n  - %1\n  ports:\n  - number: 80\n    name: http\n    "
                       "protocol: HTTP\n"
                       "  - number: 443\n    name: https\n    protocol: HTTPS\n  resolution: DNS\n"
                       "  location: MESH_EXTERNAL\n")
                       .arg(host);
        }
        // Gateway: one server for the host on the gateway's port 80.
        out += QStringLiteral("---\napiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n "
                              " name: egress-%1\n"
                              "  namespace: istio-system\n")
                   .arg(id);
        out += labels(i, id);
        out +=
            QStringLiteral("spec:\n  selector:\n    istio: egressgateway\n  servers:\n  - port:\n  "
                           "    number: 80\n"
                           "      name: https-%1\n      protocol: %2\n    hosts:\n    - %3\n    "
                           "tls:\n      mode: %4\n")
                .arg(id, fault == 4 ? QStringLiteral("TLS") : QStringLiteral("HTTPS"), host,
                     fault == 4 ? QStringLiteral("PASSTHROUGH") : QStringLiteral("ISTIO_MUTUAL"));
        // DestinationRule: the gateway subset, and TLS origination toward the host.
        out += QStringLiteral(
                   "---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n"
                   "  name: egress-%1\n  namespace: istio-system\n")
                   .arg(id);
        out += labels(i, id);
        out += QStringLiteral(
                   "spec:\n  host: istio-egressgateway.istio-system.svc.cluster.local\n  subsets:\n"
                   "  - name: %1\n    trafficPolicy:\n      loadBalancer:\n        simple: "
                   "ROUND_ROBIN\n"
                   "      portLevelSettings:\n      - port:\n          number: 80\n        tls:\n"
                   "          mode: ISTIO_MUTUAL\n          sni: %2\n")
                   .arg(fault == 1 ? id + QStringLiteral("-typo") : id, host);
        if (tlsOrigination) {
            out +=
                QStringLiteral(
                    "---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n"
                    "  name: originate-%1\n  namespace: istio-system\nspec:\n  host: %2\n"
                    "  trafficPolicy:\n    portLevelSettings:\n    - port:\n        number: 443\n"
                    "      tls:\n        mode: SIMPLE\n%3")
                    .arg(id, host,
                         fault == 5 ? QString()
                                    : QStringLiteral("        sni: %1\n        caCertificates: "
                                                     "/etc/ssl/certs/ca-certificates.crt\n")
                                          .arg(host));
        }
        // VirtualService: mesh -> gateway subset, gateway -> host.
        out += QStringLiteral("---\napiVersion: networking.istio.io/v1\nkind: "
                              "VirtualService\nmetadata:\n  name: %1\n"
                              "  namespace: istio-system\n")
                   .arg(id);
        out += labels(i, id);
        out +=
            QStringLiteral(
                "spec:\n  hosts:\n  - %1\n  gateways:\n  - %2\n  - mesh\n  http:\n  - match:\n"
                "    - gateways:\n      - mesh\n      port: 80\n    route:\n    - destination:\n"
                "        host: istio-egressgateway.istio-system.svc.cluster.local\n        subset: "
                "%3\n"
                "        port:\n          number: 80\n      weight: 100\n    timeout: 10s\n"
                "    retries:\n      attempts: 3\n      perTryTimeout: 3s\n  - match:\n    - "
                "gateways:\n"
                "      - %2\n      port: 80\n    route:\n    - destination:\n        host: %1\n"
                "        port:\n          number: %4\n      weight: 100\n")
                .arg(host,
                     fault == 3 ? QStringLiteral("egress-missing") : QStringLiteral("egress-") + id,
                     id, QString::number(fault == 2 ? 8443 : (tlsOrigination ? 443 : 80)));
    }
    return out.toUtf8();
}

// A client namespace team-<n>, labelled for injection, with `deployments` curl clients.
QString clientNamespace(int n, int deployments) {
    QString out =
        QStringLiteral("---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-%1\n"
                       "  labels:\n    istio-injection: enabled\n")
            .arg(n);
    for (int d = 0; d < deployments; ++d)
        out += QStringLiteral(
                   "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: client-%2\n"
                   "  namespace: team-%1\nspec:\n  selector:\n    matchLabels:\n      app: "
                   "client-%2\n  template:\n    metadata:\n      labels:\n        app: client-%2\n"
                   "    spec:\n      containers:\n      - name: client\n        image: "
                   "curlimages/curl:8.5.0\n")
                   .arg(n)
                   .arg(d);
    return out;
}

// A DestinationRule originating SIMPLE TLS on port 80 without caCertificates (IST0129).
QString originationWithoutCa(const QString &id, const QString &ns, const QString &host) {
    return QStringLiteral("---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\n"
                          "metadata:\n  name: originate-tls-for-%1\n  namespace: %2\n"
                          "spec:\n  host: %3\n  trafficPolicy:\n    portLevelSettings:\n"
                          "    - port:\n        number: 80\n      tls:\n"
                          "        mode: SIMPLE\n        sni: %3\n")
        .arg(id, ns, host);
}

// OneGateway and ManyNamespaces: the shape of route recipes joining one gateway.
QByteArray generateSharedGateway(const MeshOptions &o, bool isolated) {
    const int namespaces = isolated ? o.namespaces * 10 : o.namespaces;
    const int deployments = isolated ? 1 : 3;
    const QString gatewayService =
        QStringLiteral("istio-egressgateway.istio-system.svc.cluster.local");
    const QString exportTo =
        isolated ? QStringLiteral("  exportTo:\n  - .\n  - istio-system\n") : QString();
    QString out;
    out.reserve(o.hosts * 2200);
    for (int n = 0; n < namespaces; ++n) {
        out += clientNamespace(n, deployments);
        if (isolated)
            out += QStringLiteral("---\napiVersion: networking.istio.io/v1\nkind: Sidecar\n"
                                  "metadata:\n  name: default\n  namespace: team-%1\nspec:\n"
                                  "  egress:\n  - hosts:\n    - ./*\n    - istio-system/*\n")
                       .arg(n);
    }
    // The one Gateway: every host on both servers, as `ns/host`.
    QString tlsHosts, httpHosts;
    for (int i = 0; i < o.hosts; ++i) {
        const QString entry =
            QStringLiteral("    - team-%1/%2\n").arg(i % namespaces).arg(hostName(i));
        tlsHosts += entry;
        httpHosts += entry;
    }
    out += QStringLiteral("---\napiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n"
                          "  name: istio-egressgateway\n  namespace: istio-system\nspec:\n"
                          "  selector:\n    istio: egressgateway\n  servers:\n  - port:\n"
                          "      number: 443\n      name: tls\n      protocol: TLS\n    hosts:\n") +
           tlsHosts +
           QStringLiteral("    tls:\n      mode: PASSTHROUGH\n  - port:\n      number: 80\n"
                          "      name: http\n      protocol: HTTP\n    hosts:\n") +
           httpHosts;
    for (int i = 0; i < o.hosts; ++i) {
        const QString host = hostName(i);
        const QString id = QStringLiteral("api-%1").arg(i, 4, 10, QLatin1Char('0'));
        const QString ns = QStringLiteral("team-%1").arg(i % namespaces);
        out += QStringLiteral("---\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\n"
                              "metadata:\n  name: %1\n  namespace: %2\nspec:\n  hosts:\n  - %3\n"
                              "  ports:\n  - number: 443\n    name: tls\n    protocol: TLS\n"
                              "  - number: 80\n    name: http\n    protocol: HTTP\n"
                              "  resolution: DNS\n  location: MESH_EXTERNAL\n")
                   .arg(id, ns, host) +
               exportTo;
        out += QStringLiteral(
                   "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n"
                   "  name: direct-%1-through-egress-gateway\n  namespace: %2\nspec:\n  hosts:\n"
                   "  - %3\n  gateways:\n  - istio-system/istio-egressgateway\n  - mesh\n"
                   "  http:\n  - match:\n    - gateways:\n      - mesh\n      port: 80\n"
                   "    route:\n    - destination:\n        host: %4\n        port:\n"
                   "          number: 80\n  - match:\n    - gateways:\n"
                   "      - istio-system/istio-egressgateway\n      port: 80\n    route:\n"
                   "    - destination:\n        host: %3\n        port:\n          number: 80\n"
                   "  tls:\n  - match:\n    - gateways:\n      - mesh\n      port: 443\n"
                   "      sniHosts:\n      - %3\n    route:\n    - destination:\n        host: %4\n"
                   "        port:\n          number: 443\n  - match:\n    - gateways:\n"
                   "      - istio-system/istio-egressgateway\n      port: 443\n      sniHosts:\n"
                   "      - %3\n    route:\n    - destination:\n        host: %3\n        port:\n"
                   "          number: 443\n")
                   .arg(id, ns, host, gatewayService) +
               exportTo;
        if (i % 2 == 1)
            out += originationWithoutCa(id, ns, host) + exportTo;
    }
    return out.toUtf8();
}

// GatewayApi: Istio's Gateway API egress task, once per host.
QByteArray generateGatewayApi(const MeshOptions &o) {
    QString out;
    out.reserve(o.hosts * 2000);
    for (int n = 0; n < o.namespaces; ++n) {
        out += clientNamespace(n, 3);
    }
    for (int i = 0; i < o.hosts; ++i) {
        const QString host = hostName(i);
        const QString id = QStringLiteral("api-%1").arg(i, 4, 10, QLatin1Char('0'));
        const QString ns = QStringLiteral("team-%1").arg(i % o.namespaces);
        out += QStringLiteral("---\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\n"
                              "metadata:\n  name: %1\n  namespace: %2\nspec:\n  hosts:\n  - %3\n"
                              "  ports:\n  - number: 80\n    name: http-port\n    protocol: HTTP\n"
                              "  - number: 443\n    name: https\n    protocol: HTTPS\n"
                              "  resolution: DNS\n")
                   .arg(id, ns, host);
        out += QStringLiteral(
                   "---\napiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n"
                   "  name: %1-egress-gateway\n  namespace: %2\n  annotations:\n"
                   "    networking.istio.io/service-type: ClusterIP\nspec:\n"
                   "  gatewayClassName: istio\n  listeners:\n  - name: http\n    hostname: %3\n"
                   "    port: 80\n    protocol: HTTP\n    allowedRoutes:\n      namespaces:\n"
                   "        from: Same\n")
                   .arg(id, ns, host);
        out += QStringLiteral(
                   "---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n"
                   "  name: direct-%1-to-egress-gateway\n  namespace: %2\nspec:\n"
                   "  parentRefs:\n  - kind: ServiceEntry\n    group: networking.istio.io\n"
                   "    name: %1\n  rules:\n  - backendRefs:\n"
                   "    - name: %1-egress-gateway-istio\n      port: 80\n"
                   "---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n"
                   "  name: forward-%1-from-egress-gateway\n  namespace: %2\nspec:\n"
                   "  parentRefs:\n  - name: %1-egress-gateway\n  hostnames:\n  - %3\n"
                   "  rules:\n  - backendRefs:\n    - kind: Hostname\n"
                   "      group: networking.istio.io\n      name: %3\n      port: 80\n")
                   .arg(id, ns, host);
        if (i % 2 == 1)
            out += originationWithoutCa(id, ns, host);
    }
    return out.toUtf8();
}

} // namespace

QByteArray generateMesh(const MeshOptions &o) {
    switch (o.shape) {
    case MeshShape::OneGateway:
        return generateSharedGateway(o, false);
    case MeshShape::ManyNamespaces:
        return generateSharedGateway(o, true);
    case MeshShape::GatewayApi:
        return generateGatewayApi(o);
    case MeshShape::GatewayPerHost:
        break;
    }
    return generateGatewayPerHost(o);
}

const char *shapeName(MeshShape shape) {
    switch (shape) {
    case MeshShape::OneGateway:
        return "one-gateway";
    case MeshShape::ManyNamespaces:
        return "many-namespaces";
    case MeshShape::GatewayApi:
        return "gateway-api";
    case MeshShape::GatewayPerHost:
        break;
    }
    return "gateway-per-host";
}

bool shapeFromName(const QByteArray &name, MeshShape *shape) {
    for (MeshShape s : {MeshShape::GatewayPerHost, MeshShape::OneGateway, MeshShape::ManyNamespaces,
                        MeshShape::GatewayApi})
        if (name == shapeName(s)) {
            *shape = s;
            return true;
        }
    return false;
}

} // namespace egret::bench

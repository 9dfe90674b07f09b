#include "model/mesh/Installation.h"

#include "model/decode/Decoders.h"
#include "model/istio/Hosts.h"
#include "model/istio/Workloads.h"
#include "model/mesh/GatewayInference.h"
#include "model/workspace/Workspace.h"

#include <yaml-cpp/yaml.h>

namespace egret {

namespace {

KubePort tcpPort(const char *name, qint64 port, qint64 target) {
    KubePort p;
    p.name = QLatin1String(name);
    p.port = port;
    p.targetPort = QString::number(target);
    p.targetPortNumber = target;
    p.protocol = QStringLiteral("TCP");
    return p;
}

// The Service ports a format gives a gateway that declares none: Istio's legacy gateway charts
// (istioctl, the operator, OpenShift Service Mesh) map 80/443 to 8080/8443; the istio/gateway
// chart maps them to themselves, with its status port.
QVector<KubePort> defaultPorts(const QString &format, bool egress) {
    if (format == QLatin1String("Helm values"))
        return {tcpPort("status-port", 15021, 15021), tcpPort("http2", 80, 80),
                tcpPort("https", 443, 443)};
    if (egress)
        return {tcpPort("http2", 80, 8080), tcpPort("https", 443, 8443)};
    return {tcpPort("status-port", 15021, 15021), tcpPort("http2", 80, 8080),
            tcpPort("https", 443, 8443)};
}

bool controlPlaneFormat(const QString &format) {
    return format == QLatin1String("IstioOperator") ||
           format == QLatin1String("ServiceMeshControlPlane") || format == QLatin1String("Istio");
}

QString where(const InstallationSource &s) {
    if (s.file.isEmpty())
        return s.description; // edited in the window: "the Installation panel"
    if (s.line <= 0)
        return QStringLiteral("%1 (%2)").arg(s.description, s.file);
    return QStringLiteral("%1 (%2:%3:%4)").arg(s.description, s.file).arg(s.line).arg(s.column);
}

bool hasWorkloadLabelled(const Workspace &ws, const QString &istioLabel) {
    bool found = false;
    ws.forEachResource([&](const Resource &r) {
        if (const Workload *w = r.as<Workload>())
            found = found || w->podLabels.value(QStringLiteral("istio")) == istioLabel;
    });
    return found;
}

void applyMesh(const InstallationSpec &spec, const MeshConfig &given, MeshConfig &mesh) {
    // What --mesh-config sets explicitly wins; an installation fills what is at Istio's default.
    const MeshConfig istioDefault;
    if (spec.outboundTrafficPolicy &&
        given.outboundTrafficPolicyMode == istioDefault.outboundTrafficPolicyMode)
        mesh.outboundTrafficPolicyMode = *spec.outboundTrafficPolicy;
    if (spec.rootNamespace && given.rootNamespace == istioDefault.rootNamespace)
        mesh.rootNamespace = *spec.rootNamespace;
}

void addDefault(Installation &out, const QString &name, const QString &istioLabel, bool egress,
                const QVector<KubePort> &ports) {
    KnownGateway g;
    g.basis = GatewayBasis::DefaultProfile;
    g.gateway.name = name;
    g.gateway.ns = out.mesh.rootNamespace;
    g.gateway.egress = egress;
    g.gateway.podLabels = {{QStringLiteral("app"), name}, {QStringLiteral("istio"), istioLabel}};
    g.gateway.ports = ports;
    out.gateways.append(g);
}

} // namespace

const KnownGateway *Installation::gateway(const QString &ns, const QString &name) const {
    for (const KnownGateway &g : gateways)
        if (g.gateway.ns == ns && g.gateway.name == name)
            return &g;
    return nullptr;
}

const KnownGateway *Installation::egressGateway() const {
    const KnownGateway *first = nullptr;
    for (const KnownGateway &g : gateways) {
        if (!g.gateway.egress)
            continue;
        if (g.basis == GatewayBasis::Declared)
            return &g;
        if (!first)
            first = &g;
    }
    return first;
}

Installation resolveInstallation(const Workspace &ws, const MeshConfig &given,
                                 bool assumeDefaults) {
    Installation out;
    out.mesh = given;
    out.mesh.installation.clear();

    // The documents: those among the inputs, then those given apart (which win on a clash).
    ws.forEachResource([&](const Resource &r) {
        const InstallationSpec *spec = r.wellFormed ? r.as<InstallationSpec>() : nullptr;
        if (!spec)
            return;
        InstallationSource s;
        s.spec = *spec;
        s.description = installationDescription(r.kindName, r.ns, r.meta.name);
        if (const SourceDocument *doc = ws.document(r.id.document))
            s.file = ws.files()[doc->file].path;
        s.line = r.location.line;
        s.column = r.location.column;
        out.sources.append(s);
    });
    out.sources += given.installation;

    bool controlPlane = false;
    QSet<QString> services; // FQDNs of the Services the manifests hold
    ws.forEachResource([&](const Resource &r) {
        if (r.wellFormed && r.as<Service>())
            services.insert(istio::serviceFqdn(r.meta.name, r.ns));
    });
    for (const InstallationSource &s : std::as_const(out.sources)) {
        applyMesh(s.spec, given, out.mesh);
        if (controlPlaneFormat(s.spec.format)) {
            controlPlane = true;
            out.controlPlaneNamespace = s.spec.controlPlaneNamespace;
            out.revision = s.spec.revision;
        }
        if (s.spec.members) {
            QStringList members = out.members.value_or(QStringList());
            members += *s.spec.members;
            out.members = members;
        }
        for (const InstalledGateway &declared : s.spec.gateways) {
            // A gateway whose Service is among the manifests is read from them.
            if (services.contains(istio::serviceFqdn(declared.name, declared.ns)))
                continue;
            KnownGateway g;
            g.gateway = declared;
            if (!declared.portsDeclared)
                g.gateway.ports = defaultPorts(s.spec.format, declared.egress);
            g.basis = GatewayBasis::Declared;
            g.origin = s.spec.format == QLatin1String("Installation panel")
                           ? QStringLiteral("as edited in the Installation panel")
                           : QStringLiteral("installed by %1").arg(where(s));
            g.file = s.file;
            g.line = s.line;
            g.column = s.column;
            g.sourceFormat = s.spec.format;
            for (qsizetype i = 0; i < out.gateways.size(); ++i)
                if (out.gateways[i].gateway.ns == declared.ns &&
                    out.gateways[i].gateway.name == declared.name)
                    out.gateways.remove(i--);
            out.gateways.append(g);
        }
    }
    // Disabled gateways are known not to be there: no default replaces them either.
    bool declaredEgress = false;
    bool declaredIngress = false;
    for (qsizetype i = 0; i < out.gateways.size(); ++i) {
        const InstalledGateway &g = out.gateways[i].gateway;
        (g.egress ? declaredEgress : declaredIngress) = true;
        if (!g.enabled)
            out.gateways.remove(i--);
    }
    if (!assumeDefaults)
        return out;

    for (const KnownGateway &g : std::as_const(out.gateways))
        services.insert(istio::serviceFqdn(g.gateway.name, g.gateway.ns));
    // Without an installation, Istio's default gateways are assumed below, not inferred.
    if (!controlPlane) {
        services.insert(
            istio::serviceFqdn(QStringLiteral("istio-egressgateway"), out.mesh.rootNamespace));
        services.insert(istio::serviceFqdn(out.mesh.ingressService, out.mesh.rootNamespace));
    }
    bool inferredEgress = false;
    bool inferredIngress = false;
    for (const InferredGateway &inferred : inferGateways(ws, services)) {
        KnownGateway g;
        g.basis = GatewayBasis::Inferred;
        g.gateway.name = inferred.name;
        g.gateway.ns = inferred.ns;
        g.gateway.egress = !inferred.name.contains(QLatin1String("ingress"));
        g.gateway.podLabels = inferred.podLabels;
        // Installed elsewhere than the root namespace, it is the istio/gateway chart's (Istio's
        // Helm guide); in the root namespace, the legacy charts'.
        g.gateway.ports = defaultPorts(
            inferred.ns == out.mesh.rootNamespace ? QString() : QStringLiteral("Helm values"),
            g.gateway.egress);
        g.origin = inferred.because;
        (g.gateway.egress ? inferredEgress : inferredIngress) = true;
        out.gateways.append(g);
    }
    // Istio's default profile, for what nothing above says: the analyzer harness's ingress
    // ports, and the egress gateway as Istio's chart renders its Service.
    if (!controlPlane && !declaredIngress && !inferredIngress &&
        out.mesh.ingressControllerMode != QLatin1String("OFF") &&
        !hasWorkloadLabelled(ws, QStringLiteral("ingressgateway")))
        addDefault(out, out.mesh.ingressService, QStringLiteral("ingressgateway"), false,
                   {tcpPort("http2", 80, 80), tcpPort("https", 443, 443),
                    tcpPort("tcp", 31400, 31400), tcpPort("tls", 15443, 15443)});
    if (!controlPlane && !declaredEgress && !inferredEgress &&
        !hasWorkloadLabelled(ws, QStringLiteral("egressgateway")))
        addDefault(out, QStringLiteral("istio-egressgateway"), QStringLiteral("egressgateway"),
                   true, {tcpPort("http2", 80, 8080), tcpPort("https", 443, 8443)});
    return out;
}

QVector<Resource> gatewayResources(const Installation &installation) {
    QVector<Resource> out;
    for (const KnownGateway &known : installation.gateways) {
        const InstalledGateway &g = known.gateway;
        Resource pod;
        pod.kind = Kind::Pod;
        pod.kindName = QStringLiteral("Pod");
        pod.apiVersion = QStringLiteral("v1");
        pod.meta.name = g.name;
        pod.meta.ns = g.ns;
        pod.meta.labels = g.podLabels;
        pod.ns = g.ns;
        pod.assumed = true;
        pod.installationDeclared = known.basis == GatewayBasis::Declared;
        pod.installedBecause = known.origin;
        Workload w;
        w.podLabels = g.podLabels;
        w.containerNames = {QStringLiteral("istio-proxy")};
        pod.spec = w;
        out.append(pod);

        Resource svc = pod;
        svc.kind = Kind::Service;
        svc.kindName = QStringLiteral("Service");
        Service s;
        s.hasSelector = true;
        s.selector = g.podLabels;
        s.ports = g.ports;
        s.type = g.serviceType;
        svc.spec = s;
        out.append(svc);
    }
    return out;
}

QString relianceText(const Resource &r) {
    const QString name = r.ns + QLatin1Char('/') + r.meta.name;
    if (r.installedBecause.isEmpty())
        return QStringLiteral("the assumed installed gateway %1").arg(name);
    return QStringLiteral("the gateway %1 %2").arg(name, r.installedBecause);
}

bool parseGatewayValues(const QByteArray &text, const QString &file, const QString &ns,
                        const QString &name, InstallationSpec *out, Diagnostics *problems) {
    const auto fail = [&](int line, int column, const QString &message) {
        if (problems) {
            Diagnostic d;
            d.code = QStringLiteral("mesh-config");
            d.location = {file, line, column};
            d.message = message;
            problems->append(d);
        }
        return false;
    };
    YAML::Node root;
    try {
        root = YAML::Load(std::string(text.constData(), size_t(text.size())));
    } catch (const YAML::Exception &e) {
        return fail(e.mark.line + 1, e.mark.column + 1,
                    QStringLiteral("malformed Helm values: %1").arg(QString::fromStdString(e.msg)));
    }
    if (!root.IsMap() && !root.IsNull())
        return fail(1, 1, QStringLiteral("Helm values must be a mapping"));
    *out = decode::gatewayChartValues(root, ns, name);
    return true;
}

} // namespace egret

// The installation documents: where each format says the gateways are, their labels and Service
// ports, and the mesh config it sets. Defaults are the format's own (see the comments).
#include "model/decode/Decoders.h"
#include "model/decode/NodeRead.h"
#include "model/istio/Workloads.h"

namespace egret::decode {

namespace {

QString orDefault(const QString &value, const QString &fallback) {
    return value.isEmpty() ? fallback : value;
}

QVector<KubePort> servicePorts(const YAML::Node &service, bool *declared) {
    QVector<KubePort> out;
    const YAML::Node ports = child(service, "ports");
    *declared = ports.IsSequence();
    forEach(service, "ports", [&](const YAML::Node &p) {
        KubePort kp;
        kp.name = str(p, "name");
        kp.port = integer(p, "port");
        kp.targetPort = str(p, "targetPort");
        kp.targetPortNumber = integer(p, "targetPort");
        kp.protocol = str(p, "protocol");
        if (kp.targetPort.isEmpty() && kp.port) {
            // Kubernetes defaults the target port to the port.
            kp.targetPort = QString::number(*kp.port);
            kp.targetPortNumber = kp.port;
        }
        out.append(kp);
    });
    return out;
}

void readMeshConfig(const YAML::Node &mesh, InstallationSpec &out) {
    if (const QString mode = str(child(mesh, "outboundTrafficPolicy"), "mode"); !mode.isEmpty())
        out.outboundTrafficPolicy = mode;
    if (const QString root = str(mesh, "rootNamespace"); !root.isEmpty())
        out.rootNamespace = root;
}

// IstioOperator profiles that install the standard gateways (manifests/profiles in Istio).
bool profileHasEgress(const QString &profile) {
    return profile == QLatin1String("demo");
}
bool profileHasIngress(const QString &profile) {
    return profile.isEmpty() || profile == QLatin1String("default") ||
           profile == QLatin1String("demo") || profile == QLatin1String("openshift") ||
           profile == QLatin1String("preview");
}

void readOperatorGateways(const YAML::Node &components, const char *key, bool egress,
                          const QString &defaultNs, const QString &profile, InstallationSpec &out) {
    const QString standard =
        egress ? QStringLiteral("istio-egressgateway") : QStringLiteral("istio-ingressgateway");
    bool standardListed = false;
    int index = 0;
    forEach(components, key, [&](const YAML::Node &g) {
        InstalledGateway gw;
        gw.egress = egress;
        gw.name = orDefault(str(g, "name"), standard);
        gw.ns = orDefault(str(g, "namespace"), defaultNs);
        // A listed gateway without `enabled` follows the profile when it is the standard one;
        // others are listed to be installed.
        const bool byProfile = egress ? profileHasEgress(profile) : profileHasIngress(profile);
        gw.enabled = boolean(g, "enabled").value_or(gw.name == standard ? byProfile : true);
        gw.podLabels = istio::gatewayChartLabels(gw.name);
        const Labels label = strMap(g, "label");
        for (auto it = label.cbegin(); it != label.cend(); ++it)
            gw.podLabels.insert(it.key(), it.value());
        const YAML::Node service = child(child(g, "k8s"), "service");
        gw.ports = servicePorts(service, &gw.portsDeclared);
        gw.serviceType = str(service, "type");
        gw.path = QStringLiteral("spec.components.%1[%2]").arg(QLatin1String(key)).arg(index++);
        standardListed = standardListed || gw.name == standard;
        out.gateways.append(gw);
    });
    if (!standardListed && (egress ? profileHasEgress(profile) : profileHasIngress(profile))) {
        InstalledGateway gw;
        gw.egress = egress;
        gw.name = standard;
        gw.ns = defaultNs;
        gw.podLabels = istio::gatewayChartLabels(standard);
        gw.path = QStringLiteral("spec.profile");
        out.gateways.append(gw);
    }
}

} // namespace

// install.istio.io/v1alpha1 IstioOperator, as istioctl and the operator read it.
InstallationSpec istioOperator(const YAML::Node &root) {
    InstallationSpec out;
    out.format = QStringLiteral("IstioOperator");
    const YAML::Node spec = child(root, "spec");
    out.profile = str(spec, "profile");
    out.revision = str(spec, "revision");
    // Components install into spec.namespace, else the operator resource's namespace, else
    // istio-system.
    out.controlPlaneNamespace =
        orDefault(str(spec, "namespace"), orDefault(str(child(root, "metadata"), "namespace"),
                                                    QStringLiteral("istio-system")));
    readMeshConfig(child(spec, "meshConfig"), out);
    const YAML::Node components = child(spec, "components");
    readOperatorGateways(components, "egressGateways", true, out.controlPlaneNamespace, out.profile,
                         out);
    readOperatorGateways(components, "ingressGateways", false, out.controlPlaneNamespace,
                         out.profile, out);
    out.egressGatewaysPath = QStringLiteral("spec.components.egressGateways");
    return out;
}

// maistra.io/v2 ServiceMeshControlPlane (OpenShift Service Mesh 2): its namespace is the control
// plane's; the standard gateways are on unless disabled, additional ones are named maps.
InstallationSpec serviceMeshControlPlane(const YAML::Node &root) {
    InstallationSpec out;
    out.format = QStringLiteral("ServiceMeshControlPlane");
    const YAML::Node spec = child(root, "spec");
    out.profile = strList(spec, "profiles").join(QLatin1Char(','));
    out.controlPlaneNamespace =
        orDefault(str(child(root, "metadata"), "namespace"), QStringLiteral("istio-system"));
    out.rootNamespace = out.controlPlaneNamespace;
    const YAML::Node outbound =
        child(child(child(child(spec, "proxy"), "networking"), "trafficControl"), "outbound");
    if (const QString policy = str(outbound, "policy"); !policy.isEmpty())
        out.outboundTrafficPolicy = policy;
    const YAML::Node gateways = child(spec, "gateways");
    const bool allOn = boolean(gateways, "enabled").value_or(true);
    const auto read = [&](const YAML::Node &g, const QString &name, bool egress,
                          const QString &path) {
        InstalledGateway gw;
        gw.egress = egress;
        gw.name = name;
        gw.ns = orDefault(str(g, "namespace"), out.controlPlaneNamespace);
        gw.enabled = allOn && boolean(g, "enabled").value_or(true);
        gw.podLabels = istio::gatewayChartLabels(name);
        const Labels labels = strMap(child(child(g, "runtime"), "metadata"), "labels");
        for (auto it = labels.cbegin(); it != labels.cend(); ++it)
            gw.podLabels.insert(it.key(), it.value());
        const YAML::Node service = child(g, "service");
        gw.ports = servicePorts(service, &gw.portsDeclared);
        gw.serviceType = str(service, "type");
        gw.path = path;
        out.gateways.append(gw);
    };
    read(child(gateways, "egress"), QStringLiteral("istio-egressgateway"), true,
         QStringLiteral("spec.gateways.egress"));
    read(child(gateways, "ingress"), QStringLiteral("istio-ingressgateway"), false,
         QStringLiteral("spec.gateways.ingress"));
    for (const auto &[key, egress] :
         {std::pair{"additionalEgress", true}, std::pair{"additionalIngress", false}}) {
        const YAML::Node extra = child(gateways, key);
        if (!extra.IsMap())
            continue;
        for (auto it = extra.begin(); it != extra.end(); ++it) {
            const QString name = str(it->first);
            read(it->second, name, egress,
                 QStringLiteral("spec.gateways.%1.%2").arg(QLatin1String(key), name));
        }
    }
    out.egressGatewaysPath = QStringLiteral("spec.gateways.additionalEgress");
    return out;
}

// maistra.io/v1 ServiceMeshMemberRoll: the namespaces in the mesh.
InstallationSpec serviceMeshMemberRoll(const YAML::Node &root) {
    InstallationSpec out;
    out.format = QStringLiteral("ServiceMeshMemberRoll");
    out.controlPlaneNamespace = str(child(root, "metadata"), "namespace");
    out.members = strList(child(root, "spec"), "members");
    return out;
}

// sailoperator.io Istio (Sail operator, OpenShift Service Mesh 3): the control plane only;
// gateways come by gateway injection, as Deployments among the manifests.
InstallationSpec sailIstio(const YAML::Node &root) {
    InstallationSpec out;
    out.format = QStringLiteral("Istio");
    const YAML::Node spec = child(root, "spec");
    out.profile = str(spec, "profile");
    out.controlPlaneNamespace = orDefault(str(spec, "namespace"), QStringLiteral("istio-system"));
    const QString name = str(child(root, "metadata"), "name");
    if (name != QLatin1String("default"))
        out.revision = name;
    readMeshConfig(child(child(spec, "values"), "meshConfig"), out);
    return out;
}

// The values of Istio's istio/gateway chart for release `name` in `ns`: Service and Deployment
// are named after the release; the chart's Service ports are 15021, 80 and 443.
InstallationSpec gatewayChartValues(const YAML::Node &values, const QString &ns,
                                    const QString &name) {
    InstallationSpec out;
    out.format = QStringLiteral("Helm values");
    InstalledGateway gw;
    gw.name = orDefault(str(values, "name"), name);
    gw.ns = ns;
    gw.podLabels = istio::gatewayChartLabels(gw.name);
    const Labels labels = strMap(values, "labels");
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        gw.podLabels.insert(it.key(), it.value());
    const YAML::Node service = child(values, "service");
    gw.ports = servicePorts(service, &gw.portsDeclared);
    gw.serviceType = str(service, "type");
    // The chart cannot tell an egress gateway from an ingress one; its name usually does.
    gw.egress = !gw.name.contains(QLatin1String("ingress"));
    gw.path = QStringLiteral("service.ports");
    out.gateways.append(gw);
    out.egressGatewaysPath = QStringLiteral("service.ports");
    return out;
}

} // namespace egret::decode

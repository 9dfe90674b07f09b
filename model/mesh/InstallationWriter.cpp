#include "model/mesh/InstallationWriter.h"

#include <yaml-cpp/yaml.h>

namespace egret {

namespace {

const QString kEditedDescription = QStringLiteral("the Installation panel");

std::string s(const QString &v) {
    return v.toStdString();
}

YAML::Node portsNode(const QVector<KubePort> &ports) {
    YAML::Node list(YAML::NodeType::Sequence);
    for (const KubePort &p : ports) {
        YAML::Node item(YAML::NodeType::Map);
        if (!p.name.isEmpty())
            item["name"] = s(p.name);
        if (p.port)
            item["port"] = *p.port;
        if (p.targetPortNumber)
            item["targetPort"] = *p.targetPortNumber;
        else if (!p.targetPort.isEmpty())
            item["targetPort"] = s(p.targetPort);
        list.push_back(item);
    }
    return list;
}

YAML::Node labelsNode(const Labels &labels) {
    YAML::Node map(YAML::NodeType::Map);
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        map[s(it.key())] = s(it.value());
    return map;
}

QByteArray emit(const YAML::Node &root, const char *comment) {
    YAML::Emitter out;
    out << YAML::Comment(comment) << YAML::Newline << root;
    return QByteArray(out.c_str()) + '\n';
}

} // namespace

QByteArray istioOperatorOverlay(const QVector<InstalledGateway> &gateways,
                                const QString &meshNamespace) {
    YAML::Node root(YAML::NodeType::Map);
    root["apiVersion"] = "install.istio.io/v1alpha1";
    root["kind"] = "IstioOperator";
    root["metadata"]["namespace"] = s(meshNamespace);
    YAML::Node components(YAML::NodeType::Map);
    for (const InstalledGateway &g : gateways) {
        YAML::Node item(YAML::NodeType::Map);
        item["name"] = s(g.name);
        item["namespace"] = s(g.ns);
        item["enabled"] = true;
        item["label"] = labelsNode(g.podLabels);
        if (!g.serviceType.isEmpty())
            item["k8s"]["service"]["type"] = s(g.serviceType);
        item["k8s"]["service"]["ports"] = portsNode(g.ports);
        components[g.egress ? "egressGateways" : "ingressGateways"].push_back(item);
    }
    root["spec"]["components"] = components;
    return emit(root, "Gateways as edited in Egret: merge into your IstioOperator "
                      "(istioctl install -f)");
}

QByteArray gatewayChartValuesFor(const InstalledGateway &gateway) {
    YAML::Node root(YAML::NodeType::Map);
    root["labels"] = labelsNode(gateway.podLabels);
    if (!gateway.serviceType.isEmpty())
        root["service"]["type"] = s(gateway.serviceType);
    root["service"]["ports"] = portsNode(gateway.ports);
    return emit(root, QStringLiteral("Values of the istio/gateway chart for %1 in %2, as edited in "
                                     "Egret: helm upgrade %1 istio/gateway -n %2 -f this file")
                          .arg(gateway.name, gateway.ns)
                          .toUtf8()
                          .constData());
}

MeshConfig withGatewayPort(const MeshConfig &given, const Installation &installation,
                           const QString &ns, const QString &name, const KubePort &port) {
    MeshConfig out = given;
    const KnownGateway *known = installation.gateway(ns, name);
    if (!known)
        return out;
    InstalledGateway g = known->gateway;
    g.ports.append(port);
    g.portsDeclared = true;
    g.enabled = true;
    // One source for everything edited here, listed after the others so that it wins.
    InstallationSource *edited = nullptr;
    for (InstallationSource &s : out.installation)
        if (s.description == kEditedDescription)
            edited = &s;
    if (!edited) {
        InstallationSource s;
        s.spec.format = QStringLiteral("Installation panel");
        s.description = kEditedDescription;
        s.given = true;
        out.installation.append(s);
        edited = &out.installation.last();
    }
    for (qsizetype i = 0; i < edited->spec.gateways.size(); ++i)
        if (edited->spec.gateways[i].ns == ns && edited->spec.gateways[i].name == name)
            edited->spec.gateways.remove(i--);
    edited->spec.gateways.append(g);
    return out;
}

QVector<InstalledGateway> editedGateways(const MeshConfig &given) {
    for (const InstallationSource &s : given.installation)
        if (s.description == kEditedDescription)
            return s.spec.gateways;
    return {};
}

} // namespace egret

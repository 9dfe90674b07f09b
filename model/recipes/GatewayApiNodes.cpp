#include "model/recipes/GatewayApiNodes.h"

#include "model/istio/GatewayApiRefs.h"
#include "model/recipes/HostNames.h"
#include "model/recipes/ResourceNodes.h"

namespace egret::recipes {

namespace {

YAML::Node map() {
    return YAML::Node(YAML::NodeType::Map);
}

} // namespace

YAML::Node listenerNode(const GatewayPlan &plan, const QString &name) {
    YAML::Node l = map();
    l["name"] = str(name);
    if (plan.protocol != QLatin1String("TCP")) // a TCP listener takes no hostname
        l["hostname"] = str(plan.host);
    l["port"] = num(plan.port);
    l["protocol"] = str(plan.protocol);
    if (plan.tlsMode == QLatin1String("PASSTHROUGH")) {
        YAML::Node tls = map();
        tls["mode"] = str(QStringLiteral("Passthrough"));
        l["tls"] = tls;
    } else if (plan.tlsMode == QLatin1String("ISTIO_MUTUAL")) {
        // Terminates the mutual TLS sidecars originate with their Istio certificates.
        YAML::Node options = map();
        options[istio::kTerminateModeOption.toStdString()] = str(QStringLiteral("ISTIO_MUTUAL"));
        YAML::Node tls = map();
        tls["mode"] = str(QStringLiteral("Terminate"));
        tls["options"] = options;
        l["tls"] = tls;
    }
    YAML::Node namespaces = map();
    namespaces["from"] = str(QStringLiteral("Same"));
    YAML::Node allowed = map();
    allowed["namespaces"] = namespaces;
    l["allowedRoutes"] = allowed;
    return l;
}

YAML::Node kubernetesGatewaySpec(const YAML::Node &listener) {
    YAML::Node spec = map();
    spec["gatewayClassName"] = str(istio::kIstioGatewayClass);
    spec["listeners"] = list({listener});
    return spec;
}

YAML::Node serviceEntryParent(const QString &name, const QString &ns) {
    YAML::Node p = map();
    p["kind"] = str(QStringLiteral("ServiceEntry"));
    p["group"] = str(istio::kIstioNetworkingGroup);
    p["name"] = str(name);
    if (!ns.isEmpty())
        p["namespace"] = str(ns);
    return p;
}

YAML::Node gatewayParent(const QString &name, const QString &sectionName) {
    YAML::Node p = map();
    p["name"] = str(name);
    if (!sectionName.isEmpty())
        p["sectionName"] = str(sectionName);
    return p;
}

YAML::Node serviceBackend(const QString &name, const QString &ns, qint64 port) {
    YAML::Node b = map();
    b["name"] = str(name);
    if (!ns.isEmpty())
        b["namespace"] = str(ns);
    b["port"] = num(port);
    return b;
}

YAML::Node hostnameBackend(const QString &host, qint64 port) {
    YAML::Node b = map();
    b["kind"] = str(QStringLiteral("Hostname"));
    b["group"] = str(istio::kIstioNetworkingGroup);
    b["name"] = str(host);
    b["port"] = num(port);
    return b;
}

YAML::Node routeSpec(const YAML::Node &parent, const QStringList &hostnames,
                     const YAML::Node &backend) {
    YAML::Node spec = map();
    spec["parentRefs"] = list({parent});
    if (!hostnames.isEmpty())
        spec["hostnames"] = strings(hostnames);
    YAML::Node rule = map();
    rule["backendRefs"] = list({backend});
    spec["rules"] = list({rule});
    return spec;
}

YAML::Node referenceGrantSpec(Kind routeKind, const QString &routeNs, const QString &service) {
    YAML::Node from = map();
    from["group"] = str(istio::kGatewayApiGroup);
    from["kind"] = str(kindName(routeKind));
    from["namespace"] = str(routeNs);
    YAML::Node to = map();
    to["group"] = str(QString(QLatin1String(""))); // the core group
    to["kind"] = str(QStringLiteral("Service"));
    to["name"] = str(service);
    YAML::Node spec = map();
    spec["from"] = list({from});
    spec["to"] = list({to});
    return spec;
}

YAML::Node secretReaderRole() {
    YAML::Node rule = map();
    rule["apiGroups"] = strings({QString(QLatin1String(""))});
    rule["resources"] = strings({QStringLiteral("secrets")});
    rule["verbs"] =
        strings({QStringLiteral("get"), QStringLiteral("watch"), QStringLiteral("list")});
    YAML::Node body = map();
    body["rules"] = list({rule});
    return body;
}

YAML::Node secretReaderBinding(const QString &role, const QString &serviceAccount) {
    YAML::Node roleRef = map();
    roleRef["apiGroup"] = str(QStringLiteral("rbac.authorization.k8s.io"));
    roleRef["kind"] = str(QStringLiteral("Role"));
    roleRef["name"] = str(role);
    YAML::Node subject = map();
    subject["kind"] = str(QStringLiteral("ServiceAccount"));
    subject["name"] = str(serviceAccount);
    YAML::Node body = map();
    body["roleRef"] = roleRef;
    body["subjects"] = list({subject});
    return body;
}

QString credentialAccessName(const QString &gatewayName) {
    return fitDnsLabel(istio::deployedName(gatewayName), QStringLiteral("-sds"));
}

} // namespace egret::recipes

#include "model/recipes/ResourceNodes.h"

#include "model/edit/NodeEdit.h"
#include "model/istio/GatewayRef.h"

namespace egret::recipes {

YAML::Node str(const QString &text) {
    return edit::stringScalar(text);
}

YAML::Node num(qint64 value) {
    return edit::integerScalar(value);
}

YAML::Node strings(const QStringList &items) {
    YAML::Node seq(YAML::NodeType::Sequence);
    for (const QString &s : items)
        seq.push_back(str(s));
    return seq;
}

YAML::Node list(std::initializer_list<YAML::Node> items) {
    YAML::Node seq(YAML::NodeType::Sequence);
    for (const YAML::Node &n : items)
        seq.push_back(n);
    return seq;
}

namespace {

YAML::Node map() {
    return YAML::Node(YAML::NodeType::Map);
}

YAML::Node portNumber(qint64 number) {
    YAML::Node port = map();
    port["number"] = num(number);
    return port;
}

YAML::Node destination(const QString &host, const QString &subset, qint64 port, bool weight) {
    YAML::Node dest = map();
    dest["host"] = str(host);
    if (!subset.isEmpty())
        dest["subset"] = str(subset);
    dest["port"] = portNumber(port);
    YAML::Node route = map();
    route["destination"] = dest;
    if (weight)
        route["weight"] = num(100);
    return list({route});
}

YAML::Node rule(const GatewayPlan &plan, const QString &gateway, qint64 port,
                const YAML::Node &route, bool mesh) {
    YAML::Node match = map();
    match["gateways"] = strings({gateway});
    if (mesh && !plan.destinationSubnets.isEmpty())
        match["destinationSubnets"] = strings(plan.destinationSubnets);
    match["port"] = num(port);
    if (plan.sniMatch)
        match["sniHosts"] = strings({plan.host});
    YAML::Node out = map();
    out["match"] = list({match});
    out["route"] = route;
    return out;
}

} // namespace

YAML::Node serviceEntryPort(const PortPlan &port, const QString &name) {
    YAML::Node out = map();
    out["number"] = num(port.number);
    out["name"] = str(name);
    out["protocol"] = str(port.protocol);
    if (port.targetPort)
        out["targetPort"] = num(*port.targetPort);
    return out;
}

YAML::Node serviceEntrySpec(const ServiceEntryPlan &plan, const QStringList &portNames) {
    YAML::Node spec = map();
    spec["hosts"] = strings({plan.host});
    if (!plan.addresses.isEmpty())
        spec["addresses"] = strings(plan.addresses);
    YAML::Node ports(YAML::NodeType::Sequence);
    for (int i = 0; i < plan.ports.size(); ++i)
        ports.push_back(serviceEntryPort(plan.ports[i], portNames.value(i)));
    spec["ports"] = ports;
    spec["location"] = str(QStringLiteral("MESH_EXTERNAL"));
    spec["resolution"] = str(plan.resolution);
    if (!plan.endpoints.isEmpty()) {
        YAML::Node endpoints(YAML::NodeType::Sequence);
        for (const QString &address : plan.endpoints) {
            YAML::Node e = map();
            e["address"] = str(address);
            endpoints.push_back(e);
        }
        spec["endpoints"] = endpoints;
    }
    return spec;
}

YAML::Node gatewayServer(const GatewayPlan &plan, const QString &portName) {
    YAML::Node port = map();
    port["number"] = num(plan.port);
    port["name"] = str(portName);
    port["protocol"] = str(plan.protocol);
    YAML::Node server = map();
    server["port"] = port;
    server["hosts"] = strings({plan.host});
    if (!plan.tlsMode.isEmpty()) {
        YAML::Node tls = map();
        tls["mode"] = str(plan.tlsMode);
        server["tls"] = tls;
    }
    return server;
}

YAML::Node gatewaySpec(const QString &selectorValue, const YAML::Node &server) {
    YAML::Node selector = map();
    selector["istio"] = str(selectorValue);
    YAML::Node spec = map();
    spec["selector"] = selector;
    spec["servers"] = list({server});
    return spec;
}

YAML::Node gatewaySubset(const GatewayPlan &plan, const QString &name) {
    YAML::Node subset = map();
    subset["name"] = str(name);
    if (plan.istioMutualSubset) {
        // Sidecars reach the gateway in mutual TLS; `sni` selects the Gateway server.
        YAML::Node lb = map();
        lb["simple"] = str(QStringLiteral("ROUND_ROBIN"));
        YAML::Node tls = map();
        tls["mode"] = str(QStringLiteral("ISTIO_MUTUAL"));
        tls["sni"] = str(plan.destinationHost);
        YAML::Node port = map();
        port["port"] = portNumber(plan.port);
        port["tls"] = tls;
        YAML::Node policy = map();
        policy["loadBalancer"] = lb;
        policy["portLevelSettings"] = list({port});
        subset["trafficPolicy"] = policy;
    }
    return subset;
}

YAML::Node meshRule(const GatewayPlan &plan, const QString &gatewayService, const QString &subset) {
    return rule(plan, istio::kMeshGateway, plan.meshPort,
                destination(gatewayService, subset, plan.port, plan.meshWeight), true);
}

YAML::Node gatewayRule(const GatewayPlan &plan, const QString &gatewayRef) {
    return rule(plan, gatewayRef, plan.port,
                destination(plan.destinationHost, QString(), plan.destinationPort, true), false);
}

YAML::Node portTlsSettings(const OriginationPlan &plan) {
    YAML::Node tls = map();
    tls["mode"] = str(plan.mode);
    if (!plan.credentialName.isEmpty())
        tls["credentialName"] = str(plan.credentialName);
    if (!plan.sni.isEmpty())
        tls["sni"] = str(plan.sni);
    YAML::Node item = map();
    item["port"] = portNumber(plan.port);
    item["tls"] = tls;
    return item;
}

} // namespace egret::recipes

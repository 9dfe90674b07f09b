// The derivation rules on the project's own small manifests: visibility, outbound policy,
// DestinationRule precedence, senders, gateways, ports, first-match, broken hops, JSON.
#include "FlowTestSupport.h"

#include "model/flow/FlowJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace egret;
using namespace egret::test;

namespace {
const QString kEgress = QStringLiteral("gateway:istio-system/istio-egressgateway");

MeshConfig registryOnly() {
    MeshConfig m;
    m.outboundTrafficPolicyMode = QStringLiteral("REGISTRY_ONLY");
    return m;
}

const Resource *findResource(const Workspace &ws, const QString &kind, const QString &name) {
    for (const Resource *r : ws.resources())
        if (r->kindName == kind && r->meta.name == name)
            return r;
    return nullptr;
}

Diagnostic finding(const Resource *r, const QString &path, Severity severity = Severity::Error) {
    Diagnostic d;
    d.severity = severity;
    d.code = QStringLiteral("IST0101");
    d.message = QStringLiteral("Referenced thing not found");
    d.resourceId = r->id;
    d.resource = r->ref();
    d.path = path;
    return d;
}
} // namespace

class TestFlowRules : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void exportToAndSidecarHosts() {
        const FlowGraph g = flowsOfBytes(data("visibility.yaml"));
        QCOMPARE(hopLines(g),
                 sorted({"workload:team-a/client -> host:api.partner.com 443 HTTPS app-tls",
                         "workload:team-a/client -> host:api.public.com 80 HTTP plaintext",
                         "workload:team-a/client -> host:api.public.com 443 HTTPS app-tls",
                         "workload:team-b/client -> host:api.public.com 80 HTTP plaintext",
                         "workload:team-b/client -> host:api.public.com 443 HTTPS app-tls"}));
        // The VirtualService exported to team-a only: its timeout is on team-a's hop alone.
        QCOMPARE(g.hop("workload:team-a/client->host:api.public.com:80/HTTP/plaintext")->timeout,
                 QString("5s"));
        QCOMPARE(g.hop("workload:team-b/client->host:api.public.com:80/HTTP/plaintext")->timeout,
                 QString());
        // batch is a sender with nothing it may reach; its Sidecar is part of its provenance.
        const FlowNode *batch = g.node("workload:team-b/batch");
        QVERIFY(batch);
        QCOMPARE(batch->provenance.last().resource.toString(),
                 QString("Sidecar team-b/batch-only-local"));
    }

    void outboundTrafficPolicy() {
        const QString host = "host:old.partner.org";
        const FlowGraph allowAny = flowsOfBytes(data("registry.yaml"));
        QCOMPARE(hopLines(allowAny),
                 sorted({"workload:default/shop -> " + host + " 80 HTTP plaintext",
                         "workload:legacy/shop -> " + host + " 80 HTTP plaintext"}));
        QVERIFY(allowAny.node(host)->flags.testFlag(NodeFlag::Undeclared));
        QVERIFY(allowAny.hops().first().notes.join(' ').contains("ALLOW_ANY"));

        // REGISTRY_ONLY blocks the undeclared host, except where a Sidecar says ALLOW_ANY.
        const FlowGraph strict = flowsOfBytes(data("registry.yaml"), registryOnly());
        QCOMPARE(hopLines(strict),
                 sorted({"workload:default/shop -> " + host + " 80 HTTP plaintext blocked",
                         "workload:legacy/shop -> " + host + " 80 HTTP plaintext"}));
        const FlowHop *blocked =
            strict.hop("workload:default/shop->" + host + ":80/HTTP/plaintext");
        QVERIFY(blocked->failing());
        QVERIFY(blocked->notes.join(' ').contains("REGISTRY_ONLY"));
        // Retries and faults travel with the hop (badges in the view).
        QCOMPARE(blocked->retries, QString("3 attempts, 2s per try"));
        QCOMPARE(blocked->fault, QString("delay 1s (10%)"));
    }

    void destinationRuleNamespaces() {
        const FlowGraph g = flowsOfBytes(data("dr-namespaces.yaml"));
        QCOMPARE(hopLines(g),
                 sorted({"workload:apps/client -> host:api.bank.com 80 HTTP ISTIO_MUTUAL",
                         "workload:apps/other -> host:api.bank.com 80 HTTP MUTUAL",
                         "workload:elsewhere/far -> host:api.bank.com 80 HTTP SIMPLE",
                         // a rule applies in its own namespace whatever its exportTo says
                         "workload:vendors/* -> host:api.bank.com 80 HTTP MUTUAL"}));
        QCOMPARE(g.hop("workload:apps/other->host:api.bank.com:80/HTTP/MUTUAL")->tlsDetail,
                 QString("credentialName=bank-client"));
    }

    void destinationRuleLevels() {
        const FlowGraph g = flowsOfBytes(data("dr-levels.yaml"));
        QCOMPARE(hopLines(g),
                 sorted({// top level
                         "workload:* -> host:api.levels.com 80 HTTP SIMPLE",
                         // the subset's own port level beats the subset's top level
                         "workload:* -> host:api.levels.com 7070 HTTP MUTUAL",
                         // the subset beats the rule's port level
                         "workload:* -> host:api.levels.com 8080 HTTP ISTIO_MUTUAL",
                         // a port-level entry without tls replaces the top level: no TLS
                         "workload:* -> host:api.levels.com 9090 HTTP plaintext"}));
        QStringList paths;
        for (const FlowSource &s :
             g.hop("workload:*->host:api.levels.com:7070/HTTP/MUTUAL")->provenance)
            if (s.resource.kind == QLatin1String("DestinationRule"))
                paths = s.paths;
        QCOMPARE(paths, QStringList({"spec.host", "spec.subsets[1]",
                                     "spec.subsets[1].trafficPolicy.portLevelSettings[0].tls"}));
    }

    void tcpThroughGateway() {
        const FlowGraph g = flowsOfBytes(data("tcp-via-gateway.yaml"));
        QCOMPARE(hopLines(g),
                 sorted({"workload:* -> " + kEgress + " 15432 TCP plaintext",
                         kEgress + " -> host:postgres.partner.net 5432 TCP plaintext"}));
        QCOMPARE(g.node("host:postgres.partner.net")->hosts,
                 QStringList({"postgres.partner.net", "10.20.0.0/24"}));
        QCOMPARE(g.node(kEgress)->ports, QList<int>{15432});
    }

    void wildcardThroughGateway() {
        const FlowGraph g = flowsOfBytes(data("wildcard-via-gateway.yaml"));
        // The wildcard rule covers www.wikipedia.org too: no direct hop to either.
        QCOMPARE(hopLines(g), sorted({"workload:* -> " + kEgress + " 443 TLS app-tls",
                                      kEgress + " -> host:www.wikipedia.org 443 TLS app-tls"}));
    }

    void sendersAndGateways() {
        const FlowGraph g = flowsOfBytes(data("workloads.yaml"));
        QCOMPARE(nodeIds(g, FlowNodeKind::Workload),
                 QStringList({"workload:shop/db", "workload:shop/reviews", "workload:payments/*"}));
        QCOMPARE(g.node("workload:shop/reviews")->provenance.size(), 2);
        QCOMPARE(g.node("workload:shop/reviews")->labels, (Labels{{"app", "reviews"}}));
        QCOMPARE(g.node("workload:payments/*")->label, QString("sidecars in payments"));
        // The Gateway's selector names the edge Deployment, fronted by its Service.
        QCOMPARE(nodeIds(g, FlowNodeKind::Gateway), QStringList{"gateway:edge/edge-egress"});
        const FlowNode *gw = g.node("gateway:edge/edge-egress");
        QVERIFY(!gw->flags.testFlag(NodeFlag::Assumed));
        QStringList kinds;
        for (const FlowSource &s : gw->provenance)
            kinds << s.resource.kind;
        QCOMPARE(kinds, QStringList({"Deployment", "Service", "Gateway"}));
    }

    void gatewayWithoutWorkload() {
        QByteArray yaml = data("tcp-via-gateway.yaml");
        yaml.replace("selector: {istio: egressgateway}", "selector: {app: nowhere}");
        const FlowGraph g = flowsOfBytes(yaml);
        const FlowNode *gw = g.node("gateway:default/egress-pg");
        QVERIFY(gw);
        QVERIFY(gw->flags.testFlag(NodeFlag::Unresolved));
        QVERIFY(g.hop("gateway:default/egress-pg->host:postgres.partner.net:5432/TCP/plaintext"));
    }

    void firstMatchWins() {
        const FlowGraph g = flowsOfBytes(data("shadowing.yaml"));
        // The port-80 rule comes after a rule that takes everything: api.two.com:8080 is
        // never reached.
        QCOMPARE(hopLines(g), sorted({"workload:* -> host:api.one.com 80 HTTP plaintext",
                                      "workload:* -> host:api.two.com 80 HTTP plaintext",
                                      "workload:* -> host:api.three.com 80 HTTP plaintext"}));
        QCOMPARE(g.hop("workload:*->host:api.one.com:80/HTTP/plaintext")->weight,
                 std::optional<int>(90));
    }

    void findingsBreakTheHopsTheyPointAt() {
        Workspace ws;
        const QByteArray yaml = concat({data("tcp-via-gateway.yaml")});
        flowsOfBytes(yaml, {}, {}, &ws);
        const Resource *vs = findResource(ws, "VirtualService", "pg-through-egress");
        const Resource *dr = findResource(ws, "DestinationRule", "egress-pg");
        QVERIFY(vs && dr);

        // An error inside the gateway rule's destination breaks the gateway's hop only.
        FlowGraph g = deriveFlows(ws, {}, {finding(vs, "spec.tcp[1].route[0].destination.port")});
        QCOMPARE(hopLines(g),
                 sorted({"workload:* -> " + kEgress + " 15432 TCP plaintext",
                         kEgress + " -> host:postgres.partner.net 5432 TCP plaintext broken"}));
        const FlowHop *broken = g.hop(kEgress + "->host:postgres.partner.net:5432/TCP/plaintext");
        QCOMPARE(broken->problems, QStringList{"IST0101 Referenced thing not found"});

        // An error about the whole rule breaks the hops it makes; a warning breaks nothing;
        // a path that only looks alike (spec.hosts vs spec.host) does not match.
        g = deriveFlows(ws, {}, {finding(dr, QString())});
        QVERIFY(hopLines(g).contains("workload:* -> " + kEgress + " 15432 TCP plaintext broken"));
        g = deriveFlows(ws, {}, {finding(vs, "spec.tcp[0]", Severity::Warning)});
        QVERIFY(std::none_of(g.hops().cbegin(), g.hops().cend(),
                             [](const FlowHop &h) { return h.broken; }));
        g = deriveFlows(ws, {}, {finding(dr, "spec.hosts")});
        QVERIFY(std::none_of(g.hops().cbegin(), g.hops().cend(),
                             [](const FlowHop &h) { return h.broken; }));
    }

    void loadErrorsAreFindingsToo() {
        // A schema error the loader reports (with its resource and path) breaks the hop.
        QByteArray yaml = data("wildcard-via-gateway.yaml");
        yaml.replace("host: www.wikipedia.org, port: {number: 443}",
                     "host: www.wikipedia.org, port: {number: \"443\"}");
        Workspace ws;
        flowsOfBytes(yaml, {}, {}, &ws);
        QVERIFY(hasErrors(ws.diagnostics()));
        const FlowGraph g = deriveFlows(ws, {}, ws.diagnostics());
        QCOMPARE(hopLines(g),
                 sorted({"workload:* -> " + kEgress + " 443 TLS app-tls",
                         kEgress + " -> host:www.wikipedia.org 443 TLS app-tls broken"}));
    }

    void idsAreStableAcrossUnrelatedEdits() {
        const FlowGraph before = flowsOfBytes(data("dr-levels.yaml"));
        QByteArray edited = data("dr-levels.yaml");
        edited.replace("simple: ROUND_ROBIN", "simple: LEAST_REQUEST");
        const FlowGraph after = flowsOfBytes(edited);
        QCOMPARE(hopLines(after), hopLines(before));
        for (const FlowHop &h : before.hops())
            QVERIFY(after.hop(h.id));
    }

    void jsonShape() {
        const FlowGraph g = flowsOfBytes(data("tcp-via-gateway.yaml"), registryOnly());
        const QJsonObject root = QJsonDocument::fromJson(flowGraphJson(g)).object();
        QCOMPARE(root.keys(), QStringList({"edges", "nodes"}));
        const QJsonArray nodes = root.value("nodes").toArray();
        QCOMPARE(nodes.size(), 3);
        QCOMPARE(nodes.at(0).toObject().keys(),
                 QStringList({"hosts", "id", "kind", "label", "namespace", "ports"}));
        QCOMPARE(nodes.at(0).toObject().value("kind").toString(), QString("workload"));
        QCOMPARE(nodes.at(1).toObject().value("kind").toString(), QString("gateway"));
        const QJsonObject host = nodes.at(2).toObject();
        QCOMPARE(host.value("kind").toString(), QString("external"));
        QCOMPARE(host.value("ports").toArray(), QJsonArray({5432}));
        const QJsonArray edges = root.value("edges").toArray();
        QCOMPARE(edges.size(), 2);
        const QJsonObject e = edges.at(1).toObject();
        QCOMPARE(e.keys(), QStringList({"blocked", "broken", "from", "port", "protocol",
                                        "resources", "tls", "to"}));
        QCOMPARE(e.value("from").toString(), kEgress);
        QCOMPARE(e.value("port").toInt(), 5432);
        QCOMPARE(e.value("tls").toString(), QString("plaintext"));
        QCOMPARE(e.value("broken").toBool(), false);
        QCOMPARE(e.value("resources").toArray().first().toObject().keys(),
                 QStringList({"kind", "name", "namespace"}));
    }
};

QTEST_GUILESS_MAIN(TestFlowRules)
#include "tst_flow_rules.moc"

// Where the gateways are: the installation documents (IstioOperator, ServiceMeshControlPlane and
// ServiceMeshMemberRoll, Sail's Istio, the istio/gateway chart's values), the gateways inferred
// from routes when nothing declares them, and Istio's default profile otherwise; and what the
// findings, the flows and the mesh config make of each.
#include "TestSupport.h"

#include "model/flow/FlowDeriver.h"
#include "model/io/Loader.h"
#include "model/mesh/Installation.h"
#include "model/validation/Validator.h"

using namespace egret;
using namespace egret::test;

namespace {

QString installationData(const QString &name) {
    return dataFile(QStringLiteral("installation/") + name);
}

Workspace load(const QStringList &names) {
    QStringList paths;
    for (const QString &n : names)
        paths << installationData(n);
    return loadFiles(paths);
}

// "ns/name basis ports" for each gateway, e.g. "istio-system/istio-egressgateway declared
// 80>8080,443>8443".
QStringList gatewayLines(const Installation &inst) {
    QStringList out;
    for (const KnownGateway &g : inst.gateways) {
        QStringList ports;
        for (const KubePort &p : g.gateway.ports)
            ports << QStringLiteral("%1>%2").arg(p.port.value_or(0)).arg(p.targetPort);
        const char *basis = g.basis == GatewayBasis::Declared   ? "declared"
                            : g.basis == GatewayBasis::Inferred ? "inferred"
                                                                : "default";
        out << QStringLiteral("%1/%2 %3%4 %5")
                   .arg(g.gateway.ns, g.gateway.name, QLatin1String(basis),
                        g.gateway.egress ? QString() : QStringLiteral(" ingress"),
                        ports.join(QLatin1Char(',')));
    }
    out.sort();
    return out;
}

QStringList messages(const QVector<validation::Finding> &findings) {
    QStringList out;
    for (const validation::Finding &f : findings)
        out << QLatin1String(f.type->code) + QLatin1Char(' ') + f.toDiagnostic().message;
    return out;
}

QStringList hopLines(const FlowGraph &g) {
    QStringList out;
    for (const FlowHop &h : g.hops())
        out << QStringLiteral("%1 -> %2 %3").arg(h.from, h.to).arg(h.port) +
                   (h.failing() ? QStringLiteral(" broken") : QString());
    out.sort();
    return out;
}

} // namespace

class TestInstallation : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void defaultProfileWhenNothingSays() {
        const Installation inst = resolveInstallation(Workspace(), MeshConfig());
        QCOMPARE(gatewayLines(inst),
                 QStringList({
                     "istio-system/istio-egressgateway default 80>8080,443>8443",
                     "istio-system/istio-ingressgateway default ingress "
                     "80>80,443>443,31400>31400,15443>15443",
                 }));
        QCOMPARE(inst.mesh.outboundTrafficPolicyMode, QStringLiteral("ALLOW_ANY"));
    }

    // The repository installs its egress gateway with Istio's Helm chart in istio-egress: the
    // routes say so, and Egret follows them instead of reporting the Service missing.
    void helmInstalledGatewayIsInferredFromTheRoutes() {
        const Workspace ws = load({"helm-egress-repo.yaml"});
        const Installation inst = resolveInstallation(ws, MeshConfig());
        QCOMPARE(gatewayLines(inst),
                 QStringList({"istio-egress/istio-egressgateway inferred 15021>15021,80>80,443>443",
                              "istio-system/istio-ingressgateway default ingress "
                              "80>80,443>443,31400>31400,15443>15443"}));
        const KnownGateway *g = inst.gateway("istio-egress", "istio-egressgateway");
        QVERIFY(g->origin.contains("VirtualService shop/httpbin-via-egress sends mesh traffic to "
                                   "istio-egressgateway.istio-egress.svc.cluster.local"));
        QVERIFY(g->origin.contains("Gateway istio-egress/egress selects istio=egressgateway"));

        QCOMPARE(messages(validation::validate(ws, {})), QStringList());

        // One flow, through the gateway where the routes send it; no gateway in istio-system.
        const FlowGraph flows = deriveFlows(ws, MeshConfig());
        QCOMPARE(hopLines(flows),
                 QStringList({
                     "gateway:istio-egress/istio-egressgateway -> "
                     "host:httpbin.org 80",
                     "workload:shop/* -> gateway:istio-egress/istio-egressgateway 80",
                 }));
        const FlowNode *node =
            flows.node(QStringLiteral("gateway:istio-egress/istio-egressgateway"));
        QVERIFY(node->flags.testFlag(NodeFlag::Assumed));
        QVERIFY(node->origin.startsWith("assumed installed there: VirtualService"));
    }

    // Told to assume nothing, Egret reports what Istio would see without the Helm release.
    void noInferenceWithoutDefaults() {
        const Workspace ws = load({"helm-egress-repo.yaml"});
        validation::ValidatorOptions options;
        options.assumeGateways = false;
        const QStringList found = messages(validation::validate(ws, options));
        QVERIFY(found.contains("IST0101 Referenced host not found: "
                               "\"istio-egressgateway.istio-egress.svc.cluster.local\""));
    }

    // An IstioOperator among the inputs: its gateway's ports (7777 added, as Istio's TCP egress
    // example asks) and its mesh config are read, and findings say where the gateway comes from.
    void istioOperatorAmongTheInputs() {
        const Workspace ws = load({"iop-egress-7777.yaml"});
        QVERIFY2(ws.diagnostics().isEmpty(), qPrintable(ws.diagnostics().value(0).message));
        const Installation inst = resolveInstallation(ws, MeshConfig());
        // The demo profile's ingress gateway, the egress gateway as declared.
        QCOMPARE(gatewayLines(inst),
                 QStringList({"istio-system/istio-egressgateway declared "
                              "80>8080,443>8443,7777>7777",
                              "istio-system/istio-ingressgateway declared ingress "
                              "15021>15021,80>8080,443>8443"}));
        QCOMPARE(inst.mesh.outboundTrafficPolicyMode, QStringLiteral("REGISTRY_ONLY"));
        const KnownGateway *g = inst.gateway("istio-system", "istio-egressgateway");
        QCOMPARE(g->origin, "installed by IstioOperator in istio-system (" +
                                installationData("iop-egress-7777.yaml") + ":2:1)");
    }

    // The default profile installs no egress gateway: an IstioOperator that does not add one
    // means there is none, and routes to it are broken (nothing is assumed behind its back).
    void istioOperatorDefaultProfileHasNoEgressGateway() {
        const Workspace ws = loadBytes(QStringLiteral("iop.yaml"),
                                       "apiVersion: install.istio.io/v1alpha1\n"
                                       "kind: IstioOperator\n"
                                       "metadata:\n  name: cp\n  namespace: istio-system\n"
                                       "spec:\n  profile: default\n");
        QCOMPARE(gatewayLines(resolveInstallation(ws, MeshConfig())),
                 QStringList({"istio-system/istio-ingressgateway declared ingress "
                              "15021>15021,80>8080,443>8443"}));
    }

    // OpenShift Service Mesh 2: standard egress off, an additional one in its own namespace,
    // the outbound policy, and the member roll.
    void serviceMeshControlPlane() {
        const Workspace ws = load({"smcp.yaml"});
        QVERIFY2(ws.diagnostics().isEmpty(), qPrintable(ws.diagnostics().value(0).message));
        const Installation inst = resolveInstallation(ws, MeshConfig());
        QCOMPARE(gatewayLines(inst),
                 QStringList({"istio-system/istio-ingressgateway declared ingress "
                              "15021>15021,80>8080,443>8443",
                              "payments-egress/egress-payments declared 443>443,8443>9443"}));
        QCOMPARE(inst.mesh.outboundTrafficPolicyMode, QStringLiteral("REGISTRY_ONLY"));
        QCOMPARE(inst.members, std::optional<QStringList>(QStringList({"shop", "payments"})));
        const KnownGateway *g = inst.gateway("payments-egress", "egress-payments");
        QCOMPARE(g->gateway.podLabels,
                 (Labels{{"app", "egress-payments"}, {"istio", "egress-payments"}}));
        QVERIFY(g->origin.startsWith("installed by ServiceMeshControlPlane istio-system/basic"));
    }

    // Sail: the control plane only; the gateway comes by gateway injection, in the files.
    void sailIstioWithGatewayInjection() {
        const Workspace ws = load({"sail.yaml"});
        QVERIFY2(ws.diagnostics().isEmpty(), qPrintable(ws.diagnostics().value(0).message));
        const Installation inst = resolveInstallation(ws, MeshConfig());
        QCOMPARE(gatewayLines(inst), QStringList());
        QCOMPARE(inst.mesh.outboundTrafficPolicyMode, QStringLiteral("REGISTRY_ONLY"));
        QCOMPARE(inst.controlPlaneNamespace, QStringLiteral("istio-system"));
    }

    // The istio/gateway chart's values for a named release, given apart (--gateway-values).
    void helmValuesGivenApart() {
        InstallationSource s;
        Diagnostics problems;
        QVERIFY(parseGatewayValues(readFile(installationData("gateway-values.yaml")),
                                   QStringLiteral("values.yaml"), QStringLiteral("istio-egress"),
                                   QStringLiteral("istio-egressgateway"), &s.spec, &problems));
        s.description = QStringLiteral("Helm values of istio-egress/istio-egressgateway");
        MeshConfig given;
        given.installation << s;
        const Installation inst = resolveInstallation(Workspace(), given);
        QCOMPARE(gatewayLines(inst),
                 QStringList({"istio-egress/istio-egressgateway declared 443>443,5432>5432",
                              "istio-system/istio-ingressgateway default ingress "
                              "80>80,443>443,31400>31400,15443>15443"}));
        QCOMPARE(inst.gateway("istio-egress", "istio-egressgateway")->gateway.podLabels,
                 (Labels{{"app", "istio-egressgateway"}, {"istio", "egressgateway"}}));
        QVERIFY(!parseGatewayValues("- a list\n", QStringLiteral("v.yaml"), "ns", "gw", &s.spec,
                                    &problems));
        QCOMPARE(problems.last().message, QStringLiteral("Helm values must be a mapping"));
    }

    // --mesh-config takes installation documents too, several in one file.
    void meshConfigFileWithInstallationDocuments() {
        MeshConfig mesh;
        Diagnostics problems;
        QVERIFY(loadMeshConfig(installationData("smcp.yaml"), &mesh, &problems));
        QCOMPARE(mesh.installation.size(), 2);
        QCOMPARE(mesh.installation[0].description,
                 QStringLiteral("ServiceMeshControlPlane istio-system/basic"));
        QVERIFY(mesh.installation[0].given);
        const Installation inst = resolveInstallation(Workspace(), mesh);
        QCOMPARE(inst.mesh.outboundTrafficPolicyMode, QStringLiteral("REGISTRY_ONLY"));
        QVERIFY(inst.gateway("payments-egress", "egress-payments"));

        QVERIFY(!parseMeshConfig("apiVersion: v1\nkind: Secret\nmetadata:\n  name: x\n",
                                 QStringLiteral("m.yaml"), &mesh, &problems));
        QVERIFY(problems.last().message.startsWith("Secret is not a mesh config"));
        QCOMPARE(problems.last().location.line, 1);
    }

    // The port the TCP route needs: missing from the default gateway, there once the
    // IstioOperator that adds it is among the inputs.
    void routeNeedsThePortTheInstallationExposes() {
        const QByteArray route = readFile(installationData("tcp-route.yaml"));
        const Workspace without = loadBytes(QStringLiteral("tcp.yaml"), route);
        QVERIFY(messages(validation::validate(without, {}))
                    .contains("IST0101 Referenced host:port not found: "
                              "\"istio-egressgateway.istio-system.svc.cluster.local:7777\" "
                              "(relies on the assumed installed gateway "
                              "istio-system/istio-egressgateway)"));
        const Workspace with = loadFiles(
            {installationData("tcp-route.yaml"), installationData("iop-egress-7777.yaml")});
        QCOMPARE(messages(validation::validate(with, {})), QStringList());
    }

    // Editing the installation document changes the verdict live (the validator's session
    // recomputes the gateways and the mesh config).
    void liveEditOfTheInstallation() {
        Workspace ws = loadFiles(
            {installationData("tcp-route.yaml"), installationData("iop-egress-7777.yaml")});
        validation::Validator v{validation::ValidatorOptions()};
        QCOMPARE(messages(v.findings(ws)), QStringList());
        const SourceFile &iop = ws.files()[1];
        const DocumentId id = iop.documents.first();
        QByteArray text = ws.document(id)->text;
        text.replace("port: 7777", "port: 7778");
        QCOMPARE(ws.setDocumentText(id, text).size(), 1);
        const QStringList after = messages(v.findings(ws));
        QVERIFY2(after.contains("IST0101 Referenced host:port not found: "
                                "\"istio-egressgateway.istio-system.svc.cluster.local:7777\" "
                                "(relies on the gateway istio-system/istio-egressgateway installed "
                                "by IstioOperator in istio-system (" +
                                installationData("iop-egress-7777.yaml") + ":2:1))"),
                 qPrintable(after.join('\n')));
    }
};

QTEST_GUILESS_MAIN(TestInstallation)
#include "tst_installation.moc"

// Where no installation says where a gateway is, the routes may: a mesh route sending to
// `<service>.<namespace>.svc.cluster.local`, bound with a Gateway whose selector is the
// conventional labels of a gateway named <service>, means that gateway is installed there (Istio's
// Helm guide installs the egress gateway in istio-egress). Egret assumes it there and says why,
// instead of reporting the Service missing and cutting the flow in two.
#include "model/mesh/GatewayInference.h"

#include "model/istio/GatewayRef.h"
#include "model/istio/Hosts.h"
#include "model/istio/Workloads.h"
#include "model/workspace/Workspace.h"

namespace egret {

namespace {

const QString kClusterSuffix = QStringLiteral(".svc.cluster.local");

// "name.ns.svc.cluster.local" split, or false.
bool splitServiceFqdn(const QString &fqdn, QString *name, QString *ns) {
    if (!fqdn.endsWith(kClusterSuffix))
        return false;
    const QStringList parts =
        fqdn.left(fqdn.size() - kClusterSuffix.size()).split(QLatin1Char('.'));
    if (parts.size() != 2 || parts[0].isEmpty() || parts[1].isEmpty())
        return false;
    *name = parts[0];
    *ns = parts[1];
    return true;
}

// A selector naming nothing but the labels Istio's charts give a gateway called `service`.
bool conventionalFor(const Labels &selector, const QString &service) {
    if (selector.isEmpty())
        return false;
    const Labels chart = istio::gatewayChartLabels(service);
    for (auto it = selector.cbegin(); it != selector.cend(); ++it)
        if (chart.value(it.key()) != it.value())
            return false;
    return true;
}

template <class Rules, class F>
void forEachMeshDestination(const Rules &rules, const QStringList &vsGateways, F &&f) {
    for (const auto &rule : rules) {
        bool mesh = rule.match.isEmpty() && istio::meshBound(vsGateways);
        for (const auto &m : rule.match)
            mesh = mesh || istio::boundToMesh(m.gateways, vsGateways);
        if (!mesh)
            continue;
        for (const RouteDestination &d : rule.route)
            if (d.hasDestination)
                f(d.destination.host);
    }
}

} // namespace

QVector<InferredGateway> inferGateways(const Workspace &ws, const QSet<QString> &knownServices) {
    QHash<QString, const Resource *> gateways; // "ns/name"
    ws.forEachResource([&](const Resource &r) {
        if (r.wellFormed && r.as<Gateway>())
            gateways.insert(r.ns + QLatin1Char('/') + r.meta.name, &r);
    });
    QVector<InferredGateway> out;
    QSet<QString> seen;
    ws.forEachResource([&](const Resource &r) {
        const VirtualService *vs = r.wellFormed ? r.as<VirtualService>() : nullptr;
        if (!vs || vs->gateways.isEmpty())
            return; // the egress pattern binds the mesh and a gateway
        const auto consider = [&](const QString &host) {
            const QString fqdn = istio::proxy::resolveHost(host, r.ns);
            QString name, ns;
            if (knownServices.contains(fqdn) || seen.contains(fqdn) ||
                !splitServiceFqdn(fqdn, &name, &ns))
                return;
            for (const QString &ref : vs->gateways) {
                if (istio::isMeshGateway(ref))
                    continue;
                const Resource *gw = gateways.value(istio::gatewayKey(ref, r.ns));
                if (!gw || !conventionalFor(gw->as<Gateway>()->selector, name))
                    continue;
                InferredGateway g;
                g.name = name;
                g.ns = ns;
                g.podLabels = istio::gatewayChartLabels(name);
                for (auto it = gw->as<Gateway>()->selector.cbegin();
                     it != gw->as<Gateway>()->selector.cend(); ++it)
                    g.podLabels.insert(it.key(), it.value());
                g.because =
                    QStringLiteral("assumed installed there: VirtualService %1/%2 sends mesh "
                                   "traffic to %3 and Gateway %4/%5 selects %6")
                        .arg(r.ns, r.meta.name, fqdn, gw->ns, gw->meta.name,
                             selectorString(gw->as<Gateway>()->selector));
                seen.insert(fqdn);
                out.append(g);
                return;
            }
        };
        forEachMeshDestination(vs->http, vs->gateways, consider);
        forEachMeshDestination(vs->tls, vs->gateways, consider);
        forEachMeshDestination(vs->tcp, vs->gateways, consider);
    });
    return out;
}

} // namespace egret

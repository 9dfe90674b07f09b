#include "model/flow/GatewayProxies.h"

#include "model/flow/DeriveContext.h"
#include "model/istio/Hosts.h"
#include "model/istio/Workloads.h"

#include <algorithm>

namespace egret::flow {

namespace {

QString appName(const Resource &w) {
    return istio::appName(w.as<Workload>()->podLabels, w.meta.name);
}

bool isGatewayWorkload(const Resource &w, const QHash<QString, Labels> &selectors) {
    const Labels &labels = w.as<Workload>()->podLabels;
    const QString istio = labels.value(QStringLiteral("istio"));
    if (istio == QLatin1String("egressgateway") || istio == QLatin1String("ingressgateway"))
        return true;
    return std::any_of(selectors.cbegin(), selectors.cend(),
                       [&](const Labels &s) { return selectorMatches(s, labels); });
}

// The Services in the workload's namespace whose selectors pick it, by name.
QVector<const Resource *> frontingServices(const MeshIndex &index, const Resource &w) {
    QVector<const Resource *> out;
    for (const Resource *r : index.services()) {
        const Service *s = r->as<Service>();
        if (r->ns == w.ns && s->hasSelector && !s->selector.isEmpty() &&
            selectorMatches(s->selector, w.as<Workload>()->podLabels))
            out.append(r);
    }
    std::sort(out.begin(), out.end(),
              [](const Resource *a, const Resource *b) { return a->meta.name < b->meta.name; });
    return out;
}

int proxyFor(DeriveContext &cx, QHash<QString, int> &byId, const QString &id) {
    if (const auto it = byId.constFind(id); it != byId.cend())
        return *it;
    GatewayProxy p;
    p.nodeId = id;
    cx.gatewayProxies.append(p);
    byId.insert(id, int(cx.gatewayProxies.size() - 1));
    return int(cx.gatewayProxies.size() - 1);
}

// `hosts`: what p.hosts holds, to keep adding to it linear.
void addServers(DeriveContext &cx, int proxy, const Resource &g, QSet<QString> &hosts) {
    GatewayProxy &p = cx.gatewayProxies[proxy];
    const Gateway *gw = g.as<Gateway>();
    p.membersIndex.add(p.members, sourceOf(g, {QStringLiteral("spec.selector")}));
    for (int i = 0; i < gw->servers.size(); ++i) {
        const Server &s = gw->servers.at(i);
        const int port = s.port.number ? int(*s.port.number) : 0;
        if (port && !p.ports.contains(port))
            p.ports.append(port);
        const ServerRef ref{&g, i};
        QHash<QString, QVector<ServerRef>> &buckets = cx.serversByPortHost[{proxy, port}];
        buckets[QStringLiteral("#all")].append(ref);
        for (const QString &qualified : s.hosts) {
            const QString host = istio::hostPart(qualified);
            if (!hosts.contains(host)) {
                hosts.insert(host);
                p.hosts.append(host);
            }
            const QString bucket = istio::isWildcardHost(host) ? QString() : host.toLower();
            QVector<ServerRef> &list = buckets[bucket];
            if (list.isEmpty() || list.last().gateway != &g || list.last().server != i)
                list.append(ref);
        }
    }
    std::sort(p.ports.begin(), p.ports.end());
}

} // namespace

void buildGatewayProxies(DeriveContext &cx) {
    const MeshIndex &index = cx.index;
    QHash<QString, Labels> selectors; // distinct Gateway selectors
    for (const Resource *g : index.gateways()) {
        const Labels &sel = g->as<Gateway>()->selector;
        if (!sel.isEmpty())
            selectors.insert(selectorString(sel), sel);
    }

    QHash<QString, int> byId;
    for (const Resource *w : index.workloads()) {
        if (!isGatewayWorkload(*w, selectors))
            continue;
        cx.gatewayWorkloads.insert(w);
        const QVector<const Resource *> services = frontingServices(index, *w);
        const QString name = services.isEmpty() ? appName(*w) : services.first()->meta.name;
        const int p = proxyFor(cx, byId, QStringLiteral("gateway:%1/%2").arg(w->ns, name));
        GatewayProxy &proxy = cx.gatewayProxies[p];
        if (proxy.label.isEmpty()) {
            proxy.label = name;
            proxy.ns = w->ns;
            proxy.labels = w->as<Workload>()->podLabels;
            proxy.assumed = w->assumed && !w->installationDeclared;
            if (w->assumed)
                proxy.origin = w->installedBecause.isEmpty()
                                   ? QStringLiteral("assumed: Istio's default profile installs it")
                                   : w->installedBecause;
        }
        proxy.assumed = proxy.assumed && w->assumed && !w->installationDeclared;
        proxy.membersIndex.add(proxy.members, sourceOf(*w));
        for (const Resource *s : services) {
            proxy.membersIndex.add(proxy.members, sourceOf(*s));
            cx.proxyOfService.insert(istio::serviceFqdn(s->meta.name, s->ns), p);
        }
    }

    QHash<int, QSet<QString>> hostsOf; // by proxy
    for (const Resource *g : index.gateways()) {
        const Labels &sel = g->as<Gateway>()->selector;
        QVector<int> proxies;
        const int known = int(cx.gatewayProxies.size());
        for (int p = 0; p < known; ++p)
            if (!sel.isEmpty() && !cx.gatewayProxies[p].unresolved &&
                selectorMatches(sel, cx.gatewayProxies[p].labels))
                proxies.append(p);
        if (proxies.isEmpty()) {
            // Nothing known runs this Gateway: show the Gateway itself, flagged.
            const int p =
                proxyFor(cx, byId, QStringLiteral("gateway:%1/%2").arg(g->ns, g->meta.name));
            GatewayProxy &proxy = cx.gatewayProxies[p];
            proxy.label = g->meta.name;
            proxy.ns = g->ns;
            proxy.unresolved = true;
            proxies.append(p);
        }
        for (int p : proxies)
            addServers(cx, p, *g, hostsOf[p]);
        cx.proxiesOfGateway.insert(g, proxies);
        cx.indexServers(*g);
    }
    // Every gateway some Gateway configures is drawn, used or not.
    for (const Resource *g : index.gateways())
        for (int p : cx.proxiesOfGateway.value(g))
            cx.gatewayNode(p);
}

} // namespace egret::flow

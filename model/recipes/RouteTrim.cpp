#include "model/recipes/RouteTrim.h"

#include "model/istio/GatewayRef.h"
#include "model/recipes/HostNames.h"
#include "model/recipes/ResourceNodes.h"

#include <algorithm>

namespace egret::recipes {

namespace {

using edit::TextEdit;

QList<int> descending(QList<int> list) {
    std::sort(list.begin(), list.end(), std::greater<int>());
    return list;
}

// A DestinationRule that only originates TLS (with the load balancing Istio's tasks add):
// nothing is left of it once its port-level TLS goes.
bool onlyOriginates(const RecipeContext &ctx, const Resource &r) {
    const YAML::Node spec = ctx.yamlOf(r, QStringLiteral("spec"));
    const YAML::Node policy = ctx.yamlOf(r, QStringLiteral("spec.trafficPolicy"));
    const YAML::Node lb = ctx.yamlOf(r, QStringLiteral("spec.trafficPolicy.loadBalancer"));
    return keysWithin(spec, {QStringLiteral("host"), QStringLiteral("trafficPolicy"),
                             QStringLiteral("workloadSelector")}) &&
           keysWithin(policy,
                      {QStringLiteral("portLevelSettings"), QStringLiteral("loadBalancer")}) &&
           (!lb.IsDefined() || (lb.IsMap() && lb.size() == 1 && lb["simple"].IsScalar() &&
                                lb["simple"].Scalar() == "ROUND_ROBIN"));
}

bool matchesPort(const QList<qint64> &ports, std::optional<qint64> port) {
    return ports.contains(0) || (port && ports.contains(*port));
}

} // namespace

bool keysWithin(const YAML::Node &map, const QStringList &allowed) {
    if (!map.IsMap())
        return !map.IsDefined() || map.IsNull();
    for (auto it = map.begin(), end = map.end(); it != end; ++it)
        if (!allowed.contains(QString::fromStdString(it->first.Scalar())))
            return false;
    return true;
}

void RouteTrim::change(const Resource &r, const QVector<edit::TextEdit> &edits,
                       const QString &what) {
    Pending &p = m_pending[r.id];
    p.edits += edits;
    p.what << what;
}

void RouteTrim::drop(const Resource &r) {
    if (!m_removed.contains(r.id))
        m_removed.append(r.id);
}

void RouteTrim::dropOrEmpty(const RecipeContext &ctx, const Resource &r, const QString &list,
                            const QString &identity) {
    // Only a resource that is nothing but the list and what names its target goes with the
    // list's last entry (what route add creates); one that holds more keeps the rest.
    if (keysWithin(ctx.yamlOf(r, QStringLiteral("spec")), {identity, list}))
        drop(r);
    else
        change(r, {TextEdit::removeEntry(QStringLiteral("spec"), list)}, list);
}

void RouteTrim::trimVirtualServices(const RecipeContext &ctx) {
    for (const VirtualServiceRules &v : std::as_const(rules)) {
        const Resource *r = ctx.ws().resource(v.id);
        if (v.chosen.size() == v.rules.size()) {
            drop(*r);
            continue;
        }
        const VirtualService &vs = *r->as<VirtualService>();
        QVector<TextEdit> edits;
        QSet<QString> stillBound;
        QSet<QString> unbound;
        for (int i = 0; i < v.rules.size(); ++i)
            for (const QString &g : v.rules[i].gateways)
                (v.chosen.contains(i) ? unbound : stillBound) << istio::gatewayKey(g, r->ns);
        for (RuleKind kind : {RuleKind::Http, RuleKind::Tls, RuleKind::Tcp}) {
            QList<int> gone;
            int total = 0;
            for (int i = 0; i < v.rules.size(); ++i) {
                if (v.rules[i].kind != kind)
                    continue;
                ++total;
                if (v.chosen.contains(i))
                    gone << v.rules[i].index;
            }
            if (gone.isEmpty())
                continue;
            const QString list = ruleListName(kind);
            if (gone.size() == total) {
                edits << TextEdit::removeEntry(QStringLiteral("spec"), list);
                continue;
            }
            for (int index : descending(gone))
                edits << TextEdit::removeItem(QStringLiteral("spec.") + list, index);
        }
        QList<int> refs;
        for (int i = 0; i < vs.gateways.size(); ++i) {
            const QString g = istio::gatewayKey(vs.gateways[i], r->ns);
            if (!istio::isMeshGateway(vs.gateways[i]) && unbound.contains(g) &&
                !stillBound.contains(g))
                refs << i;
        }
        if (!refs.isEmpty()) {
            const bool onlyMesh =
                vs.gateways.size() - refs.size() == 1 && vs.gateways.contains(istio::kMeshGateway);
            if (onlyMesh)
                edits << TextEdit::removeEntry(QStringLiteral("spec"), QStringLiteral("gateways"));
            else
                for (int i : descending(refs))
                    edits << TextEdit::removeItem(QStringLiteral("spec.gateways"), i);
        }
        change(*r, edits, QStringLiteral("rules for %1").arg(host));
    }
}

void RouteTrim::trimGateways(const RecipeContext &ctx) {
    for (const Resource *r : ctx.ofKind(Kind::Gateway)) {
        const QString self = r->ns + QLatin1Char('/') + r->meta.name;
        const Gateway &g = *r->as<Gateway>();
        QMap<int, QList<int>> hostsGone; // server -> host entries
        for (const GatewayHost &use : std::as_const(gatewayHosts)) {
            if (use.gateway != self)
                continue;
            for (int s = 0; s < g.servers.size(); ++s) {
                const std::optional<qint64> port = g.servers[s].port.number;
                if (use.port != 0 && port != use.port)
                    continue;
                const QString key = QStringLiteral("%1|%2|%3").arg(self);
                if (keep.gatewayHosts.contains(
                        key.arg(QString::number(port.value_or(0)), use.host)) ||
                    keep.gatewayHosts.contains(key.arg(QStringLiteral("0"), use.host)))
                    continue;
                for (int h = 0; h < g.servers[s].hosts.size(); ++h)
                    if (istio::gatewayHostNames(g.servers[s].hosts[h], use.host, use.vsNamespace,
                                                r->ns) &&
                        !hostsGone[s].contains(h))
                        hostsGone[s] << h;
            }
        }
        if (hostsGone.isEmpty())
            continue;
        QList<int> serversGone;
        for (auto it = hostsGone.begin(), end = hostsGone.end(); it != end; ++it)
            if (it.value().size() == g.servers[it.key()].hosts.size())
                serversGone << it.key();
        if (serversGone.size() == g.servers.size()) {
            dropOrEmpty(ctx, *r, QStringLiteral("servers"), QStringLiteral("selector"));
            continue;
        }
        QVector<TextEdit> edits;
        for (int s : descending(hostsGone.keys())) {
            if (serversGone.contains(s)) {
                edits << TextEdit::removeItem(QStringLiteral("spec.servers"), s);
                continue;
            }
            for (int h : descending(hostsGone[s]))
                edits << TextEdit::removeItem(QStringLiteral("spec.servers[%1].hosts").arg(s), h);
        }
        change(*r, edits, QStringLiteral("host %1").arg(host));
    }
}

void RouteTrim::trimSubsets(const RecipeContext &ctx) {
    for (const Resource *r : ctx.ofKind(Kind::DestinationRule)) {
        const DestinationRule &dr = *r->as<DestinationRule>();
        QList<int> gone;
        for (const SubsetUse &use : std::as_const(subsets)) {
            if (keep.subsets.contains(use.serviceHost + QLatin1Char('|') + use.subset) ||
                !istio::namesService(dr.host, r->ns, use.serviceHost))
                continue;
            const QString serviceNs = use.serviceHost.section(QLatin1Char('.'), 1, 1);
            if (r->ns != use.vsNamespace && r->ns != serviceNs)
                continue;
            for (int i = 0; i < dr.subsets.size(); ++i)
                if (dr.subsets[i].name == use.subset && !gone.contains(i))
                    gone << i;
        }
        if (gone.isEmpty())
            continue;
        if (gone.size() == dr.subsets.size()) {
            dropOrEmpty(ctx, *r, QStringLiteral("subsets"), QStringLiteral("host"));
            continue;
        }
        QVector<TextEdit> edits;
        for (int i : descending(gone))
            edits << TextEdit::removeItem(QStringLiteral("spec.subsets"), i);
        change(*r, edits, QStringLiteral("subset for %1").arg(host));
    }
}

void RouteTrim::trimServiceEntries(const RecipeContext &ctx) {
    for (const Resource *r : ctx.ofKind(Kind::ServiceEntry)) {
        const ServiceEntry &se = *r->as<ServiceEntry>();
        for (auto it = hostPorts.cbegin(); it != hostPorts.cend(); ++it) {
            const int hostIndex = int(se.hosts.indexOf(it.key()));
            if (hostIndex < 0)
                continue;
            if (se.hosts.size() > 1) {
                // Ports are shared by every host of the entry: only the host can go.
                if (it.value().contains(0))
                    change(*r, {TextEdit::removeItem(QStringLiteral("spec.hosts"), hostIndex)},
                           QStringLiteral("host %1").arg(it.key()));
                continue;
            }
            QList<int> gone;
            for (int i = 0; i < se.ports.size(); ++i)
                if (matchesPort(it.value(), se.ports[i].number))
                    gone << i;
            if (gone.size() == se.ports.size()) {
                drop(*r);
                continue;
            }
            QVector<TextEdit> edits;
            for (int i : descending(gone))
                edits << TextEdit::removeItem(QStringLiteral("spec.ports"), i);
            if (!edits.isEmpty())
                change(*r, edits, QStringLiteral("ports of %1").arg(it.key()));
        }
    }
}

void RouteTrim::trimOrigination(const RecipeContext &ctx) {
    for (const Resource *r : ctx.ofKind(Kind::DestinationRule)) {
        const DestinationRule &dr = *r->as<DestinationRule>();
        if (!hostPorts.contains(dr.host) || !dr.trafficPolicy)
            continue;
        const QList<qint64> ports = hostPorts.value(dr.host);
        const QVector<PortTrafficPolicy> &settings = dr.trafficPolicy->portLevelSettings;
        QList<int> gone;
        for (int i = 0; i < settings.size(); ++i)
            if (settings[i].tls && matchesPort(ports, settings[i].port))
                gone << i;
        if (gone.isEmpty())
            continue;
        m_tlsGone[r->id] = gone;
        if (gone.size() < settings.size()) {
            QVector<TextEdit> edits;
            for (int i : descending(gone))
                edits << TextEdit::removeItem(
                    QStringLiteral("spec.trafficPolicy.portLevelSettings"), i);
            change(*r, edits, QStringLiteral("TLS origination"));
        } else if (onlyOriginates(ctx, *r)) {
            drop(*r);
        } else if (keysWithin(ctx.yamlOf(*r, QStringLiteral("spec.trafficPolicy")),
                              {QStringLiteral("portLevelSettings")})) {
            change(*r,
                   {TextEdit::removeEntry(QStringLiteral("spec"), QStringLiteral("trafficPolicy"))},
                   QStringLiteral("TLS origination"));
        } else {
            change(*r,
                   {TextEdit::removeEntry(QStringLiteral("spec.trafficPolicy"),
                                          QStringLiteral("portLevelSettings"))},
                   QStringLiteral("TLS origination"));
        }
    }
}

void RouteTrim::apply(RecipeContext &ctx) {
    trimVirtualServices(ctx);
    trimGateways(ctx);
    trimSubsets(ctx);
    trimGatewayApiRoutes(ctx);
    trimListeners(ctx);
    trimReferenceGrants(ctx);
    trimServiceEntries(ctx);
    trimOrigination(ctx);
    trimCredentialAccess(ctx);
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        if (m_removed.contains(it.key()))
            continue;
        const Resource *r = ctx.ws().resource(it.key());
        ctx.edit(*r, it.value().edits,
                 QStringLiteral("trimmed %1: %2")
                     .arg(resourceName(*r), it.value().what.join(QStringLiteral(", "))));
    }
    // Items of one List from the last, so that the indices of the others stay right.
    std::sort(m_removed.begin(), m_removed.end(), [](const ResourceId &a, const ResourceId &b) {
        return a.document != b.document ? a.document < b.document : a.item > b.item;
    });
    for (const ResourceId &id : std::as_const(m_removed))
        if (const Resource *r = ctx.ws().resource(id))
            ctx.remove(*r);
}

} // namespace egret::recipes

#include "model/validation/Context.h"
#include "model/validation/Hosts.h"
#include "model/validation/rules/Rules.h"

namespace egret::validation::rules {

namespace {

// Whether two Gateways may configure the same workload: equal selectors, or one selector
// string inside the other with a pod that both select.
bool shareWorkload(Context &ctx, const Labels &a, const Labels &b) {
    const QString sa = selectorString(a), sb = selectorString(b);
    if (sa == sb)
        return true;
    if (!sa.contains(sb) && !sb.contains(sa))
        return false;
    Labels merged = a;
    for (auto it = b.cbegin(); it != b.cend(); ++it) {
        if (merged.contains(it.key()) && merged.value(it.key()) != it.value())
            return false;
        merged.insert(it.key(), it.value());
    }
    return !ctx.workloadsMatching(merged).isEmpty();
}

void analyze(Context &ctx) {
    const Resource &g = ctx.subject();
    const auto *gw = g.as<Gateway>();
    const QString selector = selectorString(gw->selector);
    if (gw->servers.isEmpty()) {
        if (selector.isEmpty())
            return;
        for (const Entry &e : ctx.entries(Table::GatewaysWithServers, QString()))
            if (selectorString(e.resource->as<Gateway>()->selector).contains(selector))
                return;
        ctx.report(msg::ReferencedResourceNotFound, QStringLiteral("spec.selector"),
                   {QStringLiteral("selector"), selector});
        return;
    }
    for (int i = 0; i < gw->servers.size(); ++i) {
        const Server &s = gw->servers[i];
        const QString port = QString::number(s.port.number.value_or(0));
        QStringList others;
        QStringList hosts;
        for (const QString &h : s.hosts) {
            for (const Entry &e :
                 ctx.entries(Table::GatewayServerBuckets, port + kSep + s.bind + kSep + h)) {
                const Resource *other = e.resource;
                if (other->id == g.id ||
                    !shareWorkload(ctx, gw->selector, other->as<Gateway>()->selector))
                    continue;
                if (!others.contains(fullName(*other)))
                    others << fullName(*other);
                if (!hosts.contains(h))
                    hosts << h;
            }
        }
        if (!others.isEmpty()) {
            others.sort();
            ctx.report(msg::ConflictingGateways, QStringLiteral("spec.servers[%1]").arg(i),
                       {others.join(QLatin1Char(',')), selector, port, goList(hosts)});
        }
    }
}

} // namespace

const Rule conflictingGatewayAnalyzer{
    "gateway.ConflictingGatewayAnalyzer",
    "Checks for Gateways on the same workloads with servers on the same port for the same host",
    {Kind::Gateway, Kind::Pod},
    {Kind::Gateway},
    {&msg::ConflictingGateways, &msg::ReferencedResourceNotFound},
    analyze,
};

} // namespace egret::validation::rules

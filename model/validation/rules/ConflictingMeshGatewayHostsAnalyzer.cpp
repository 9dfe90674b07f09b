#include "model/validation/Context.h"
#include "model/validation/Hosts.h"
#include "model/validation/rules/Rules.h"

namespace egret::validation::rules {

namespace {

bool meshBound(const VirtualService &vs) {
    return istio::meshBound(vs.gateways);
}

bool everywhere(const Resource &r) {
    return exportScopes(r.as<VirtualService>()->exportTo, r.ns).contains(QStringLiteral("*"));
}

// Members of a bucket, each once per host it lists there.
struct Members {
    int count = 0;
    QStringList names;
    void add(const Resource &r, int times) {
        count += times;
        if (!names.contains(fullName(r)))
            names << fullName(r);
    }
};

// Everywhere-visible VirtualServices whose hosts overlap `f` (a namespace bucket counts them).
void addOverlapping(Context &ctx, const QString &f, Members *m) {
    for (const Entry &e : ctx.entries(Table::MeshVsBucket, QStringLiteral("*") + kSep + f))
        m->add(*e.resource, e.count);
    // Wildcard hosts on either side: scan the (few) wildcard VirtualServices, or all of them when
    // the bucket's own host is a wildcard.
    const bool wildcard = f.startsWith(QLatin1Char('*'));
    for (const Entry &e :
         ctx.entries(wildcard ? Table::MeshVsAll : Table::MeshVsWildcard, QString())) {
        if (!everywhere(*e.resource))
            continue;
        for (const QString &h : e.resource->as<VirtualService>()->hosts) {
            const QString g = fqdn(h, e.resource->ns);
            if (g != f && (g.startsWith(QLatin1Char('*')) || wildcard) && hostsOverlap(g, f))
                m->add(*e.resource, 1);
        }
    }
}

// Whether a namespace-scoped bucket overlaps `f`, which this everywhere-visible VirtualService
// lists: that bucket then conflicts, and this VirtualService is one of its members.
bool namespaceBucketOverlaps(Context &ctx, const QString &f, Members *m) {
    const bool wildcard = f.startsWith(QLatin1Char('*'));
    bool found = false;
    auto consider = [&](const Resource &other, bool onlyWildcards) {
        if (everywhere(other))
            return;
        for (const QString &h : other.as<VirtualService>()->hosts) {
            const QString g = fqdn(h, other.ns);
            if ((!onlyWildcards || g.startsWith(QLatin1Char('*'))) && hostsOverlap(g, f)) {
                m->add(other, 1);
                found = true;
            }
        }
    };
    if (wildcard) {
        for (const Entry &e : ctx.entries(Table::MeshVsAll, QString()))
            consider(*e.resource, false);
        return found;
    }
    for (const Entry &e : ctx.entries(Table::MeshVsByFqdn, f))
        consider(*e.resource, false);
    for (const Entry &e : ctx.entries(Table::MeshVsWildcard, QString()))
        consider(*e.resource, true);
    return found;
}

void analyze(Context &ctx) {
    const Resource &r = ctx.subject();
    const auto *vs = r.as<VirtualService>();
    if (!meshBound(*vs))
        return;
    const QStringList scopes = exportScopes(vs->exportTo, r.ns);
    for (const QString &scope : scopes) {
        for (const QString &h : vs->hosts) {
            const QString f = fqdn(h, r.ns);
            Members m;
            for (const Entry &e : ctx.entries(Table::MeshVsBucket, scope + kSep + f))
                m.add(*e.resource, e.count);
            if (scope != QLatin1String("*"))
                addOverlapping(ctx, f, &m);
            else if (namespaceBucketOverlaps(ctx, f, &m))
                m.count = std::max(m.count, 2);
            if (m.count > 1) {
                m.names.sort();
                ctx.report(msg::ConflictingMeshGatewayVirtualServiceHosts,
                           QStringLiteral("spec.hosts[%1]").arg(vs->hosts.indexOf(h)),
                           {m.names.join(QLatin1Char(',')), scope + QLatin1Char('/') + f});
                return; // once per VirtualService
            }
        }
    }
}

} // namespace

const Rule conflictingMeshGatewayHostsAnalyzer{
    "virtualservice.ConflictingMeshGatewayHostsAnalyzer",
    "Checks for VirtualServices bound to the mesh that define the same host for the same "
    "namespaces",
    {Kind::VirtualService},
    {Kind::VirtualService},
    {&msg::ConflictingMeshGatewayVirtualServiceHosts},
    analyze,
};

} // namespace egret::validation::rules

#include "model/validation/Context.h"

#include "model/validation/Hosts.h"

#include <QStringBuilder>

namespace egret::validation {

bool Rule::reads(Kind kind) const {
    if (isWorkloadKind(kind))
        kind = Kind::Pod;
    return inputs.contains(kind);
}

quint64 tableMask(const Rule &rule) {
    static_assert(int(Table::Count) <= 64, "a table mask is one bit per table");
    quint64 mask = 0;
    for (int t = 0; t < int(Table::Count); ++t)
        for (Kind k : tableKinds(Table(t)))
            if (rule.reads(k))
                mask |= quint64(1) << t;
    return mask;
}

Context::Context(const Index &index, const Rule &rule, quint64 tables, const Resource &subject,
                 const Environment &env, MemoStore *memos)
    : m_index(index)
    , m_rule(rule)
    , m_tables(tables)
    , m_filterHostKinds(rule.reads(Kind::ServiceEntry) != rule.reads(Kind::Service))
    , m_subject(subject)
    , m_env(env)
    , m_memos(memos) {
}

EntryView Context::entries(Table table, const QString &key) {
    if (!reads(table))
        return {};
    m_deps.append(depKey(table, key));
    const EntryView all = m_index.entries(table, key);
    if (table != Table::HostExact || !m_filterHostKinds)
        return all;
    QVector<Entry> &out = m_filtered.emplace_back();
    for (const Entry &e : all)
        if (m_rule.reads(e.resource->kind))
            out.append(e);
    return {out.constData(), out.size()};
}

const Resource *Context::find(Table table, const QString &key) {
    const EntryView list = entries(table, key);
    if (list.isEmpty())
        return nullptr;
    relyOn(list.last().resource);
    return list.last().resource;
}

void Context::relyOn(const Resource *r) {
    if (!r || !r->assumed)
        return;
    // The gateway's Pod and Service are both named after it (mesh/Installation).
    const GatewayReliance reliance{r->ns + QLatin1Char('/') + r->meta.name, r->installationDeclared,
                                   r->installedBecause};
    if (!m_assumed.contains(reliance))
        m_assumed << reliance;
}

namespace {

// Istio files Services after ServiceEntries, and a later entry replaces an earlier one.
const Resource *winner(const EntryView &list) {
    const Resource *best = nullptr;
    for (const Entry &e : list)
        if (!best || e.resource->kind == Kind::Service || best->kind != Kind::Service)
            best = e.resource;
    return best;
}

} // namespace

Context::HostMatch Context::lookupHost(const QString &ns, const QStringList &exportTo,
                                       const QString &host) {
    // Many resources ask for the same few hosts (the gateway's Service above all).
    const QString key =
        QLatin1String("host") % kSep % ns % kSep % exportTo.join(QLatin1Char(',')) % kSep % host;
    return memo<HostMatch>(key, [&] { return findHost(ns, exportTo, host); });
}

Context::HostMatch Context::findHost(const QString &ns, const QStringList &exportTo,
                                     const QString &host) {
    const QString f = fqdn(host, ns);
    QStringList scopes{QStringLiteral("*")};
    if (exportTo.isEmpty()) {
        scopes << ns;
    } else {
        for (const QString &e : exportTo)
            scopes << (e == QLatin1String(".") ? ns : e);
    }
    for (const QString &scope : scopes) {
        if (const Resource *r = winner(entries(Table::HostExact, scope % kSep % f))) {
            relyOn(r);
            return {r, portsOf(*r)};
        }
    }
    // Wildcard entries visible everywhere or in the namespace itself (not the exportTo ones).
    for (const QString &scope : {QStringLiteral("*"), ns}) {
        for (const Entry &e : entries(Table::HostWildcard, scope)) {
            const auto *se = e.resource->as<ServiceEntry>();
            for (const QString &h : se->hosts)
                if (h.startsWith(QLatin1Char('*')) && wildcardCovers(h, host))
                    return {e.resource, portsOf(*e.resource)};
        }
    }
    return {};
}

const GatewayHosts &Context::gatewayHosts(const Resource &gateway) {
    if (const GatewayHosts *filed = m_index.gatewayHosts(gateway))
        return *filed;
    return shared<GatewayHosts>(memoKey('h', gateway.id), [&] { return GatewayHosts(gateway); });
}

QVector<const Resource *> Context::workloadsMatching(const Labels &selector, const QString *ns) {
    // Candidates from the label with the fewest workloads; the selector is then checked in full.
    EntryView candidates;
    bool first = true;
    if (selector.isEmpty()) {
        candidates = entries(Table::Workloads, QString());
    } else {
        for (auto it = selector.cbegin(); it != selector.cend(); ++it) {
            EntryView list =
                entries(Table::WorkloadsByLabel, it.key() % QLatin1Char('=') % it.value());
            if (first || list.size() < candidates.size())
                candidates = list;
            first = false;
        }
    }
    QVector<const Resource *> out;
    for (const Entry &e : candidates) {
        const Resource *r = e.resource;
        if (ns && r->ns != *ns)
            continue;
        if (selectorMatches(selector, r->as<Workload>()->podLabels)) {
            relyOn(r);
            out << r;
        }
    }
    return out;
}

void Context::report(const MessageType &type, const QString &path, const QStringList &args) {
    Finding f;
    f.type = &type;
    f.rule = &m_rule;
    f.message = formatMessage(type, args);
    f.resource = m_subject.ref();
    f.resourceId = m_subject.id;
    f.path = path;
    f.gateways = m_assumed;
    m_findings.append(std::move(f));
}

QVector<qint64> portsOf(const Resource &r) {
    QVector<qint64> out;
    if (const auto *se = r.as<ServiceEntry>()) {
        for (const ServicePort &p : se->ports)
            out << p.number.value_or(0);
    } else if (const auto *svc = r.as<Service>()) {
        for (const KubePort &p : svc->ports)
            out << p.port.value_or(0);
    }
    return out;
}

QString fullName(const Resource &r) {
    return r.ns.isEmpty() ? r.meta.name : r.ns + QLatin1Char('/') + r.meta.name;
}

} // namespace egret::validation

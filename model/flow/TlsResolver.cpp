#include "model/flow/TlsResolver.h"

#include "model/flow/DeriveContext.h" // sourceOf
#include "model/flow/MeshIndex.h"
#include "model/flow/Visibility.h"
#include "model/istio/Hosts.h"

#include <algorithm>

namespace egret::flow {

namespace {

// Exact hosts first, then wildcards by length; 0 when the rule's host does not cover `host`.
int specificity(const QString &ruleHost, const QString &host) {
    if (ruleHost.compare(host, Qt::CaseInsensitive) == 0)
        return 1 << 20;
    return istio::proxy::hostCovers(ruleHost, host) ? 1 + int(ruleHost.size()) : 0;
}

struct Settings {
    const ClientTlsSettings *tls = nullptr;
    QString path;
};

// A policy's settings for a port: the port-level entry replaces the top level wholesale (Istio:
// port-level policies do not inherit), so a port entry without tls means no tls.
bool portLevel(const TrafficPolicy &p, int port, const QString &base, Settings *out) {
    for (int i = 0; i < p.portLevelSettings.size(); ++i) {
        const PortTrafficPolicy &pl = p.portLevelSettings.at(i);
        if (pl.port && *pl.port == port) {
            out->tls = pl.tls ? &*pl.tls : nullptr;
            out->path = base + QStringLiteral(".portLevelSettings[%1]").arg(i) +
                        (pl.tls ? QStringLiteral(".tls") : QString());
            return true;
        }
    }
    return false;
}

void settingsOf(const TrafficPolicy &p, int port, const QString &base, Settings *out) {
    Settings own;
    if (portLevel(p, port, base, &own)) {
        *out = own;
    } else if (p.tls) {
        out->tls = &*p.tls;
        out->path = base + QStringLiteral(".tls");
    }
}

QString detailOf(const QString &sni, const QString &credentialName) {
    QStringList detail;
    if (!sni.isEmpty())
        detail << QStringLiteral("sni=%1").arg(sni);
    if (!credentialName.isEmpty())
        detail << QStringLiteral("credentialName=%1").arg(credentialName);
    return detail.join(QStringLiteral(", "));
}

} // namespace

WireTls wireTls(const QString &mode, bool appTls) {
    if (mode == QLatin1String("ISTIO_MUTUAL"))
        return WireTls::IstioMutual;
    if (mode == QLatin1String("SIMPLE"))
        return WireTls::Simple;
    if (mode == QLatin1String("MUTUAL"))
        return WireTls::Mutual;
    return appTls ? WireTls::AppTls : WireTls::Plaintext;
}

TlsResolver::GroupPtr TlsResolver::merged(const QVector<const Resource *> &rules) {
    auto g = std::make_shared<Group>();
    g->rules = rules;
    for (const Resource *r : rules) {
        const DestinationRule *dr = r->as<DestinationRule>();
        if (!g->policy && dr->trafficPolicy)
            g->policy = r;
        for (int i = 0; i < dr->subsets.size(); ++i)
            if (!g->subsets.contains(dr->subsets.at(i).name))
                g->subsets.insert(dr->subsets.at(i).name, {r, i});
    }
    return g;
}

struct TlsResolver::HostRules {
    QString host;
    const QVector<const Resource *> *exact = nullptr;    // rules naming exactly the host
    const QVector<const Resource *> *policies = nullptr; // BackendTLSPolicies for the host
    mutable QHash<QString, NamespaceRules> byNamespace;
    // What applies for an asker, or (none applying) the notes on the rules passed over: one
    // lookup per sender and route.
    struct Answer {
        const Group *group = nullptr;
        QStringList passedOver;
    };
    mutable QHash<Asker, Answer> applying;
    mutable QVector<const Resource *> passedOver; // when none applies: the rules for the host
    mutable bool passedOverFound = false;
    mutable QHash<QString, QStringList> passedOverNotes; // by proxy namespace
};

const TlsResolver::HostRules *TlsResolver::rulesFor(const QString &host) const {
    const QVector<const Resource *> &exact = m_index.rulesForHost(host);
    const QVector<const Resource *> &policies = m_index.backendTlsPolicies(host);
    if (exact.isEmpty() && m_index.wildcardRules().isEmpty() && policies.isEmpty())
        return nullptr;
    std::shared_ptr<HostRules> &h = m_hosts[host];
    if (!h) {
        h = std::make_shared<HostRules>();
        h->host = host;
        h->exact = &exact;
        h->policies = &policies;
    }
    return h.get();
}

const TlsResolver::NamespaceRules *TlsResolver::rulesIn(const HostRules &h,
                                                        const QString &ns) const {
    // Most hosts have a rule or two: when none of them is in `ns`, there is nothing to cache.
    const QVector<const Resource *> &exact = *h.exact;
    if (m_index.wildcardRules().isEmpty() && exact.size() < 8 &&
        std::none_of(exact.cbegin(), exact.cend(), [&](const Resource *r) { return r->ns == ns; }))
        return nullptr;
    if (const auto it = h.byNamespace.constFind(ns); it != h.byNamespace.cend())
        return it->wide->isEmpty() && it->selecting.isEmpty() ? nullptr : &*it;
    NamespaceRules out;
    QVector<const Resource *> wide;
    int best = 0;
    auto consider = [&](const Resource *r) {
        if (r->ns != ns)
            return;
        const int s = specificity(m_index.ruleHost(r), h.host);
        if (s == 0)
            return;
        if (r->as<DestinationRule>()->workloadSelector) {
            out.selecting.append(r);
            return;
        }
        if (s > best) {
            wide.clear();
            best = s;
        }
        if (s == best)
            wide.append(r);
    };
    for (const Resource *r : exact)
        consider(r);
    for (const Resource *r : m_index.wildcardRules())
        consider(r);
    out.wide = merged(wide);
    for (const Resource *r : std::as_const(wide)) {
        const QStringList &e = r->as<DestinationRule>()->exportTo;
        if (!e.isEmpty() && !e.contains(QStringLiteral("*")))
            out.wideExportedEverywhere = false;
    }
    const NamespaceRules &stored = *h.byNamespace.insert(ns, out);
    return stored.wide->isEmpty() && stored.selecting.isEmpty() ? nullptr : &stored;
}

const TlsResolver::Group *TlsResolver::exportedPart(const QString &host, const QString &ns,
                                                    const NamespaceRules &all,
                                                    const QString &proxyNs) const {
    if (all.wideExportedEverywhere)
        return all.wide.get();
    const QString key = host + QLatin1Char('|') + ns + QLatin1Char('|') + proxyNs;
    if (const auto it = m_exported.constFind(key); it != m_exported.cend())
        return it->get();
    QVector<const Resource *> visible;
    for (const Resource *r : all.wide->rules)
        if (resourceVisible(*r, proxyNs))
            visible.append(r);
    return m_exported.insert(key, merged(visible))->get();
}

const TlsResolver::Group *TlsResolver::applying(const HostRules &h, const ProxyIdentity &proxy,
                                                const QString &serviceNs,
                                                QStringList *passedOver) const {
    const Asker asker{proxy.ns, proxy.labels, serviceNs};
    auto it = h.applying.constFind(asker);
    if (it == h.applying.cend()) {
        HostRules::Answer answer{findApplying(h, proxy, serviceNs), {}};
        if (!answer.group)
            answer.passedOver = passedOverNotes(h, proxy.ns);
        it = h.applying.insert(asker, answer);
    }
    *passedOver = it->passedOver;
    return it->group;
}

const TlsResolver::Group *TlsResolver::findApplying(const HostRules &h, const ProxyIdentity &proxy,
                                                    const QString &serviceNs) const {
    // 1. The proxy's namespace: a rule selecting the proxy, else the namespace-wide ones
    //    (a rule always applies in its own namespace, whatever its exportTo).
    if (const NamespaceRules *own = rulesIn(h, proxy.ns)) {
        for (const Resource *r : own->selecting) {
            if (proxy.labels &&
                !selectorMatches(*r->as<DestinationRule>()->workloadSelector, *proxy.labels))
                continue;
            auto it = m_single.find(r);
            if (it == m_single.end())
                it = m_single.insert(r, merged({r}));
            return it->get();
        }
        if (!own->wide->isEmpty())
            return own->wide.get();
    }
    // 2. The destination's namespace, 3. the root namespace: rules exported to the proxy.
    const QString &root = m_index.mesh().rootNamespace;
    for (const QString &ns : {serviceNs, root}) {
        if (ns.isEmpty() || ns == proxy.ns)
            continue;
        if (const NamespaceRules *rules = rulesIn(h, ns)) {
            const Group *g = exportedPart(h.host, ns, *rules, proxy.ns);
            if (!g->isEmpty())
                return g;
        }
    }
    return nullptr;
}

TlsOrigination TlsResolver::none(const QString &subset) {
    TlsOrigination none;
    none.subsetMissing = !subset.isEmpty();
    return none;
}

const QStringList &TlsResolver::passedOverNotes(const HostRules &h, const QString &proxyNs) const {
    if (!h.passedOverFound) {
        for (const QVector<const Resource *> &list : {*h.exact, m_index.wildcardRules()})
            for (const Resource *r : list)
                if (specificity(m_index.ruleHost(r), h.host) > 0)
                    h.passedOver.append(r);
        h.passedOverFound = true;
    }
    auto it = h.passedOverNotes.constFind(proxyNs);
    if (it == h.passedOverNotes.cend()) {
        QStringList notes;
        for (const Resource *r : std::as_const(h.passedOver))
            notes << QStringLiteral("DestinationRule %1 does not apply to proxies in %2: Istio "
                                    "takes rules from the proxy's namespace, the host's, then the "
                                    "root namespace")
                         .arg(r->ns + QLatin1Char('/') + r->meta.name, proxyNs);
        it = h.passedOverNotes.insert(proxyNs, notes);
    }
    return *it;
}

TlsOrigination TlsResolver::resolve(const HostRules *rules, const QString &subset, int port,
                                    const ProxyIdentity &proxy, const QString &serviceNs) const {
    if (!rules)
        return none(subset);
    TlsOrigination o = fromRules(*rules, subset, port, proxy, serviceNs);
    return rules->policies->isEmpty() ? o : withPolicy(std::move(o), *rules, port);
}

TlsOrigination TlsResolver::fromRules(const HostRules &h, const QString &subset, int port,
                                      const ProxyIdentity &proxy, const QString &serviceNs) const {
    QStringList passedOver;
    if (const Group *g = applying(h, proxy, serviceNs, &passedOver)) {
        QHash<QPair<QString, int>, TlsOrigination> &cache = m_originations[g];
        const QPair<QString, int> key(subset, port);
        if (const auto it = cache.constFind(key); it != cache.cend())
            return *it;
        return *cache.insert(key, originate(*g, subset, port));
    }
    TlsOrigination none = TlsResolver::none(subset);
    none.passedOver = passedOver;
    return none;
}

TlsOrigination TlsResolver::originate(const Group &g, const QString &subset, int port) const {
    TlsOrigination out;
    Settings chosen;
    if (g.policy)
        settingsOf(*g.policy->as<DestinationRule>()->trafficPolicy, port,
                   QStringLiteral("spec.trafficPolicy"), &chosen);
    const Resource *chosenIn = chosen.path.isEmpty() ? nullptr : g.policy;

    const Resource *subsetRule = nullptr;
    QString subsetPath;
    if (!subset.isEmpty()) {
        const auto it = g.subsets.constFind(subset);
        out.subsetMissing = it == g.subsets.cend();
        if (!out.subsetMissing) {
            const int index = it->second;
            subsetRule = it->first;
            subsetPath = QStringLiteral("spec.subsets[%1]").arg(index);
            const Subset &s = subsetRule->as<DestinationRule>()->subsets.at(index);
            if (s.trafficPolicy) {
                Settings own;
                settingsOf(*s.trafficPolicy, port, subsetPath + QStringLiteral(".trafficPolicy"),
                           &own);
                // The subset's tls, or its port-level entry even without tls, overrides.
                if (own.tls || own.path.contains(QStringLiteral(".portLevelSettings["))) {
                    chosen = own;
                    chosenIn = subsetRule;
                }
            }
        }
    }
    // Provenance: the rule defining the subset, and the rule whose settings decided; a rule that
    // applies but decides nothing still says so with its host.
    if (subsetRule) {
        QStringList paths{QStringLiteral("spec.host"), subsetPath};
        if (chosenIn == subsetRule)
            paths << chosen.path;
        addProvenance(out.rules, sourceOf(*subsetRule, paths));
    }
    if (chosenIn && chosenIn != subsetRule)
        addProvenance(out.rules, sourceOf(*chosenIn, {QStringLiteral("spec.host"), chosen.path}));
    if (out.rules.isEmpty())
        addProvenance(out.rules, sourceOf(*(g.policy ? g.policy : g.rules.first()),
                                          {QStringLiteral("spec.host")}));
    if (chosen.tls) {
        out.mode = chosen.tls->mode;
        out.detail = detailOf(chosen.tls->sni, chosen.tls->credentialName);
        out.settings = chosen.tls;
    }
    return out;
}

TlsOrigination TlsResolver::withPolicy(TlsOrigination o, const HostRules &h, int port) const {
    // A policy for the port (a targetRef with a port) before one for the whole host.
    Settings policy;
    const Resource *from = nullptr;
    for (const Resource *p : *h.policies) {
        const TrafficPolicy &tp = *p->as<DestinationRule>()->trafficPolicy;
        Settings s;
        if (portLevel(tp, port, QStringLiteral("spec.trafficPolicy"), &s) && s.tls) {
            policy = s;
            from = p;
            break;
        }
        if (!from && tp.tls) {
            settingsOf(tp, port, QStringLiteral("spec.trafficPolicy"), &policy);
            from = p;
        }
    }
    if (!from)
        return o;
    const ClientTlsSettings &p = *policy.tls;
    const ClientTlsSettings *rule = o.settings;
    if (rule && !rule->mode.isEmpty() && rule->mode != QLatin1String("SIMPLE") &&
        rule->mode != QLatin1String("MUTUAL"))
        return o; // DISABLE or ISTIO_MUTUAL: the rule decides, the policy has nothing to add
    const bool fillsAll = !rule || rule->mode.isEmpty();
    const QString sni = rule && !rule->sni.isEmpty() ? rule->sni : p.sni;
    const bool ruleHasCa =
        rule && (!rule->credentialName.isEmpty() || !rule->caCertificates.isEmpty());
    const QString credential = ruleHasCa ? rule->credentialName : p.credentialName;
    if (fillsAll)
        o.mode = p.mode;
    o.detail = detailOf(sni, credential);
    addProvenance(o.rules, sourceOf(*from, {QStringLiteral("spec.host"), policy.path}));
    return o;
}

const Provenance &JoinedProvenance::with(const Provenance &rules) {
    if (rules.isEmpty())
        return m_base;
    for (const auto &[known, joined] : std::as_const(m_joined))
        if (known.constData() == rules.constData() && known.size() == rules.size())
            return joined;
    Provenance joined = m_base;
    mergeProvenance(joined, rules);
    m_joined.append({rules, joined});
    return m_joined.last().second;
}

void applyOrigination(FlowHop &hop, const TlsOrigination &o, bool appTls,
                      JoinedProvenance *joined) {
    hop.tls = wireTls(o.mode, appTls);
    if (joined) {
        if (const Provenance &p = joined->with(o.rules); !hop.provenance.isSharedWith(p))
            hop.provenance = p;
    } else {
        mergeProvenance(hop.provenance, o.rules);
    }
    if (hop.tls != WireTls::Plaintext && hop.tls != WireTls::AppTls)
        hop.tlsDetail = o.detail;
    if (!o.passedOver.isEmpty()) {
        if (hop.notes.isEmpty())
            hop.notes = o.passedOver; // shared, as the resolver made it
        else
            hop.notes += o.passedOver;
    }
}

} // namespace egret::flow

#include "model/flow/TlsResolver.h"

#include "model/flow/HostNames.h"
#include "model/flow/MeshIndex.h"
#include "model/flow/Visibility.h"

namespace egret::flow {

namespace {

// Exact hosts first, then wildcards by length; 0 when the rule's host does not cover `host`.
int specificity(const QString &ruleHost, const QString &host) {
    if (ruleHost.compare(host, Qt::CaseInsensitive) == 0)
        return 1 << 20;
    return hostCovers(ruleHost, host) ? 1 + int(ruleHost.size()) : 0;
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

FlowSource sourceOf(const Resource &r, const QStringList &paths) {
    FlowSource s;
    s.resource = r.ref();
    s.id = r.id;
    s.paths = paths;
    s.assumed = r.assumed;
    return s;
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

TlsResolver::Group TlsResolver::merged(const QVector<const Resource *> &rules) {
    Group g;
    g.rules = rules;
    for (const Resource *r : rules) {
        const DestinationRule *dr = r->as<DestinationRule>();
        if (!g.policy && dr->trafficPolicy)
            g.policy = r;
        for (int i = 0; i < dr->subsets.size(); ++i)
            if (!g.subsets.contains(dr->subsets.at(i).name))
                g.subsets.insert(dr->subsets.at(i).name, {r, i});
    }
    return g;
}

const TlsResolver::NamespaceRules *TlsResolver::rulesIn(const QString &host,
                                                        const QString &ns) const {
    QHash<QString, NamespaceRules> &forHost = m_byNamespace[host];
    if (const auto it = forHost.constFind(ns); it != forHost.cend())
        return it->wide.isEmpty() && it->selecting.isEmpty() ? nullptr : &*it;
    NamespaceRules out;
    QVector<const Resource *> wide;
    int best = 0;
    auto consider = [&](const Resource *r) {
        if (r->ns != ns)
            return;
        const int s = specificity(m_index.ruleHost(r), host);
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
    for (const Resource *r : m_index.rulesForHost(host))
        consider(r);
    for (const Resource *r : m_index.wildcardRules())
        consider(r);
    out.wide = merged(wide);
    for (const Resource *r : std::as_const(wide)) {
        const QStringList &e = r->as<DestinationRule>()->exportTo;
        if (!e.isEmpty() && !e.contains(QStringLiteral("*")))
            out.wideExportedEverywhere = false;
    }
    const NamespaceRules &stored = *forHost.insert(ns, out);
    return stored.wide.isEmpty() && stored.selecting.isEmpty() ? nullptr : &stored;
}

const TlsResolver::Group &TlsResolver::exportedPart(const QString &host, const QString &ns,
                                                    const NamespaceRules &all,
                                                    const QString &proxyNs) const {
    if (all.wideExportedEverywhere)
        return all.wide;
    const QString key = host + QLatin1Char('|') + ns + QLatin1Char('|') + proxyNs;
    if (const auto it = m_exported.constFind(key); it != m_exported.cend())
        return *it;
    QVector<const Resource *> visible;
    for (const Resource *r : all.wide.rules)
        if (resourceVisible(*r, proxyNs))
            visible.append(r);
    return *m_exported.insert(key, merged(visible));
}

const TlsResolver::Group *TlsResolver::applying(const QString &host, const ProxyIdentity &proxy,
                                                const QString &serviceNs) const {
    // 1. The proxy's namespace: a rule selecting the proxy, else the namespace-wide ones
    //    (a rule always applies in its own namespace, whatever its exportTo).
    if (const NamespaceRules *own = rulesIn(host, proxy.ns)) {
        for (const Resource *r : own->selecting) {
            if (proxy.labels &&
                !selectorMatches(*r->as<DestinationRule>()->workloadSelector, *proxy.labels))
                continue;
            auto it = m_single.find(r);
            if (it == m_single.end())
                it = m_single.insert(r, merged({r}));
            return &*it;
        }
        if (!own->wide.isEmpty())
            return &own->wide;
    }
    // 2. The destination's namespace, 3. the root namespace: rules exported to the proxy.
    const QString &root = m_index.mesh().rootNamespace;
    for (const QString &ns : {serviceNs, root}) {
        if (ns.isEmpty() || ns == proxy.ns)
            continue;
        if (const NamespaceRules *rules = rulesIn(host, ns)) {
            const Group &g = exportedPart(host, ns, *rules, proxy.ns);
            if (!g.isEmpty())
                return &g;
        }
    }
    return nullptr;
}

TlsOrigination TlsResolver::resolve(const QString &host, const QString &subset, int port,
                                    const ProxyIdentity &proxy, const QString &serviceNs) const {
    TlsOrigination out;
    if (m_index.rulesForHost(host).isEmpty() && m_index.wildcardRules().isEmpty()) {
        out.subsetMissing = !subset.isEmpty();
        return out;
    }
    const Group *found = applying(host, proxy, serviceNs);
    if (!found) {
        for (const auto &list : {m_index.rulesForHost(host), m_index.wildcardRules()})
            for (const Resource *r : list)
                if (specificity(m_index.ruleHost(r), host) > 0)
                    out.passedOver.append(r);
        out.subsetMissing = !subset.isEmpty();
        return out;
    }
    const Group &g = *found;
    const Resource *main = g.policy ? g.policy : g.rules.first();
    Settings chosen;
    if (g.policy)
        settingsOf(*g.policy->as<DestinationRule>()->trafficPolicy, port,
                   QStringLiteral("spec.trafficPolicy"), &chosen);
    const Resource *chosenIn = chosen.path.isEmpty() ? nullptr : main;

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
    // The rule whose top level counts first; the subset's rule (maybe another one) after it.
    QStringList mainPaths{QStringLiteral("spec.host")};
    if (subsetRule == main)
        mainPaths << subsetPath;
    if (chosenIn == main)
        mainPaths << chosen.path;
    addProvenance(out.rules, sourceOf(*main, mainPaths));
    if (subsetRule && subsetRule != main) {
        QStringList paths{QStringLiteral("spec.host"), subsetPath};
        if (chosenIn == subsetRule)
            paths << chosen.path;
        addProvenance(out.rules, sourceOf(*subsetRule, paths));
    }
    if (chosen.tls) {
        out.mode = chosen.tls->mode;
        QStringList detail;
        if (!chosen.tls->sni.isEmpty())
            detail << QStringLiteral("sni=%1").arg(chosen.tls->sni);
        if (!chosen.tls->credentialName.isEmpty())
            detail << QStringLiteral("credentialName=%1").arg(chosen.tls->credentialName);
        out.detail = detail.join(QStringLiteral(", "));
    }
    return out;
}

void applyOrigination(FlowHop &hop, const TlsOrigination &o, bool appTls, const QString &proxyNs) {
    hop.tls = wireTls(o.mode, appTls);
    mergeProvenance(hop.provenance, o.rules);
    if (hop.tls != WireTls::Plaintext && hop.tls != WireTls::AppTls)
        hop.tlsDetail = o.detail;
    for (const Resource *r : o.passedOver)
        hop.notes << QStringLiteral("DestinationRule %1 does not apply to proxies in %2: Istio "
                                    "takes rules from the proxy's namespace, the host's, then the "
                                    "root namespace")
                         .arg(r->ns + QLatin1Char('/') + r->meta.name, proxyNs);
}

} // namespace egret::flow

#include "model/flow/RouteHops.h"

#include "model/flow/DeriveContext.h"
#include "model/flow/RouteRules.h"
#include "model/istio/GatewayRef.h"
#include "model/istio/Hosts.h"
#include "model/istio/Protocols.h"

#include <algorithm>
#include <deque>

namespace egret::flow {

namespace {

bool portFits(RuleKind kind, const QString &protocol) {
    const istio::ProtocolClass c = istio::protocolClass(protocol);
    switch (kind) {
    case RuleKind::Http:
        return c == istio::ProtocolClass::Http;
    case RuleKind::Tls:
        return c == istio::ProtocolClass::Tls;
    case RuleKind::Tcp:
        return c != istio::ProtocolClass::Http;
    }
    return false;
}

bool isPassthrough(const Server &s) {
    return s.tls && (s.tls->mode == QLatin1String("PASSTHROUGH") ||
                     s.tls->mode == QLatin1String("AUTO_PASSTHROUGH"));
}

// Which rules a Gateway server's traffic goes through: HTTP servers and terminated HTTPS take
// http rules; passed-through TLS takes tls rules; the rest takes tcp (and tls) rules.
bool serverFits(RuleKind kind, const Server &s) {
    const QString p = s.port.protocol.toUpper();
    const bool terminatedHttps = p == QLatin1String("HTTPS") && !isPassthrough(s);
    switch (kind) {
    case RuleKind::Http:
        return istio::protocolClass(p) == istio::ProtocolClass::Http || terminatedHttps;
    case RuleKind::Tls:
        return p == QLatin1String("TLS") || (p == QLatin1String("HTTPS") && isPassthrough(s));
    case RuleKind::Tcp:
        return istio::protocolClass(p) != istio::ProtocolClass::Http && !terminatedHttps;
    }
    return false;
}

// Assigns unless `to` shares `from`'s data already: a hop reused for each sender keeps most.
template <class T> void share(T &to, const T &from) {
    if (!to.isSharedWith(from))
        to = from;
}

// A route destination, resolved once for all the senders of one rule, host and port.
struct Target {
    const RouteDestination *route = nullptr;
    QString path; // spec.http[0].route[1]
    QString fqdn;
    DestinationInfo info;
    QString nodeId;
    int servicePort = 0;
    int wirePort = 0;
    bool appTls = false;
    TlsOrigination noRules; // when none does: the same for every sender
    FlowHop base;           // all that does not depend on the sender
};

class VirtualServiceHops {
public:
    VirtualServiceHops(DeriveContext &cx, const QVector<Sender> &senders, const Resource &r)
        : m_cx(cx)
        , m_senders(senders)
        , m_r(r)
        , m_vs(*r.as<VirtualService>())
        , m_exportedEverywhere(m_vs.exportTo.isEmpty()) {}

    void run() {
        for (const QString &h : m_vs.hosts)
            m_hosts << istio::proxy::resolveHost(h, m_r.ns);
        for (const RouteRule &rule : routeRules(m_vs, m_r.ns)) {
            QSet<QString> caughtNow;
            for (const RuleEntry &e : rule.entries)
                for (int hi = 0; hi < m_hosts.size(); ++hi)
                    entryForHost(rule, e, hi, caughtNow);
            m_caught += caughtNow;
        }
    }

private:
    void entryForHost(const RouteRule &rule, const RuleEntry &e, int hi, QSet<QString> &caught) {
        const QString &host = m_hosts.at(hi);
        if (e.sniHosts && !e.sniHosts->isEmpty() &&
            std::none_of(e.sniHosts->cbegin(), e.sniHosts->cend(), [&](const QString &sni) {
                return istio::proxy::hostsIntersect(sni, host);
            }))
            return;
        if (istio::isMeshGateway(e.binding)) {
            QList<int> ports = e.port ? QList<int>{int(*e.port)} : declaredPorts(host, rule.kind);
            if (ports.isEmpty())
                ports << 0;
            for (int port : ports)
                if (claim(e, host, port, caught))
                    meshHops(rule, e, hi, port);
            return;
        }
        const Resource *g = m_cx.index.gateway(e.binding);
        if (!g)
            return; // the validator reports a Gateway that does not exist
        const Gateway *gw = g->as<Gateway>();
        const QBitArray accepting = m_cx.serversAccepting(*g, host, m_r.ns);
        QList<int> ports;
        if (e.port) {
            ports << int(*e.port);
        } else {
            for (int i = 0; i < gw->servers.size(); ++i) {
                const Server &s = gw->servers.at(i);
                if (s.port.number && serverFits(rule.kind, s) && accepting.testBit(i) &&
                    !ports.contains(int(*s.port.number)))
                    ports << int(*s.port.number);
            }
        }
        if (ports.isEmpty())
            ports << 0;
        for (int port : ports) {
            if (!claim(e, host, port, caught))
                continue;
            Provenance servers;
            for (int i = 0; i < gw->servers.size(); ++i) {
                const Server &s = gw->servers.at(i);
                if (s.port.number && *s.port.number == port && accepting.testBit(i))
                    addProvenance(servers, m_cx.serverSource(g, i));
            }
            for (int proxy : m_cx.proxiesOfGateway.value(g)) {
                if (!resourceVisible(m_r, m_cx.gatewayProxies.at(proxy).ns))
                    continue;
                const QVector<Target> targets = resolveTargets(rule, e, hi, port, true);
                const Sender sender = m_cx.gatewaySender(proxy);
                for (const Target &t : targets) {
                    FlowHop hop = makeHop(t, sender);
                    mergeProvenance(hop.provenance, servers);
                    if (servers.isEmpty())
                        hop.notes << QStringLiteral("No server of Gateway %1 accepts %2 on port %3")
                                         .arg(e.binding, host, QString::number(port));
                    m_cx.graph.addHop(std::move(hop));
                }
            }
        }
    }

    // First match wins: once a match without further conditions took (binding, host, port), later
    // rules never see that traffic. Returns false when an earlier rule already took it.
    bool claim(const RuleEntry &e, const QString &host, int port, QSet<QString> &caught) const {
        QString key;
        key.reserve(e.binding.size() + host.size() + 13);
        key.append(e.binding).append(QLatin1Char('|')).append(host).append(QLatin1Char('|'));
        key.append(QString::number(port));
        if (m_caught.contains(key))
            return false;
        if (!e.conditional)
            caught.insert(key);
        return true;
    }

    QList<int> declaredPorts(const QString &host, RuleKind kind) const {
        QList<int> out;
        auto add = [&](qint64 number, const QString &protocol) {
            if (portFits(kind, protocol) && !out.contains(int(number)))
                out << int(number);
        };
        QVector<DeclaredHost> decls = m_cx.index.declarations(host);
        if (istio::isWildcardHost(host))
            decls += m_cx.index.declaredUnder(host);
        for (const DeclaredHost &d : decls)
            for (const ServicePort &p : d.resource->as<ServiceEntry>()->ports)
                if (p.number)
                    add(*p.number, p.protocol);
        if (const Resource *svc = m_cx.index.service(host))
            for (const KubePort &p : svc->as<Service>()->ports)
                if (p.port)
                    add(*p.port, istio::protocolFromPortName(p.name));
        std::sort(out.begin(), out.end());
        return out;
    }

    void meshHops(const RouteRule &rule, const RuleEntry &e, int hi, int port) {
        const QString &host = m_hosts.at(hi);
        // The ServiceEntry host ports this rule takes from the sources it applies to.
        QVector<int> routedSlots;
        if (port)
            for (const DeclaredHost &d : m_cx.index.declaredUnder(host))
                routedSlots.append(
                    m_cx.routed.slot(d.resource->as<ServiceEntry>()->hosts.at(d.hostIndex), port,
                                     int(m_cx.sources.size())));
        QVector<Target> targets;
        QVector<FlowHop> hops;               // one per target, reused for each sender
        std::deque<JoinedProvenance> joined; // one per target
        bool resolved = false;
        for (int si = 0; si < m_cx.sources.size(); ++si) {
            SourceProxy &s = m_cx.sources[si];
            if ((!m_exportedEverywhere && !resourceVisible(m_r, s.ns)) ||
                !s.scope.seesHost(m_r.ns, host))
                continue;
            if (e.sourceLabels && s.knownLabels && !selectorMatches(*e.sourceLabels, s.labels))
                continue;
            if (!e.sourceNamespace.isEmpty() && e.sourceNamespace != s.ns)
                continue;
            for (int slot : std::as_const(routedSlots))
                m_cx.routed.mark(slot, si);
            if (!resolved) {
                targets = resolveTargets(rule, e, hi, port, false);
                for (const Target &t : std::as_const(targets)) {
                    hops.append(t.base);
                    joined.emplace_back(t.base.provenance);
                }
                resolved = true;
            }
            for (int ti = 0; ti < targets.size(); ++ti) {
                setSenderFields(targets.at(ti), m_senders.at(si), hops[ti], &joined[ti]);
                m_cx.graph.addHop(std::as_const(hops[ti]));
            }
        }
    }

    QVector<Target> resolveTargets(const RouteRule &rule, const RuleEntry &e, int hi, int port,
                                   bool fromGateway) {
        QVector<Target> out;
        if (rule.terminal)
            return out;
        const QString &host = m_hosts.at(hi);
        QStringList vsPaths{indexedPath(u"spec.hosts", hi), rule.path};
        if (e.match >= 0)
            vsPaths << indexedPath(rule.path, QLatin1StringView("match"), e.match);
        for (int ri = 0; ri < rule.route->size(); ++ri) {
            const RouteDestination &rd = rule.route->at(ri);
            if (!rd.hasDestination || rd.destination.host.isEmpty())
                continue;
            Target t;
            t.route = &rd;
            t.path = indexedPath(rule.path, QLatin1StringView("route"), ri);
            t.fqdn = istio::proxy::resolveHost(rd.destination.host, m_r.ns);
            t.info = m_cx.destination(t.fqdn);
            if (!t.info.tlsRules)
                t.noRules = TlsResolver::none(rd.destination.subset);
            // Sidecar to in-cluster Service is not egress; a gateway sending there is.
            if (t.info.kind == DestinationInfo::InCluster && !fromGateway)
                continue;
            t.servicePort = rd.destination.port ? int(*rd.destination.port) : port;
            const QString declared = m_cx.declaredProtocol(t.info, t.servicePort);
            t.appTls = rule.kind == RuleKind::Tls ||
                       (rule.kind == RuleKind::Tcp && istio::carriesAppTls(declared));
            Provenance received; // the declarations, or the gateway servers receiving it
            if (t.info.kind == DestinationInfo::Gateway) {
                t.nodeId = m_cx.gatewayNode(t.info.gatewayProxy);
                t.wirePort = t.servicePort;
                for (const ServerRef &s : m_cx.serversFor(t.info.gatewayProxy, t.servicePort, host))
                    addProvenance(received, m_cx.serverSource(s.gateway, s.server));
            } else {
                t.nodeId = m_cx.hostNode(t.info);
                t.wirePort = m_cx.wirePort(t.info, t.servicePort);
                for (const DeclaredHost &d : t.info.declarations) {
                    QStringList paths{indexedPath(u"spec.hosts", d.hostIndex)};
                    const QVector<ServicePort> &ports = d.resource->as<ServiceEntry>()->ports;
                    for (int k = 0; k < ports.size(); ++k)
                        if (ports.at(k).number && *ports.at(k).number == t.servicePort)
                            paths << indexedPath(u"spec.ports", k);
                    addProvenance(received, sourceOf(*d.resource, paths));
                }
                if (t.info.service)
                    addProvenance(received, sourceOf(*t.info.service));
            }
            FlowHop &hop = t.base;
            hop.to = t.nodeId;
            hop.protocol = ruleProtocol(rule.kind);
            hop.port = t.wirePort;
            if (!rd.destination.subset.isEmpty())
                hop.subsets << rd.destination.subset;
            if (rd.weight)
                hop.weight = int(*rd.weight);
            if (rule.http) {
                hop.timeout = rule.http->timeout;
                if (rule.http->retries)
                    hop.retries = describeRetries(*rule.http->retries);
                if (rule.http->fault)
                    hop.fault = describeFault(*rule.http->fault);
            }
            hop.provenance.append(sourceOf(m_r, vsPaths + QStringList{t.path}));
            mergeProvenance(hop.provenance, received);
            out.append(std::move(t));
        }
        return out;
    }

    FlowHop makeHop(const Target &t, const Sender &sender) {
        FlowHop hop = t.base;
        setSenderFields(t, sender, hop);
        return hop;
    }

    // The fields of a hop to `t` that depend on the sender: from, tls, tlsDetail, provenance,
    // notes and blocked; the others are t.base's. A hop reused for the next sender needs only
    // these set again. `joined`: t.base's provenance with the TLS rules, shared by the senders.
    void setSenderFields(const Target &t, const Sender &sender, FlowHop &hop,
                         JoinedProvenance *joined = nullptr) {
        const Destination &d = t.route->destination;
        hop.from = sender.nodeId;
        share(hop.tlsDetail, t.base.tlsDetail);
        if (!joined)
            share(hop.provenance, t.base.provenance);
        share(hop.notes, t.base.notes);
        hop.blocked = t.base.blocked;
        TlsOrigination resolved;
        const TlsOrigination &o =
            t.info.tlsRules ? (resolved = m_cx.tls.resolve(t.info.tlsRules, d.subset, t.servicePort,
                                                           sender.identity, t.info.serviceNs))
                            : t.noRules;
        applyOrigination(hop, o, t.appTls, joined);
        if (o.subsetMissing)
            hop.notes << QStringLiteral("No DestinationRule visible from %1 defines subset \"%2\" "
                                        "of %3")
                             .arg(sender.identity.ns, d.subset, t.fqdn);
        if (t.info.kind == DestinationInfo::External && !m_cx.declaredFor(t.info, sender)) {
            if (!t.info.declarations.isEmpty() || t.info.service)
                hop.notes << QStringLiteral("%1 is declared, but not visible from %2")
                                 .arg(t.fqdn, sender.identity.ns);
            if (sender.registryOnly) {
                hop.blocked = true;
                hop.notes << QStringLiteral("Blocked: outboundTrafficPolicy REGISTRY_ONLY and %1 "
                                            "is not in the registry")
                                 .arg(t.fqdn);
            } else {
                hop.notes << QStringLiteral("%1 is not in the registry: passes through "
                                            "(outboundTrafficPolicy ALLOW_ANY)")
                                 .arg(t.fqdn);
            }
        }
        if (!hop.notes.isEmpty() && !hop.notes.isSharedWith(t.base.notes))
            hop.notes = m_cx.sharedNotes(hop.notes);
    }

    DeriveContext &m_cx;
    const QVector<Sender> &m_senders; // by source
    const Resource &m_r;
    const VirtualService &m_vs;
    const bool m_exportedEverywhere; // visible to every sender: no need to ask per sender
    QStringList m_hosts;
    QSet<QString> m_caught;
};

} // namespace

void addRouteHops(DeriveContext &cx) {
    QVector<Sender> senders; // made once: every mesh rule asks each of them
    for (int si = 0; si < cx.sources.size(); ++si)
        senders.append(cx.sender(si));
    for (const Resource *r : cx.index.virtualServices())
        VirtualServiceHops(cx, senders, *r).run();
}

} // namespace egret::flow

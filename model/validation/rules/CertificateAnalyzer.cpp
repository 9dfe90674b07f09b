#include "model/validation/Context.h"
#include "model/validation/Hosts.h"
#include "model/validation/rules/Rules.h"

namespace egret::validation::rules {

namespace {

bool sameCertificate(const ServerTlsSettings &a, const ServerTlsSettings &b) {
    if (!a.credentialName.isEmpty() || !b.credentialName.isEmpty())
        return a.credentialName == b.credentialName;
    return !a.serverCertificate.isEmpty() && a.serverCertificate == b.serverCertificate &&
           !a.privateKey.isEmpty() && a.privateKey == b.privateKey;
}

// Gateways on the same workloads that serve the same certificate: clients reusing an HTTP/2
// connection for another host reach the wrong server block. Istio compares each Gateway with
// those whose selector contains all of its own labels, so the relation is not symmetric.
void analyze(Context &ctx) {
    const Resource &g = ctx.subject();
    const auto *gw = g.as<Gateway>();
    for (int i = 0; i < gw->servers.size(); ++i) {
        const auto &tls = gw->servers[i].tls;
        if (!tls)
            continue;
        EntryView candidates;
        if (!tls->credentialName.isEmpty())
            candidates = ctx.entries(Table::GatewayCredential, tls->credentialName);
        else if (!tls->serverCertificate.isEmpty() && !tls->privateKey.isEmpty())
            candidates = ctx.entries(Table::GatewayCertificatePair,
                                     tls->serverCertificate + kSep + tls->privateKey);
        for (const Entry &e : candidates) {
            const Resource *other = e.resource;
            const auto *og = other->as<Gateway>();
            if (other->id == g.id || !selectorMatches(gw->selector, og->selector))
                continue;
            for (const Server &s : og->servers)
                if (s.tls && sameCertificate(*tls, *s.tls))
                    ctx.report(msg::GatewayDuplicateCertificate,
                               QStringLiteral("spec.servers[%1].tls").arg(i),
                               {goList({fullName(g), fullName(*other)})});
        }
    }
}

} // namespace

const Rule certificateAnalyzer{
    "gateway.CertificateAnalyzer",
    "Checks for Gateways on the same workloads that serve the same certificate",
    {Kind::Gateway},
    {Kind::Gateway},
    {&msg::GatewayDuplicateCertificate},
    analyze,
};

} // namespace egret::validation::rules

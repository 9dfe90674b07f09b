#include "model/validation/Certificate.h"
#include "model/validation/Context.h"
#include "model/validation/Hosts.h"
#include "model/validation/rules/Rules.h"

#include <algorithm>

namespace egret::validation::rules {

namespace {

// A TLS Secret as Istio's gateways read it: cert+key, else tls.crt+tls.key, with a certificate
// that parses and is valid now.
bool validCredential(const Secret &secret, const QDateTime &now) {
    QByteArray cert;
    if (!secret.data.value(QStringLiteral("cert")).isEmpty() &&
        !secret.data.value(QStringLiteral("key")).isEmpty())
        cert = secret.data.value(QStringLiteral("cert"));
    else if (!secret.data.value(QStringLiteral("tls.crt")).isEmpty() &&
             !secret.data.value(QStringLiteral("tls.key")).isEmpty())
        cert = secret.data.value(QStringLiteral("tls.crt"));
    else
        return false;
    CertificateValidity validity;
    return readPemCertificate(cert, &validity) && validity.contains(now);
}

void analyze(Context &ctx) {
    const Resource &g = ctx.subject();
    const auto *gw = g.as<Gateway>();
    QVector<const Resource *> pods = ctx.workloadsMatching(gw->selector);
    std::sort(pods.begin(), pods.end(), [](const Resource *a, const Resource *b) {
        return std::tie(a->ns, a->meta.name) < std::tie(b->ns, b->meta.name);
    });
    // Credentials are read from the namespace the gateway's pods run in.
    if (pods.isEmpty() || pods.first()->ns.isEmpty()) {
        ctx.report(msg::ReferencedResourceNotFound, QStringLiteral("spec.selector"),
                   {QStringLiteral("selector"), selectorString(gw->selector)});
        return;
    }
    const QString workloadNs = pods.first()->ns;
    for (int i = 0; i < gw->servers.size(); ++i) {
        const auto &tls = gw->servers[i].tls;
        if (!tls || tls->credentialName.isEmpty())
            continue;
        const QString path = QStringLiteral("spec.servers[%1].tls.credentialName").arg(i);
        const GatewayRef ref = parseGatewayRef(tls->credentialName, workloadNs);
        const Resource *secret = ctx.find(Table::SecretByName, ref.ns + kSep + ref.name);
        if (!secret)
            ctx.report(msg::ReferencedResourceNotFound, path,
                       {QStringLiteral("credentialName"), tls->credentialName});
        else if (!validCredential(*secret->as<Secret>(), ctx.now()))
            ctx.report(msg::InvalidGatewayCredential, path, {g.meta.name, g.ns});
    }
}

} // namespace

const Rule secretAnalyzer{
    "gateway.SecretAnalyzer",
    "Checks that the Secrets named by Gateway credentialName exist in the gateway's namespace and "
    "hold a valid certificate",
    {Kind::Gateway, Kind::Pod, Kind::Secret},
    {Kind::Gateway},
    {&msg::ReferencedResourceNotFound, &msg::InvalidGatewayCredential},
    analyze,
};

} // namespace egret::validation::rules

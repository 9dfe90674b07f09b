#include "model/validation/Context.h"
#include "model/validation/rules/Rules.h"

namespace egret::validation::rules {

namespace {

// SIMPLE or MUTUAL origination that names no CA, unless a workload-scoped rule brings its own
// credential.
bool unverified(const std::optional<ClientTlsSettings> &tls, bool hasWorkloadSelector) {
    if (!tls || (tls->mode != QLatin1String("SIMPLE") && tls->mode != QLatin1String("MUTUAL")))
        return false;
    if (!tls->caCertificates.isEmpty())
        return false;
    return !(hasWorkloadSelector && !tls->credentialName.isEmpty());
}

void analyze(Context &ctx) {
    const Resource &r = ctx.subject();
    const auto *dr = r.as<DestinationRule>();
    if (!dr->trafficPolicy)
        return;
    const TrafficPolicy &tp = *dr->trafficPolicy;
    const bool selector = dr->workloadSelector.has_value();
    if (unverified(tp.tls, selector))
        ctx.report(msg::NoServerCertificateVerificationDestinationLevel,
                   QStringLiteral("spec.trafficPolicy.tls.mode"),
                   {r.meta.name, r.ns, tp.tls->mode, dr->host});
    for (int i = 0; i < tp.portLevelSettings.size(); ++i) {
        const PortTrafficPolicy &p = tp.portLevelSettings[i];
        if (unverified(p.tls, selector))
            ctx.report(
                msg::NoServerCertificateVerificationPortLevel,
                QStringLiteral("spec.trafficPolicy.portLevelSettings[%1].tls.mode").arg(i),
                {r.meta.name, r.ns, p.tls->mode, dr->host, QString::number(p.port.value_or(0))});
    }
}

} // namespace

const Rule caCertificateAnalyzer{
    "destinationrule.CaCertificateAnalyzer",
    "Checks that DestinationRules originating SIMPLE or MUTUAL TLS set caCertificates to verify "
    "the server",
    {Kind::DestinationRule},
    {Kind::DestinationRule},
    {&msg::NoServerCertificateVerificationDestinationLevel,
     &msg::NoServerCertificateVerificationPortLevel},
    analyze,
};

} // namespace egret::validation::rules

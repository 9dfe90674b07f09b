#include "model/istio/GatewayApiRefs.h"
#include "model/validation/rules/GatewayApiRoutes.h"
#include "model/validation/rules/Rules.h"

namespace egret::validation::rules {

// EGR0015: a BackendTLSPolicy originates TLS toward its targets, so they must exist, and it
// must be able to verify the server: caCertificateRefs or wellKnownCACertificates, and the
// hostname to verify.
static void analyze(Context &ctx) {
    const Resource &r = ctx.subject();
    const BackendTlsPolicy &p = *r.as<BackendTlsPolicy>();
    if (p.targetRefs.isEmpty())
        ctx.report(msg::BackendTlsPolicyIneffective, QStringLiteral("spec"),
                   {QStringLiteral("names no targetRefs: it applies to nothing")});
    for (int i = 0; i < p.targetRefs.size(); ++i) {
        const ObjectRef &t = p.targetRefs[i];
        if (!(istio::refersToService(t) || istio::refersToServiceEntry(t)))
            ctx.report(msg::BackendTlsPolicyIneffective,
                       QStringLiteral("spec.targetRefs[%1]").arg(i),
                       {QStringLiteral("targets %1, which is not a Service or a ServiceEntry")
                            .arg(describeRef(t, r.ns, false))});
        else if (!referencedService(ctx, t, r.ns))
            ctx.report(msg::BackendTlsPolicyIneffective,
                       QStringLiteral("spec.targetRefs[%1]").arg(i),
                       {QStringLiteral("targets %1, which does not exist: it applies to nothing")
                            .arg(describeRef(t, r.ns, false))});
    }
    if (p.caCertificateRefs.isEmpty() && p.wellKnownCACertificates.isEmpty())
        ctx.report(msg::BackendTlsPolicyIneffective, QStringLiteral("spec.validation"),
                   {QStringLiteral("names neither caCertificateRefs nor wellKnownCACertificates: "
                                   "the server's certificate cannot be verified")});
    if (p.hostname.isEmpty())
        ctx.report(msg::BackendTlsPolicyIneffective, QStringLiteral("spec.validation"),
                   {QStringLiteral("sets no validation.hostname: no SNI is sent and no name is "
                                   "verified")});
}

const Rule backendTlsPolicyAnalyzer{
    "gatewayapi.BackendTlsPolicyAnalyzer",
    "Checks that a BackendTLSPolicy targets a Service or ServiceEntry that exists and can verify "
    "the server",
    {Kind::BackendTlsPolicy, Kind::ServiceEntry, Kind::Service},
    {Kind::BackendTlsPolicy},
    {&msg::BackendTlsPolicyIneffective},
    analyze,
};

} // namespace egret::validation::rules

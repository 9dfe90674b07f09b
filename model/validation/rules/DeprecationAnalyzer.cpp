#include "model/validation/Context.h"
#include "model/validation/rules/Rules.h"

namespace egret::validation::rules {

// Fields Istio still accepts but has deprecated.
static void analyze(Context &ctx) {
    const Resource &r = ctx.subject();
    if (const auto *vs = r.as<VirtualService>()) {
        for (int i = 0; i < vs->http.size(); ++i) {
            const auto &fault = vs->http[i].fault;
            if (fault && fault->delayPercent.value_or(0) > 0)
                ctx.report(msg::Deprecated,
                           QStringLiteral("spec.http[%1].fault.delay.percent").arg(i),
                           {QStringLiteral("HTTPFaultInjection.Delay.Percent is deprecated; use "
                                           "percentage.value")});
        }
    } else if (const auto *sidecar = r.as<Sidecar>()) {
        if (sidecar->hasEgressProxy)
            ctx.report(msg::Deprecated, QStringLiteral("spec.outboundTrafficPolicy.egressProxy"),
                       {QStringLiteral("OutboundTrafficPolicy.EgressProxy is deprecated")});
    }
}

const Rule deprecationAnalyzer{
    "deprecation.DeprecationAnalyzer",
    "Checks for deprecated Istio fields: the integer fault delay percent of a VirtualService and "
    "the egressProxy of a Sidecar",
    {Kind::VirtualService, Kind::Sidecar},
    {Kind::VirtualService, Kind::Sidecar},
    {&msg::Deprecated},
    analyze,
};

} // namespace egret::validation::rules

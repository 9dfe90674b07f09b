#include "model/validation/Context.h"
#include "model/validation/rules/Rules.h"

namespace egret::validation::rules {

// EGR0007: DNS resolution looks the host name up; a wildcard is no name to look up, and Istio's
// validation refuses such a ServiceEntry unless it lists endpoints.
static void analyze(Context &ctx) {
    const auto *se = ctx.subject().as<ServiceEntry>();
    if ((se->resolution != QLatin1String("DNS") &&
         se->resolution != QLatin1String("DNS_ROUND_ROBIN")) ||
        !se->endpoints.isEmpty())
        return;
    for (int i = 0; i < se->hosts.size(); ++i)
        if (se->hosts[i].startsWith(QLatin1Char('*')))
            ctx.report(msg::WildcardHostWithDnsResolution, QStringLiteral("spec.hosts[%1]").arg(i),
                       {se->hosts[i], se->resolution});
}

const Rule wildcardResolutionAnalyzer{
    "serviceentry.WildcardResolutionAnalyzer",
    "Checks that wildcard ServiceEntry hosts do not use DNS resolution",
    {Kind::ServiceEntry},
    {Kind::ServiceEntry},
    {&msg::WildcardHostWithDnsResolution},
    analyze,
};

} // namespace egret::validation::rules

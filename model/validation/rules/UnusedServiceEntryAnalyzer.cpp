#include "model/validation/Context.h"
#include "model/validation/Hosts.h"
#include "model/validation/rules/Rules.h"

namespace egret::validation::rules {

// EGR0009: a ServiceEntry only serves the proxies it is exported to; exported only to namespaces
// without workloads (gateways included), no route or workload can use its hosts.
static void analyze(Context &ctx) {
    const Resource &r = ctx.subject();
    const auto *se = r.as<ServiceEntry>();
    const QStringList scopes = exportScopes(se->exportTo, r.ns);
    if (scopes.contains(QStringLiteral("*")))
        return;
    for (const QString &ns : scopes)
        if (!ctx.entries(Table::WorkloadsByNs, ns).isEmpty())
            return;
    QStringList shown;
    for (const QString &ns : scopes)
        shown << (ns.isEmpty() ? QStringLiteral("\"\"") : ns);
    ctx.report(msg::UnusedServiceEntry, QStringLiteral("spec.exportTo"),
               {se->hosts.join(QStringLiteral(", ")), shown.join(QStringLiteral(", "))});
}

const Rule unusedServiceEntryAnalyzer{
    "serviceentry.UnusedAnalyzer",
    "Checks that a ServiceEntry is exported to a namespace where some workload runs",
    {Kind::ServiceEntry, Kind::Pod},
    {Kind::ServiceEntry},
    {&msg::UnusedServiceEntry},
    analyze,
};

} // namespace egret::validation::rules

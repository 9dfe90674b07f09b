#include "model/validation/Context.h"
#include "model/validation/rules/Rules.h"

namespace egret::validation::rules {

// A TCP (or unspecified-protocol) port needs a virtual IP to be told apart from other TCP
// services on the same port, unless the proxies allocate one.
static void analyze(Context &ctx) {
    if (ctx.mesh().autoAllocatesAddresses())
        return;
    const auto *se = ctx.subject().as<ServiceEntry>();
    if (!se->addresses.isEmpty() || !se->statusAddresses.isEmpty())
        return;
    for (int i = 0; i < se->ports.size(); ++i) {
        const QString &protocol = se->ports[i].protocol;
        if (protocol.isEmpty() || protocol.compare(QLatin1String("TCP"), Qt::CaseInsensitive) == 0)
            ctx.report(msg::ServiceEntryAddressesRequired, QStringLiteral("spec.ports[%1]").arg(i));
    }
}

const Rule serviceEntryAddressesAnalyzer{
    "serviceentry.Analyzer",
    "Checks that ServiceEntries with TCP ports (or ports without a protocol) have addresses, "
    "unless the mesh allocates them",
    {Kind::ServiceEntry},
    {Kind::ServiceEntry},
    {&msg::ServiceEntryAddressesRequired},
    analyze,
};

} // namespace egret::validation::rules

#include "model/istio/Visibility.h"
#include "model/recipes/HostNames.h"
#include "model/recipes/RecipeSteps.h"
#include "model/recipes/ResourceNodes.h"

namespace egret::recipes {

namespace {

// Ports carrying the application's TLS may be declared TLS or HTTPS: both pass it through.
bool sameProtocol(const QString &written, const QString &wanted) {
    const QString a = written.toUpper();
    const QString b = wanted.toUpper();
    const QStringList tls{QStringLiteral("TLS"), QStringLiteral("HTTPS")};
    return a == b || (tls.contains(a) && tls.contains(b));
}

QString uniquePortName(QStringList &taken, const QString &preferred, qint64 number) {
    QString name = preferred;
    if (taken.contains(name))
        name = QStringLiteral("%1-%2").arg(preferred).arg(number);
    for (int n = 2; taken.contains(name); ++n)
        name = QStringLiteral("%1-%2-%3").arg(preferred).arg(number).arg(n);
    taken.append(name);
    return name;
}

} // namespace

std::optional<NamedResource> ensureServiceEntry(RecipeContext &ctx, const ServiceEntryPlan &plan) {
    const QString ns = ctx.routeNamespace();
    QVector<const Resource *> found = ctx.matching(Kind::ServiceEntry, [&](const Resource &r) {
        const ServiceEntry *se = r.as<ServiceEntry>();
        return se && se->hosts.contains(plan.host) && istio::exportedTo(se->exportTo, r.ns, ns);
    });
    std::stable_sort(found.begin(), found.end(), [&](const Resource *a, const Resource *b) {
        return (a->ns == ns) > (b->ns == ns);
    });
    if (found.isEmpty()) {
        QStringList taken;
        QStringList names;
        for (const PortPlan &p : plan.ports)
            names << uniquePortName(taken, p.name, p.number);
        const QString name = ctx.uniqueName(Kind::ServiceEntry, ns, targetName(plan.host));
        ctx.create(Kind::ServiceEntry, ctx.written(ns), name, serviceEntrySpec(plan, names));
        return NamedResource{ns, name};
    }

    const Resource &r = *found.front();
    const NamedResource entry{r.ns, r.meta.name};
    const ServiceEntry &se = *r.as<ServiceEntry>();
    const QString resolution = se.resolution.isEmpty() ? QStringLiteral("NONE") : se.resolution;
    if (plan.mustResolve && resolution == QLatin1String("NONE")) {
        ctx.problem(QStringLiteral("workspace"),
                    QStringLiteral("%1: %2 declares %3 with resolution NONE: the egress gateway "
                                   "could not reach it (it needs DNS, or STATIC endpoints)")
                        .arg(r.location.toString(), resourceName(r), plan.host));
        return std::nullopt;
    }

    QVector<edit::TextEdit> edits;
    QStringList added;
    QStringList taken;
    for (const ServicePort &p : se.ports)
        taken << p.name;
    YAML::Node newPorts(YAML::NodeType::Sequence);
    for (const PortPlan &want : plan.ports) {
        int index = -1;
        for (int i = 0; i < se.ports.size(); ++i)
            if (se.ports[i].number == want.number)
                index = i;
        if (index < 0) {
            newPorts.push_back(
                serviceEntryPort(want, uniquePortName(taken, want.name, want.number)));
            added << QStringLiteral("port %1").arg(want.number);
            continue;
        }
        const ServicePort &have = se.ports[index];
        if (!sameProtocol(have.protocol, want.protocol) ||
            (want.targetPort && have.targetPort && have.targetPort != want.targetPort)) {
            ctx.problem(
                QStringLiteral("workspace"),
                QStringLiteral("%1: %2 declares port %3 as %4%5; this route needs %6%7 "
                               "there")
                    .arg(r.location.toString(), resourceName(r))
                    .arg(want.number)
                    .arg(have.protocol.isEmpty() ? QStringLiteral("TCP") : have.protocol,
                         have.targetPort ? QStringLiteral(" to port %1").arg(*have.targetPort)
                                         : QString(),
                         want.protocol,
                         want.targetPort ? QStringLiteral(" to port %1").arg(*want.targetPort)
                                         : QString()));
            return std::nullopt;
        }
        if (want.targetPort && !have.targetPort) {
            edits << edit::TextEdit::insertEntry(QStringLiteral("spec.ports[%1]").arg(index),
                                                 QStringLiteral("targetPort"),
                                                 num(*want.targetPort));
            added << QStringLiteral("targetPort %1 on port %2")
                         .arg(*want.targetPort)
                         .arg(want.number);
        }
    }
    if (newPorts.size() > 0)
        edits += ctx.appendItems(r, QStringLiteral("spec.ports"), newPorts);
    QStringList newAddresses;
    for (const QString &address : plan.addresses) {
        if (se.addresses.contains(address))
            continue;
        newAddresses << address;
        added << QStringLiteral("address %1").arg(address);
    }
    if (!newAddresses.isEmpty())
        edits += ctx.appendItems(r, QStringLiteral("spec.addresses"), strings(newAddresses));
    if (ctx.failed())
        return std::nullopt;
    if (!edits.isEmpty() && !ctx.edit(r, edits,
                                      QStringLiteral("extended %1: %2")
                                          .arg(resourceName(r), added.join(QStringLiteral(", ")))))
        return std::nullopt;
    return entry;
}

} // namespace egret::recipes

#include "model/validation/Context.h"
#include "model/validation/Hosts.h"
#include "model/validation/rules/Rules.h"

namespace egret::validation::rules {

namespace {

const QString kRegion = QStringLiteral("topology.kubernetes.io/region");
const QString kZone = QStringLiteral("topology.kubernetes.io/zone");
const QString kSubzone = QStringLiteral("topology.istio.io/subzone");
const QString kHostname = QStringLiteral("kubernetes.io/hostname");

bool isTopologyLabel(const QString &key) {
    return key == kRegion || key == kZone || key == kSubzone || key == kHostname;
}

// A pod's labels plus the topology of the node it runs on, as Istio gives them to endpoints.
Labels augmentedLabels(Context &ctx, const Workload &w) {
    Labels labels = w.podLabels;
    if (w.nodeName.isEmpty())
        return labels;
    if (const Resource *node = ctx.find(Table::NodeByName, w.nodeName)) {
        const QString region = node->meta.labels.value(kRegion);
        const QString zone = node->meta.labels.value(kZone);
        const QString subzone = node->meta.labels.value(kSubzone);
        if (!region.isEmpty())
            labels.insert(kRegion, region);
        if (!zone.isEmpty()) {
            labels.insert(kZone, zone);
            if (!subzone.isEmpty())
                labels.insert(kSubzone, subzone);
        }
    }
    labels.insert(kHostname, w.nodeName);
    return labels;
}

bool anyPodSelected(Context &ctx, const Labels &selector) {
    if (selector.isEmpty()) {
        const EntryView any = ctx.entries(Table::AnyWorkload, QString());
        if (!any.isEmpty())
            ctx.relyOn(any.first().resource);
        return !any.isEmpty();
    }
    // Candidates from a label the pod itself must carry; topology labels may come from its node.
    QString key;
    for (auto it = selector.cbegin(); it != selector.cend() && key.isEmpty(); ++it)
        if (!isTopologyLabel(it.key()))
            key = it.key() + QLatin1Char('=') + it.value();
    const EntryView candidates = key.isEmpty() ? ctx.entries(Table::Workloads, QString())
                                               : ctx.entries(Table::WorkloadsByLabel, key);
    for (const Entry &e : candidates) {
        if (selectorMatches(selector, augmentedLabels(ctx, *e.resource->as<Workload>()))) {
            ctx.relyOn(e.resource);
            return true;
        }
    }
    return false;
}

void analyze(Context &ctx) {
    const Resource &r = ctx.subject();
    const auto *dr = r.as<DestinationRule>();
    const Context::HostMatch m = ctx.lookupHost(r.ns, dr->exportTo, dr->host);
    if (!m.found()) {
        ctx.report(msg::UnknownDestinationRuleHost, QStringLiteral("spec.host"), {dr->host});
        return;
    }
    Labels base;
    if (const auto *se = m.owner->as<ServiceEntry>(); se && se->workloadSelector)
        base = *se->workloadSelector;
    for (int i = 0; i < dr->subsets.size(); ++i) {
        Labels selector = base;
        const Labels &own = dr->subsets[i].labels;
        for (auto it = own.cbegin(); it != own.cend(); ++it)
            selector.insert(it.key(), it.value());
        if (!anyPodSelected(ctx, selector))
            ctx.report(msg::DestinationRuleSubsetNotSelectPods,
                       QStringLiteral("spec.subsets[%1]").arg(i), {dr->subsets[i].name});
    }
}

} // namespace

const Rule subsetSelectPodAnalyzer{
    "destinationrule.SubsetSelectPodAnalyzer",
    "Checks that a DestinationRule's host is a known service and that each subset selects pods",
    {Kind::DestinationRule, Kind::Pod, Kind::Service, Kind::ServiceEntry, Kind::Node},
    {Kind::DestinationRule},
    {&msg::UnknownDestinationRuleHost, &msg::DestinationRuleSubsetNotSelectPods},
    analyze,
};

} // namespace egret::validation::rules

#include "model/validation/Context.h"
#include "model/validation/rules/Rules.h"

namespace egret::validation::rules {

namespace {

bool hasSelector(const Sidecar &s) {
    return s.workloadSelector && !s.workloadSelector->isEmpty();
}

bool ambientPod(const Workload &w) {
    return w.podAnnotations.value(QStringLiteral("ambient.istio.io/redirection")) ==
           QLatin1String("enabled");
}

bool ambientNamespace(const Resource &ns) {
    const Labels &l = ns.meta.labels;
    return l.value(QStringLiteral("istio.io/dataplane-mode")) == QLatin1String("ambient") &&
           l.value(QStringLiteral("istio-injection")) != QLatin1String("enabled") &&
           l.value(QStringLiteral("istio.io/rev")).isEmpty();
}

void analyze(Context &ctx) {
    const Resource &r = ctx.subject();
    const auto *sidecar = r.as<Sidecar>();
    const EntryView sameNamespace = ctx.entries(Table::SidecarsByNs, r.ns);
    if (!hasSelector(*sidecar)) {
        if (const Resource *ns = ctx.find(Table::NamespaceByName, r.ns);
            ns && ambientNamespace(*ns)) {
            ctx.report(msg::IneffectivePolicy, QString(),
                       {QStringLiteral("namespace %1 is in ambient mode, where Sidecar resources "
                                       "do not apply")
                            .arg(r.ns)});
            return;
        }
        QStringList names;
        for (const Entry &e : sameNamespace)
            if (!hasSelector(*e.resource->as<Sidecar>()))
                names << fullName(*e.resource);
        if (names.size() > 1)
            ctx.report(msg::MultipleSidecarsWithoutWorkloadSelectors, QString(),
                       {goList(names), r.ns});
        return;
    }
    const QString path = QStringLiteral("spec.workloadSelector");
    const QVector<const Resource *> pods = ctx.workloadsMatching(*sidecar->workloadSelector, &r.ns);
    if (pods.isEmpty()) {
        ctx.report(msg::ReferencedResourceNotFound, path,
                   {QStringLiteral("selector"), selectorString(*sidecar->workloadSelector)});
        return;
    }
    bool ambientReported = false;
    for (const Resource *pod : pods) {
        const Workload &w = *pod->as<Workload>();
        if (ambientPod(w)) {
            if (!ambientReported)
                ctx.report(msg::IneffectivePolicy, path,
                           {QStringLiteral("the selected pod %1 is in ambient mode, where Sidecar "
                                           "resources do not apply")
                                .arg(fullName(*pod))});
            ambientReported = true;
            continue;
        }
        QStringList names;
        for (const Entry &e : sameNamespace) {
            const auto *other = e.resource->as<Sidecar>();
            if (hasSelector(*other) && selectorMatches(*other->workloadSelector, w.podLabels))
                names << fullName(*e.resource);
        }
        if (names.size() > 1)
            ctx.report(msg::ConflictingSidecarWorkloadSelectors, path,
                       {goList(names), r.ns, pod->meta.name});
    }
}

} // namespace

const Rule sidecarSelectorAnalyzer{
    "sidecar.SelectorAnalyzer",
    "Checks that Sidecar workload selectors select pods, that no pod is selected by two Sidecars, "
    "that a namespace has at most one Sidecar without selector, and that Sidecars apply to "
    "non-ambient workloads",
    {Kind::Sidecar, Kind::Pod, Kind::Namespace},
    {Kind::Sidecar},
    {&msg::ReferencedResourceNotFound, &msg::ConflictingSidecarWorkloadSelectors,
     &msg::MultipleSidecarsWithoutWorkloadSelectors, &msg::IneffectivePolicy},
    analyze,
};

} // namespace egret::validation::rules

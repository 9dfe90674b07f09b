// Istio's webhook for DestinationRules (ValidateDestinationRule in
// pkg/config/validation/validation.go). The traffic policy rules are in TrafficPolicy.cpp,
// LoadBalancer.cpp and ClientTls.cpp.
#include "model/webhook/Fields.h"
#include "model/webhook/Labels.h"
#include "model/webhook/TrafficPolicy.h"
#include "model/webhook/TypedValues.h"
#include "model/webhook/Webhook.h"

#include <QRegularExpression>
#include <QSet>

namespace egret::webhook {

namespace {

void checkHost(const YAML::Node &spec, WebhookReport &report) {
    const YAML::Node host = field(spec, "host");
    const std::optional<QString> name = stringOf(host);
    if (!name)
        return; // absent or not a string: the schema reports it
    if (const QString problem = checkWildcardDomain(*name); !problem.isEmpty())
        report.error(host, QStringLiteral("spec.host"), problem);
}

void checkSubsetLabels(const YAML::Node &labels, const QString &path, WebhookReport &report) {
    if (!isMap(labels))
        return;
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        const QString key = text(it->first);
        if (!checkLabelKey(key).isEmpty())
            report.error(it->first, path,
                         QStringLiteral("label key \"%1\" is not a Kubernetes label name "
                                        "(letters, digits, '-', '_' and '.', at most 63, after "
                                        "an optional DNS prefix and '/')")
                             .arg(key));
        const std::optional<QString> value = stringOf(it->second);
        if (value && !isLabelValue(*value))
            report.error(it->second, path + QLatin1Char('.') + key,
                         QStringLiteral("label value \"%1\" is not a Kubernetes label value "
                                        "(letters, digits, '-', '_' and '.', starting and "
                                        "ending with a letter or digit)")
                             .arg(*value));
    }
}

void checkSubsetName(const YAML::Node &subset, const QString &path, WebhookReport &report) {
    const YAML::Node node = field(subset, "name");
    const std::optional<QString> name = stringOf(node);
    if (!name)
        return;
    if (name->isEmpty())
        report.error(node, path, QStringLiteral("a subset needs a name"));
    else if (!isIstioDnsLabel(*name))
        report.error(node, path,
                     QStringLiteral("subset name \"%1\" is not a DNS label (letters, digits and "
                                    "'-', at most 63)")
                         .arg(*name));
}

void checkSubsets(const YAML::Node &spec, const QString &ns, WebhookReport &report) {
    QSet<QString> names;
    forEachItem(field(spec, "subsets"), [&](const YAML::Node &subset, int i) {
        if (!isMap(subset))
            return;
        const QString path = indexed(QStringLiteral("spec.subsets"), i);
        if (const auto name = stringOf(field(subset, "name"))) {
            if (names.contains(*name))
                report.error(field(subset, "name"), joinPath(path, "name"),
                             QStringLiteral("subset name \"%1\" is used twice").arg(*name));
            names.insert(*name);
        }
        checkSubsetName(subset, joinPath(path, "name"), report);
        checkSubsetLabels(field(subset, "labels"), joinPath(path, "labels"), report);
        checkTrafficPolicy(field(subset, "trafficPolicy"), joinPath(path, "trafficPolicy"), ns,
                           report);
    });
}

void checkWorkloadSelector(const YAML::Node &selector, WebhookReport &report) {
    if (!isMap(selector))
        return;
    const YAML::Node labels = field(selector, "matchLabels");
    if (isMap(labels) && labels.size() > 0)
        checkSelectorLabels(labels, QStringLiteral("spec.workloadSelector.matchLabels"), report);
    else
        report.warning(selector, QStringLiteral("spec.workloadSelector"),
                       QStringLiteral("a workload selector without matchLabels applies this "
                                      "DestinationRule to every workload of the namespace"));
}

} // namespace

void checkDestinationRule(const YAML::Node &document, const QString &path,
                          schema::CheckSink &sink) {
    WebhookReport report(sink, path);
    const YAML::Node spec = field(document, "spec");
    if (!isMap(spec))
        return;
    const QString ns = documentNamespace(document);
    checkHost(spec, report);
    checkTrafficPolicy(field(spec, "trafficPolicy"), QStringLiteral("spec.trafficPolicy"), ns,
                       report);
    checkSubsets(spec, ns, report);
    const YAML::Node selector = field(spec, "workloadSelector");
    checkExportTo(field(spec, "exportTo"), QStringLiteral("spec.exportTo"), ns,
                  isMap(selector) ? ExportToOf::DestinationRuleWithSelector : ExportToOf::Other,
                  report);
    checkWorkloadSelector(selector, report);
}

} // namespace egret::webhook

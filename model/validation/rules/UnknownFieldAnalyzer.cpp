#include "model/validation/Context.h"
#include "model/validation/rules/Rules.h"
#include "model/yaml/YamlPath.h"

namespace egret::validation::rules {

// EGR0010: the loader keeps fields Istio's schema does not define, but `kubectl apply` with strict
// field validation rejects them.
static void analyze(Context &ctx) {
    for (const QString &path : ctx.subject().unknownFields) {
        const QVector<yaml::PathSegment> segments = yaml::parsePath(path);
        ctx.report(msg::UnknownField, path, {segments.isEmpty() ? path : segments.last().key});
    }
}

const Rule unknownFieldAnalyzer{
    "schema.UnknownFieldAnalyzer",
    "Checks for fields Istio's schema does not define, which strict field validation rejects",
    {Kind::Gateway, Kind::ServiceEntry, Kind::VirtualService, Kind::DestinationRule, Kind::Sidecar},
    {Kind::Gateway, Kind::ServiceEntry, Kind::VirtualService, Kind::DestinationRule, Kind::Sidecar},
    {&msg::UnknownField},
    analyze,
};

} // namespace egret::validation::rules

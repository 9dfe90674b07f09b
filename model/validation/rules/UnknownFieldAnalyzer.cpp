#include "model/schema/ResourceSchema.h"
#include "model/validation/Context.h"
#include "model/validation/rules/Rules.h"
#include "model/yaml/YamlPath.h"

namespace egret::validation::rules {

// EGR0010: the loader keeps fields the kind's schema (Istio's, or the Gateway API's) does not
// define, but `kubectl apply` with strict field validation rejects them.
static void analyze(Context &ctx) {
    const QString schema = schema::schemaName(ctx.subject().kind);
    for (const QString &path : ctx.subject().unknownFields) {
        const QVector<yaml::PathSegment> segments = yaml::parsePath(path);
        ctx.report(msg::UnknownField, path,
                   {segments.isEmpty() ? path : segments.last().key, schema});
    }
}

// The kinds checked against a schema (defined before the rule, which copies it).
static const QVector<Kind> kSchemaKinds = {
    Kind::Gateway,  Kind::ServiceEntry,      Kind::VirtualService, Kind::DestinationRule,
    Kind::Sidecar,  Kind::KubernetesGateway, Kind::HttpRoute,      Kind::GrpcRoute,
    Kind::TlsRoute, Kind::TcpRoute,          Kind::ReferenceGrant, Kind::BackendTlsPolicy,
};

const Rule unknownFieldAnalyzer{
    "schema.UnknownFieldAnalyzer",
    "Checks for fields the kind's schema (Istio's, or the Gateway API's) does not define, which "
    "strict field validation rejects",
    kSchemaKinds,
    kSchemaKinds,
    {&msg::UnknownField},
    analyze,
};

} // namespace egret::validation::rules

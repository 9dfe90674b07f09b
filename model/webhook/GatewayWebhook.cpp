// Istio's webhook for networking.istio.io Gateways (ValidateGateway in
// pkg/config/validation/validation.go).
#include "model/webhook/Fields.h"
#include "model/webhook/Webhook.h"

namespace egret::webhook {

void checkGateway(const YAML::Node &document, const QString &path, schema::CheckSink &sink) {
    WebhookReport report(sink, path);
    const YAML::Node spec = field(document, "spec");
    const YAML::Node servers = field(spec, "servers");
    if (!servers || !servers.IsSequence() || servers.size() == 0)
        report.error(spec && spec.IsMap() ? spec : document, QStringLiteral("spec"),
                     QStringLiteral("a Gateway needs at least one server"));
}

} // namespace egret::webhook

// Istio's webhook for VirtualServices (ValidateVirtualService in
// pkg/config/validation/validation.go).
#include "model/webhook/Fields.h"
#include "model/webhook/Webhook.h"

namespace egret::webhook {

void checkVirtualService(const YAML::Node &document, const QString &path, schema::CheckSink &sink) {
    WebhookReport report(sink, path);
    const YAML::Node spec = field(document, "spec");
    (void)spec;
}

} // namespace egret::webhook

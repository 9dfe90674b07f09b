#include "model/webhook/WebhookReport.h"

namespace egret::webhook {

QString WebhookReport::absolute(const QString &path) const {
    if (m_base.isEmpty())
        return path;
    return path.isEmpty() ? m_base : m_base + QLatin1Char('.') + path;
}

void WebhookReport::error(const YAML::Node &at, const QString &path, const QString &message) {
    ++m_errors;
    m_sink.webhookError(at, absolute(path),
                        message + QStringLiteral(": Istio's validation webhook refuses it"));
}

void WebhookReport::warning(const YAML::Node &at, const QString &path, const QString &message) {
    m_sink.webhookWarning(at, absolute(path),
                          message + QStringLiteral(" (a warning of Istio's validation webhook)"));
}

} // namespace egret::webhook

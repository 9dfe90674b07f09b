#pragma once

#include "model/schema/SchemaNode.h"

#include <QString>

#include <yaml-cpp/yaml.h>

namespace egret::webhook {

// What one document's webhook check finds, as Istio says it: errors refuse the document, warnings
// come back with an accepted one. Paths are given relative to the document ("spec.hosts[0]");
// each message says that it is Istio's webhook speaking.
class WebhookReport {
public:
    WebhookReport(schema::CheckSink &sink, const QString &documentPath)
        : m_sink(sink)
        , m_base(documentPath) {}

    void error(const YAML::Node &at, const QString &path, const QString &message);
    void warning(const YAML::Node &at, const QString &path, const QString &message);
    int errors() const { return m_errors; }

private:
    QString absolute(const QString &path) const;

    schema::CheckSink &m_sink;
    QString m_base;
    int m_errors = 0;
};

} // namespace egret::webhook

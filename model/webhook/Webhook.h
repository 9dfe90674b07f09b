#pragma once

#include "model/schema/SchemaNode.h"

namespace egret::webhook {

// Istio's validation webhook (istio/istio pkg/config/validation) for the networking kinds: the
// rules istiod applies on top of the CRD schemas before the API server stores a document. Every
// supported installation runs it, so what it refuses `kubectl apply` refuses. One file per kind;
// each function has the signature of a schema rule and is attached to the kind's document schema
// (ResourceSchema.cpp), so it runs wherever documents are checked: load, edit, validate, export.
// `document` is the whole object; what is found is reported with paths relative to it.
void checkGateway(const YAML::Node &document, const QString &path, schema::CheckSink &sink);
void checkServiceEntry(const YAML::Node &document, const QString &path, schema::CheckSink &sink);
void checkVirtualService(const YAML::Node &document, const QString &path, schema::CheckSink &sink);
void checkDestinationRule(const YAML::Node &document, const QString &path, schema::CheckSink &sink);
void checkSidecar(const YAML::Node &document, const QString &path, schema::CheckSink &sink);

} // namespace egret::webhook

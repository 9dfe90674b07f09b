#pragma once

#include "model/core/Diagnostic.h"
#include "model/validation/Messages.h"

#include <QStringList>

namespace egret::validation {

struct Rule;

// One validator finding: the message and what it is about. The location is filled in when the
// findings are read (Validator::findings), from the document as it is then.
struct Finding {
    const MessageType *type = nullptr;
    const Rule *rule = nullptr;
    QString message;
    ResourceRef resource;
    ResourceId resourceId;
    QString path; // field path inside the resource, e.g. spec.http[1].route[0].destination.subset
    // The installed gateways Egret assumed (see assumedGatewayResources) that the finding relies
    // on, as "ns/name"; empty when it relies on nothing assumed.
    QStringList assumedGateways;
    SourceLocation location;

    // As a Diagnostic; the message names the assumed gateways it relies on.
    Diagnostic toDiagnostic() const;
};

} // namespace egret::validation

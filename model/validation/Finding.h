#pragma once

#include "model/core/Diagnostic.h"
#include "model/validation/Messages.h"

#include <QStringList>

namespace egret::validation {

struct Rule;

// A gateway of the installation a finding relies on (see mesh/Installation): "ns/name", whether
// an installation document declares it, and why Egret takes it to be there (empty: Istio's
// default profile, assumed).
struct GatewayReliance {
    QString gateway;
    bool declared = false;
    QString because;
    bool operator==(const GatewayReliance &o) const {
        return gateway == o.gateway && declared == o.declared && because == o.because;
    }
};

// One validator finding: the message and what it is about. The location is filled in when the
// findings are read (Validator::findings), from the document as it is then.
struct Finding {
    const MessageType *type = nullptr;
    const Rule *rule = nullptr;
    QString message;
    ResourceRef resource;
    ResourceId resourceId;
    QString path; // field path inside the resource, e.g. spec.http[1].route[0].destination.subset
    // The installation's gateways the finding relies on; empty when it relies on none.
    QVector<GatewayReliance> gateways;
    // Those not declared by an installation document (inferred or assumed), as "ns/name".
    QStringList assumedGateways() const;
    SourceLocation location;

    // As a Diagnostic; the message names the assumed gateways it relies on.
    Diagnostic toDiagnostic() const;
};

} // namespace egret::validation

#pragma once

#include "model/core/Diagnostic.h"
#include "model/core/Ids.h"
#include "model/core/Kind.h"
#include "model/resources/AuthorizationPolicy.h"
#include "model/resources/DestinationRule.h"
#include "model/resources/Gateway.h"
#include "model/resources/GatewayApi.h"
#include "model/resources/Installation.h"
#include "model/resources/Kubernetes.h"
#include "model/resources/ObjectMeta.h"
#include "model/resources/ServiceEntry.h"
#include "model/resources/Sidecar.h"
#include "model/resources/VirtualService.h"

#include <QtGlobal>

#include <variant>

namespace egret {

using Spec =
    std::variant<std::monostate, Gateway, ServiceEntry, VirtualService, DestinationRule, Sidecar,
                 Workload, Service, Secret, RequestAuthentication, KubernetesGateway, GatewayRoute,
                 ReferenceGrant, BackendTlsPolicy, InstallationSpec, AuthorizationPolicy>;

// One Kubernetes object read from a document: its identity, where it is, and its typed spec.
// The document's text stays the source of truth; this is derived from it on every change.
struct Resource {
    ResourceId id;
    Kind kind = Kind::Unknown;
    QString apiVersion;
    QString kindName; // as written
    ObjectMeta meta;
    QString ns;              // effective namespace: as written, else the workspace default
    QString basePath;        // "" or "items[3]": prefix of field paths inside the document
    SourceLocation location; // of the object's first line
    Spec spec;
    QStringList unknownFields; // paths of fields the kind's schema does not define
    bool wellFormed = true;    // false when a required part (name) is missing
    // Not in the user's files: a gateway's Pod and Service from the Istio installation
    // (mesh/Installation). Such resources have no document and no location.
    bool assumed = false;
    // For those: declared by an installation document (else inferred or Istio's default), and
    // why Egret takes it to be there ("installed by IstioOperator ...", "assumed installed there
    // because ..."); empty for Istio's default profile.
    bool installationDeclared = false;
    QString installedBecause;
    // Not in the user's files either: what Istio makes of a Gateway API resource of this kind
    // (istio/GatewayApiTranslation). It shares that resource's id, kind name and location.
    Kind translatedFrom = Kind::Unknown;

    template <class T> const T *as() const { return std::get_if<T>(&spec); }

    // "Kind ns/name" (or "Kind name" when the namespace is empty), as istioctl prints it.
    ResourceRef ref() const { return {kindName, ns, meta.name}; }
    // Joins a path inside the resource to the path inside its document.
    QString documentPath(const QString &fieldPath) const;
};

} // namespace egret

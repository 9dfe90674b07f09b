#pragma once

#include "model/core/Diagnostic.h"

#include <QStringList>
#include <QVector>

namespace egret::validation {

// One kind of finding, declared once: Istio's own codes, names, levels and templates for the
// analyzers Egret mirrors (pkg/config/analysis/msg/messages.yaml), and Egret's EGR codes.
struct MessageType {
    const char *code;        // "IST0101", "EGR0001"
    const char *name;        // "ReferencedResourceNotFound"
    Severity level;          // as istioctl reports it
    const char *text;        // Go-style template: %s %v %d take an argument as is, %q quotes it
    const char *description; // one sentence, for --list-rules and SARIF
};

namespace msg {
// Istio (istioctl analyze) messages.
extern const MessageType Deprecated;                                      // IST0002
extern const MessageType ReferencedResourceNotFound;                      // IST0101
extern const MessageType ConflictingMeshGatewayVirtualServiceHosts;       // IST0109
extern const MessageType ConflictingSidecarWorkloadSelectors;             // IST0110
extern const MessageType MultipleSidecarsWithoutWorkloadSelectors;        // IST0111
extern const MessageType VirtualServiceDestinationPortSelectorRequired;   // IST0112
extern const MessageType NoServerCertificateVerificationDestinationLevel; // IST0128
extern const MessageType NoServerCertificateVerificationPortLevel;        // IST0129
extern const MessageType VirtualServiceUnreachableRule;                   // IST0130
extern const MessageType VirtualServiceIneffectiveMatch;                  // IST0131
extern const MessageType VirtualServiceHostNotFoundInGateway;             // IST0132
extern const MessageType ServiceEntryAddressesRequired;                   // IST0134
extern const MessageType GatewayDuplicateCertificate;                     // IST0138
extern const MessageType IngressRouteRulesNotAffected;                    // IST0140
extern const MessageType ConflictingGateways;                             // IST0145
extern const MessageType JwtClaimBasedRoutingWithoutRequestAuthN;         // IST0149
extern const MessageType InvalidGatewayCredential;                        // IST0161
extern const MessageType GatewayPortNotDefinedOnService;                  // IST0162
extern const MessageType ReferencedInternalGateway;                       // IST0165
extern const MessageType IneffectivePolicy;                               // IST0167
extern const MessageType DestinationRuleSubsetNotSelectPods;              // IST0173
extern const MessageType UnknownDestinationRuleHost;                      // IST0174
extern const MessageType ConflictingServiceEntryProtocol;                 // IST0177
// Egret's egress-chain messages.
extern const MessageType EgressRouteDeadEnd;             // EGR0001
extern const MessageType GatewayServerMissingHost;       // EGR0002
extern const MessageType EgressGatewaySubsetMissing;     // EGR0003
extern const MessageType EgressPortMismatch;             // EGR0004
extern const MessageType PassthroughWithHttpRoute;       // EGR0005
extern const MessageType OriginationWithoutVerification; // EGR0006
extern const MessageType WildcardHostWithDnsResolution;  // EGR0007
extern const MessageType EgressGatewayBypassed;          // EGR0008
extern const MessageType UnusedServiceEntry;             // EGR0009
extern const MessageType UnknownField;                   // EGR0010
// The Gateway API dialect's chain.
extern const MessageType RouteParentNotFound;         // EGR0011
extern const MessageType RouteBackendNotFound;        // EGR0012
extern const MessageType ReferenceNotPermitted;       // EGR0013
extern const MessageType ListenerRefusesRoute;        // EGR0014
extern const MessageType BackendTlsPolicyIneffective; // EGR0015
extern const MessageType ExperimentalGatewayApiKind;  // EGR0016
// Ambient mode.
extern const MessageType WaypointNotFound;          // EGR0017
extern const MessageType WaypointNamespaceMissing;  // EGR0018
extern const MessageType AmbientMeshRouteIgnored;   // EGR0019
extern const MessageType WildcardWithoutDynamicDns; // EGR0020
} // namespace msg

// Every message, sorted by code.
const QVector<const MessageType *> &allMessages();
const MessageType *messageByCode(const QString &code);

// Fills a template: each verb takes the next argument; %q writes it quoted as Go does.
QString formatMessage(const MessageType &type, const QStringList &args);

// Go's fmt forms, for arguments that Istio prints from Go values.
QString goQuote(const QString &s);             // "a\"b"
QString goList(const QStringList &items);      // [a b]
QString documentationUrl(const MessageType &); // istio.io page for IST codes, README anchor for EGR

} // namespace egret::validation

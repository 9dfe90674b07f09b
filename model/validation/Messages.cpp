#include "model/validation/Messages.h"

#include <algorithm>

namespace egret::validation {

// IST codes, names, levels and templates are Istio's (messages.yaml, Apache-2.0), so that findings
// read as istioctl's do. EGR codes are Egret's own.
namespace msg {
const MessageType Deprecated{"IST0002", "Deprecated", Severity::Warning, "Deprecated: %s",
                             "A feature that the configuration is depending on is now deprecated."};
const MessageType ReferencedResourceNotFound{"IST0101", "ReferencedResourceNotFound",
                                             Severity::Error, "Referenced %s not found: %q",
                                             "A resource being referenced does not exist."};
const MessageType ConflictingMeshGatewayVirtualServiceHosts{
    "IST0109", "ConflictingMeshGatewayVirtualServiceHosts", Severity::Error,
    "The VirtualServices %s associated with mesh gateway define the same host %s which can lead to "
    "undefined behavior. This can be fixed by merging the conflicting VirtualServices into a "
    "single resource.",
    "Conflicting hosts on VirtualServices associated with mesh gateway"};
const MessageType ConflictingSidecarWorkloadSelectors{
    "IST0110", "ConflictingSidecarWorkloadSelectors", Severity::Error,
    "The Sidecars %v in namespace %q select the same workload pod %q, which can lead to undefined "
    "behavior.",
    "A Sidecar resource selects the same workloads as another Sidecar resource"};
const MessageType MultipleSidecarsWithoutWorkloadSelectors{
    "IST0111", "MultipleSidecarsWithoutWorkloadSelectors", Severity::Error,
    "The Sidecars %v in namespace %q have no workload selector, which can lead to undefined "
    "behavior.",
    "More than one sidecar resource in a namespace has no workload selector"};
const MessageType VirtualServiceDestinationPortSelectorRequired{
    "IST0112", "VirtualServiceDestinationPortSelectorRequired", Severity::Error,
    "This VirtualService routes to a service %q that exposes multiple ports %v. Specifying a port "
    "in the destination is required to disambiguate.",
    "A VirtualService routes to a service with more than one port exposed, but does not specify "
    "which to use."};
const MessageType NoServerCertificateVerificationDestinationLevel{
    "IST0128", "NoServerCertificateVerificationDestinationLevel", Severity::Warning,
    "DestinationRule %s in namespace %s has TLS mode set to %s but no caCertificates are set to "
    "validate server identity for host: %s",
    "No caCertificates are set in DestinationRule, this results in no verification of presented "
    "server certificate."};
const MessageType NoServerCertificateVerificationPortLevel{
    "IST0129", "NoServerCertificateVerificationPortLevel", Severity::Warning,
    "DestinationRule %s in namespace %s has TLS mode set to %s but no caCertificates are set to "
    "validate server identity for host: %s at port %s",
    "No caCertificates are set in DestinationRule, this results in no verification of presented "
    "server certificate for traffic to a given port."};
const MessageType VirtualServiceUnreachableRule{
    "IST0130", "VirtualServiceUnreachableRule", Severity::Warning,
    "VirtualService rule %v not used (%s).",
    "A VirtualService rule will never be used because a previous rule uses the same match."};
const MessageType VirtualServiceIneffectiveMatch{
    "IST0131", "VirtualServiceIneffectiveMatch", Severity::Info,
    "VirtualService rule %v match %v is not used (duplicate/overlapping match in rule %v).",
    "A VirtualService rule match duplicates a match in a previous rule."};
const MessageType VirtualServiceHostNotFoundInGateway{
    "IST0132", "VirtualServiceHostNotFoundInGateway", Severity::Warning,
    "one or more host %v defined in VirtualService %s not found in Gateway %s.",
    "Host defined in VirtualService not found in Gateway."};
const MessageType ServiceEntryAddressesRequired{
    "IST0134", "ServiceEntryAddressesRequired", Severity::Warning,
    "ServiceEntry addresses are required for this protocol.",
    "Virtual IP addresses are required for ports serving TCP (or unset) protocol when "
    "PILOT_ENABLE_IP_AUTOALLOCATE is not set on a proxy"};
const MessageType GatewayDuplicateCertificate{
    "IST0138", "GatewayDuplicateCertificate", Severity::Warning,
    "Duplicate certificate in multiple gateways %v may cause 404s if clients re-use HTTP2 "
    "connections.",
    "Duplicate certificate in multiple gateways may cause 404s if clients re-use HTTP2 "
    "connections."};
const MessageType IngressRouteRulesNotAffected{
    "IST0140", "IngressRouteRulesNotAffected", Severity::Warning,
    "Subset in virtual service %s has no effect on ingress gateway %s requests",
    "Route rules have no effect on ingress gateway requests"};
const MessageType ConflictingGateways{
    "IST0145", "ConflictingGateways", Severity::Error,
    "Conflict with gateways %s (workload selector %s, port %s, hosts %v).",
    "Gateway should not have the same selector, port and matched hosts of server"};
const MessageType JwtClaimBasedRoutingWithoutRequestAuthN{
    "IST0149", "JwtClaimBasedRoutingWithoutRequestAuthN", Severity::Error,
    "The virtual service uses the JWT claim based routing (key: %s) but found no request "
    "authentication for the gateway (%s) pod (%s). The request authentication must first be "
    "applied for the gateway pods to validate the JWT token and make the claims available for "
    "routing.",
    "Virtual service using JWT claim based routing without request authentication."};
const MessageType InvalidGatewayCredential{
    "IST0161", "InvalidGatewayCredential", Severity::Error,
    "The credential referenced by the Gateway %s in namespace %s is invalid, which can cause the "
    "traffic not to work as expected.",
    "The credential provided for the Gateway resource is invalid"};
const MessageType GatewayPortNotDefinedOnService{
    "IST0162", "GatewayPortNotDefinedOnService", Severity::Warning,
    "The gateway is listening on a target port (port %d) that is not defined in the Service "
    "associated with its workload instances (Pod selector %s). If you need to access the gateway "
    "port through the gateway Service, it will not be available.",
    "Gateway port not exposed by service"};
const MessageType ReferencedInternalGateway{
    "IST0165", "ReferencedInternalGateway", Severity::Warning,
    "Gateway reference in VirtualService %s is to an implementation-generated internal Gateway: "
    "%s.",
    "VirtualServices should not reference internal Gateways."};
const MessageType IneffectivePolicy{"IST0167", "IneffectivePolicy", Severity::Warning,
                                    "The policy has no impact: %s.",
                                    "The policy applied has no impact."};
const MessageType DestinationRuleSubsetNotSelectPods{
    "IST0173", "DestinationRuleSubsetNotSelectPods", Severity::Error,
    "The Subset %s defined in the DestinationRule does not select any pods. Which may lead to 503 "
    "UH (NoHealthyUpstream).",
    "Subsets defined in destination does not select any pods."};
const MessageType UnknownDestinationRuleHost{
    "IST0174", "UnknownDestinationRuleHost", Severity::Warning,
    "The host %s defined in the DestinationRule does not match any services in the mesh.",
    "Host defined in destination rule does not match any services in the mesh."};
const MessageType ConflictingServiceEntryProtocol{
    "IST0177", "ConflictingServiceEntryProtocol", Severity::Warning,
    "Multiple ServiceEntries (%s) define the same host %q and port %d with conflicting protocols "
    "(%s).",
    "Multiple ServiceEntries define the same host and port with conflicting protocols."};

const MessageType EgressRouteDeadEnd{
    "EGR0001", "EgressRouteDeadEnd", Severity::Error,
    "Mesh traffic for %q is sent to the egress gateway %s, but no VirtualService bound to a "
    "Gateway of that gateway (nor a Gateway API route attached to it) routes %q onward: the "
    "gateway drops it.",
    "A mesh route sends a host to the egress gateway, but nothing at the gateway forwards it."};
const MessageType GatewayServerMissingHost{
    "EGR0002", "GatewayServerMissingHost", Severity::Error,
    "This VirtualService routes %q at Gateway %s on port %s, but no server of that Gateway on "
    "that port lists the host: the gateway never applies the route.",
    "A gateway route exists, but no Gateway server on its port lists the host."};
const MessageType EgressGatewaySubsetMissing{
    "EGR0003", "EgressGatewaySubsetMissing", Severity::Error,
    "Mesh traffic for %q is sent to subset %q of the egress gateway %s, but %s: the sidecar "
    "answers 503 instead of reaching the gateway.",
    "The DestinationRule subset a mesh route names does not exist for the gateway service."};
const MessageType EgressPortMismatch{
    "EGR0004", "EgressPortMismatch", Severity::Error, "Ports disagree on the way to %q: %s.",
    "Ports disagree between the mesh route, the Gateway server and the gateway route."};
const MessageType PassthroughWithHttpRoute{
    "EGR0005", "PassthroughWithHttpRoute", Severity::Error,
    "Gateway %s passes TLS through on port %s for %q, but this rule routes it as http: a "
    "PASSTHROUGH server only applies tls rules that match sniHosts.",
    "A PASSTHROUGH Gateway server is used by http routes instead of tls routes with sniHosts."};
const MessageType OriginationWithoutVerification{
    "EGR0006", "OriginationWithoutVerification", Severity::Warning,
    "TLS origination (%s) toward the external host %q %s.",
    "TLS origination toward an external host does not verify the server or sends no SNI."};
const MessageType WildcardHostWithDnsResolution{
    "EGR0007", "WildcardHostWithDnsResolution", Severity::Error,
    "The wildcard host %q cannot be resolved with resolution %s and no endpoints: Istio rejects "
    "the ServiceEntry; use resolution NONE.",
    "A wildcard ServiceEntry host uses DNS resolution."};
const MessageType EgressGatewayBypassed{
    "EGR0008", "EgressGatewayBypassed", Severity::Warning,
    "%q is routed onward from Gateway %s, but no mesh route sends sidecar traffic for it to that "
    "gateway: sidecars reach the host directly, bypassing the gateway.",
    "An external host is reached directly from sidecars although a gateway route for it exists."};
const MessageType UnusedServiceEntry{
    "EGR0009", "UnusedServiceEntry", Severity::Info,
    "No workload can use host %q: the ServiceEntry is exported only to %s, where no workload "
    "runs.",
    "A ServiceEntry host that no route or workload can use."};
const MessageType UnknownField{
    "EGR0010", "UnknownField", Severity::Warning,
    "Unknown field %q: %s does not define it. It is kept as written, but kubectl apply with "
    "strict field validation rejects the resource.",
    "A field its kind's schema (Istio's, or the Gateway API's) does not know."};
const MessageType RouteParentNotFound{
    "EGR0011", "RouteParentNotFound", Severity::Error,
    "This route attaches to %s, which %s: Istio attaches the route nowhere and the traffic it "
    "describes is not steered.",
    "A Gateway API route's parentRef names a Gateway, listener, ServiceEntry or Service that does "
    "not exist."};
const MessageType RouteBackendNotFound{
    "EGR0012", "RouteBackendNotFound", Severity::Error,
    "Backend %s %s: Istio answers the requests this rule takes with an error.",
    "A Gateway API route's backendRef names a Service, ServiceEntry or host that is not declared, "
    "or a port it does not have."};
const MessageType ReferenceNotPermitted{
    "EGR0013", "ReferenceNotPermitted", Severity::Error,
    "This %s refers to %s in namespace %q, and no ReferenceGrant there lets %s of namespace %q "
    "refer to it: Istio ignores the reference.",
    "A cross-namespace reference without a ReferenceGrant in the target namespace."};
const MessageType ListenerRefusesRoute{
    "EGR0014", "ListenerRefusesRoute", Severity::Error,
    "Gateway %s accepts this route on none of the listeners it names: %s.",
    "A Gateway API route is not accepted by the listeners of the Gateway it attaches to (route "
    "kind, namespace or hostname)."};
const MessageType BackendTlsPolicyIneffective{
    "EGR0015", "BackendTlsPolicyIneffective", Severity::Error, "This BackendTLSPolicy %s.",
    "A BackendTLSPolicy targets nothing that exists, or cannot verify the server."};
const MessageType ExperimentalGatewayApiKind{
    "EGR0016", "ExperimentalGatewayApiKind", Severity::Warning,
    "%s %s belongs to the Gateway API's experimental channel: istiod reads it only when it runs "
    "with %s=true%s.",
    "A Gateway API kind Istio serves only behind PILOT_ENABLE_ALPHA_GATEWAY_API."};
const MessageType WaypointNotFound{
    "EGR0017", "WaypointNotFound", Severity::Error,
    "This %s is bound to the waypoint %s (%s), %s: Istio binds it to no waypoint, so its traffic "
    "skips the policies, routes and TLS origination a waypoint would apply.",
    "A ServiceEntry, Service or Namespace is bound (istio.io/use-waypoint) to a waypoint that does "
    "not exist or does not take service traffic."};
const MessageType WaypointNamespaceMissing{
    "EGR0018", "WaypointNamespaceMissing", Severity::Error,
    "This %s uses the waypoint %q, which is not in its namespace %q but in %s: without the label "
    "istio.io/use-waypoint-namespace: %s Istio looks for it in %q and finds none.",
    "A waypoint in another namespace used without istio.io/use-waypoint-namespace."};
const MessageType AmbientMeshRouteIgnored{
    "EGR0019", "AmbientMeshRouteIgnored", Severity::Warning,
    "Ambient pods (namespace %s) reach %q through ztunnel alone, as no waypoint is bound to %s: "
    "this VirtualService's mesh rules apply to sidecars only, not to them.",
    "A mesh VirtualService for a host ambient pods reach without a waypoint, which applies no "
    "routes."};
const MessageType WildcardWithoutDynamicDns{
    "EGR0020", "WildcardWithoutDynamicDns", Severity::Warning,
    "In ambient mode the wildcard host %q is reached only through a waypoint with resolution "
    "DYNAMIC_DNS: %s.",
    "A wildcard ServiceEntry for ambient pods without DYNAMIC_DNS resolution or without a "
    "waypoint."};
} // namespace msg

const QVector<const MessageType *> &allMessages() {
    static const QVector<const MessageType *> list = [] {
        QVector<const MessageType *> l = {
            &msg::Deprecated,
            &msg::ReferencedResourceNotFound,
            &msg::ConflictingMeshGatewayVirtualServiceHosts,
            &msg::ConflictingSidecarWorkloadSelectors,
            &msg::MultipleSidecarsWithoutWorkloadSelectors,
            &msg::VirtualServiceDestinationPortSelectorRequired,
            &msg::NoServerCertificateVerificationDestinationLevel,
            &msg::NoServerCertificateVerificationPortLevel,
            &msg::VirtualServiceUnreachableRule,
            &msg::VirtualServiceIneffectiveMatch,
            &msg::VirtualServiceHostNotFoundInGateway,
            &msg::ServiceEntryAddressesRequired,
            &msg::GatewayDuplicateCertificate,
            &msg::IngressRouteRulesNotAffected,
            &msg::ConflictingGateways,
            &msg::JwtClaimBasedRoutingWithoutRequestAuthN,
            &msg::InvalidGatewayCredential,
            &msg::GatewayPortNotDefinedOnService,
            &msg::ReferencedInternalGateway,
            &msg::IneffectivePolicy,
            &msg::DestinationRuleSubsetNotSelectPods,
            &msg::UnknownDestinationRuleHost,
            &msg::ConflictingServiceEntryProtocol,
            &msg::EgressRouteDeadEnd,
            &msg::GatewayServerMissingHost,
            &msg::EgressGatewaySubsetMissing,
            &msg::EgressPortMismatch,
            &msg::PassthroughWithHttpRoute,
            &msg::OriginationWithoutVerification,
            &msg::WildcardHostWithDnsResolution,
            &msg::EgressGatewayBypassed,
            &msg::UnusedServiceEntry,
            &msg::UnknownField,
            &msg::RouteParentNotFound,
            &msg::RouteBackendNotFound,
            &msg::ReferenceNotPermitted,
            &msg::ListenerRefusesRoute,
            &msg::BackendTlsPolicyIneffective,
            &msg::ExperimentalGatewayApiKind,
            &msg::WaypointNotFound,
            &msg::WaypointNamespaceMissing,
            &msg::AmbientMeshRouteIgnored,
            &msg::WildcardWithoutDynamicDns,
        };
        std::sort(l.begin(), l.end(), [](const MessageType *a, const MessageType *b) {
            return qstrcmp(a->code, b->code) < 0;
        });
        return l;
    }();
    return list;
}

const MessageType *messageByCode(const QString &code) {
    for (const MessageType *m : allMessages())
        if (code == QLatin1String(m->code))
            return m;
    return nullptr;
}

QString goQuote(const QString &s) {
    QString out;
    out.reserve(s.size() + 2);
    out += QLatin1Char('"');
    for (QChar c : s) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\');
        if (c == QLatin1Char('\n')) {
            out += QStringLiteral("\\n");
            continue;
        }
        out += c;
    }
    out += QLatin1Char('"');
    return out;
}

QString goList(const QStringList &items) {
    return QLatin1Char('[') + items.join(QLatin1Char(' ')) + QLatin1Char(']');
}

QString formatMessage(const MessageType &type, const QStringList &args) {
    const QString text = QString::fromUtf8(type.text);
    QString out;
    out.reserve(text.size() + 64);
    int next = 0;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c != QLatin1Char('%') || i + 1 >= text.size()) {
            out += c;
            continue;
        }
        const QChar verb = text.at(++i);
        if (verb == QLatin1Char('%')) {
            out += verb;
            continue;
        }
        const QString arg = args.value(next++);
        out += verb == QLatin1Char('q') ? goQuote(arg) : arg;
    }
    return out;
}

QString documentationUrl(const MessageType &type) {
    const QString code = QString::fromLatin1(type.code).toLower();
    if (code.startsWith(QLatin1String("ist")))
        return QStringLiteral("https://istio.io/latest/docs/reference/config/analysis/%1/")
            .arg(code);
    return QStringLiteral("https://github.com/egret-mesh/egret#%1").arg(code);
}

} // namespace egret::validation

#pragma once

#include "model/validation/Rule.h"

// Every rule, one per file in this folder; Registry.cpp lists them.
namespace egret::validation::rules {

// Mirrors of Istio's networking analyzers (istioctl analyze), named as Istio names them.
extern const Rule deprecationAnalyzer;
extern const Rule caCertificateAnalyzer;
extern const Rule subsetSelectPodAnalyzer;
extern const Rule certificateAnalyzer;
extern const Rule conflictingGatewayAnalyzer;
extern const Rule ingressGatewayPortAnalyzer;
extern const Rule secretAnalyzer;
extern const Rule virtualServiceValidationAnalyzer;
extern const Rule serviceEntryAddressesAnalyzer;
extern const Rule conflictingServiceEntryProtocolAnalyzer;
extern const Rule sidecarSelectorAnalyzer;
extern const Rule conflictingMeshGatewayHostsAnalyzer;
extern const Rule destinationHostAnalyzer;
extern const Rule destinationRuleAnalyzer;
extern const Rule gatewayAnalyzer;
extern const Rule jwtClaimRouteAnalyzer;

// Egret's egress-chain checks.
extern const Rule deadEndAnalyzer;
extern const Rule gatewayServerHostAnalyzer;
extern const Rule gatewaySubsetAnalyzer;
extern const Rule portChainAnalyzer;
extern const Rule passthroughRouteAnalyzer;
extern const Rule tlsOriginationAnalyzer;
extern const Rule wildcardResolutionAnalyzer;
extern const Rule gatewayBypassAnalyzer;
extern const Rule unusedServiceEntryAnalyzer;
extern const Rule unknownFieldAnalyzer;

// The Gateway API dialect's chain.
extern const Rule routeParentAnalyzer;
extern const Rule routeBackendAnalyzer;
extern const Rule referenceGrantAnalyzer;
extern const Rule listenerAttachmentAnalyzer;
extern const Rule backendTlsPolicyAnalyzer;
extern const Rule experimentalKindAnalyzer;

// Ambient mode.
extern const Rule waypointBindingAnalyzer;
extern const Rule waypointNamespaceAnalyzer;
extern const Rule ambientMeshRouteAnalyzer;
extern const Rule wildcardWaypointAnalyzer;

} // namespace egret::validation::rules

#include "model/validation/Rule.h"

#include "model/validation/rules/Rules.h"

#include <algorithm>

namespace egret::validation {

const QVector<const Rule *> &allRules() {
    using namespace rules;
    static const QVector<const Rule *> list = [] {
        QVector<const Rule *> l = {
            &caCertificateAnalyzer,
            &certificateAnalyzer,
            &conflictingGatewayAnalyzer,
            &conflictingMeshGatewayHostsAnalyzer,
            &conflictingServiceEntryProtocolAnalyzer,
            &deadEndAnalyzer,
            &deprecationAnalyzer,
            &destinationHostAnalyzer,
            &destinationRuleAnalyzer,
            &gatewayAnalyzer,
            &gatewayBypassAnalyzer,
            &gatewayServerHostAnalyzer,
            &gatewaySubsetAnalyzer,
            &ingressGatewayPortAnalyzer,
            &jwtClaimRouteAnalyzer,
            &passthroughRouteAnalyzer,
            &portChainAnalyzer,
            &secretAnalyzer,
            &serviceEntryAddressesAnalyzer,
            &sidecarSelectorAnalyzer,
            &subsetSelectPodAnalyzer,
            &tlsOriginationAnalyzer,
            &unknownFieldAnalyzer,
            &unusedServiceEntryAnalyzer,
            &virtualServiceValidationAnalyzer,
            &wildcardResolutionAnalyzer,
            &routeParentAnalyzer,
            &routeBackendAnalyzer,
            &referenceGrantAnalyzer,
            &listenerAttachmentAnalyzer,
            &backendTlsPolicyAnalyzer,
            &experimentalKindAnalyzer,
            &waypointBindingAnalyzer,
            &waypointNamespaceAnalyzer,
            &ambientMeshRouteAnalyzer,
            &wildcardWaypointAnalyzer,
        };
        // The list is kept sorted by name, as `egret validate --list-rules` prints it.
        std::sort(l.begin(), l.end(),
                  [](const Rule *a, const Rule *b) { return qstrcmp(a->name, b->name) < 0; });
        return l;
    }();
    return list;
}

const Rule *ruleByName(const QString &name) {
    for (const Rule *r : allRules())
        if (name == QLatin1String(r->name))
            return r;
    return nullptr;
}

} // namespace egret::validation

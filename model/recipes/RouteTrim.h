#pragma once

#include "model/recipes/RecipeContext.h"
#include "model/recipes/RouteRules.h"

#include <QMap>
#include <QSet>

namespace egret::recipes {

// What removing a route takes away, found by RouteRemoval.cpp, and the edits that do it: the
// route's rules, the host in Gateway servers, subsets, ServiceEntry ports and TLS origination
// settings, each only when nothing that stays still uses it; resources left empty go whole.
struct RouteTrim {
    explicit RouteTrim(QString routeHost)
        : host(std::move(routeHost)) {}

    struct VirtualServiceRules {
        ResourceId id;
        QVector<RuleInfo> rules;
        QSet<int> chosen; // indices into `rules` of the ones to remove
    };
    struct SubsetUse {
        QString serviceHost;
        QString subset;
        QString vsNamespace;
    };
    struct GatewayHost {
        QString gateway; // "ns/name"
        qint64 port = 0; // 0: any
        QString host;
        QString vsNamespace;
    };
    // Keys of what other rules still use: "serviceHost|subset", "ns/name|port|host".
    struct Keep {
        QSet<QString> subsets;
        QSet<QString> gatewayHosts;
    };

    QString host;
    QVector<VirtualServiceRules> rules;
    QVector<SubsetUse> subsets;
    QVector<GatewayHost> gatewayHosts;
    // Per host, the ports to clear (ServiceEntry ports, TLS settings of a DestinationRule for
    // it; the Service of a Gateway API gateway included); 0: all of them.
    QMap<QString, QList<qint64>> hostPorts;
    Keep keep;

    // The Gateway API (found by GatewayApiRemoval.cpp, trimmed by RouteTrimGatewayApi.cpp).
    struct GatewayApiRoute {
        ResourceId id;
        bool whole = false;    // the route goes
        QList<int> parentRefs; // else: the parents that go (a mesh route)
        QList<int> hostnames;  // or the host's entries (a route at a gateway)
    };
    struct Listener {
        QString gateway; // "ns/name"
        qint64 port = 0;
        QString hostname;
    };
    struct Grant {
        QString serviceNs;
        QString service;
        QString routeKind;
        QString routeNs;
    };
    QVector<GatewayApiRoute> gatewayApiRoutes;
    QVector<Listener> listeners;
    QSet<QString> keepListeners; // "ns/name|port|hostname" that routes which stay attach to
    QVector<Grant> grants;       // ReferenceGrants nothing that stays needs
    // Gateway API gateways ("ns/name") whose routes go: their access to Secrets goes with the
    // last DestinationRule naming a credential in their namespace.
    QStringList credentialGateways;

    void apply(RecipeContext &ctx);

private:
    struct Pending {
        QVector<edit::TextEdit> edits;
        QStringList what;
    };
    void trimVirtualServices(const RecipeContext &ctx);
    void trimGateways(const RecipeContext &ctx);
    void trimSubsets(const RecipeContext &ctx);
    void trimServiceEntries(const RecipeContext &ctx);
    void trimOrigination(const RecipeContext &ctx);
    void trimGatewayApiRoutes(const RecipeContext &ctx);
    void trimListeners(const RecipeContext &ctx);
    void trimReferenceGrants(const RecipeContext &ctx);
    void trimCredentialAccess(const RecipeContext &ctx);
    void change(const Resource &r, const QVector<edit::TextEdit> &edits, const QString &what);
    void drop(const Resource &r);
    // When the last entry of spec.<list> goes: the resource, or only the list.
    void dropOrEmpty(const RecipeContext &ctx, const Resource &r, const QString &list,
                     const QString &identity);

    QMap<ResourceId, Pending> m_pending;
    QVector<ResourceId> m_removed;
    QMap<ResourceId, QList<int>> m_tlsGone; // DestinationRule port-level settings that go
};

// True when a mapping holds no key but the allowed ones (an absent or null node: none).
bool keysWithin(const YAML::Node &map, const QStringList &allowed);

} // namespace egret::recipes

#pragma once

#include "model/resources/Resource.h"
#include "model/validation/Hosts.h"

namespace egret::validation {

// The hosts a Gateway's servers list, indexed when the Gateway is filed (Index.h). The route
// recipes' egress Gateway lists every external host, and every VirtualService bound to it asks
// about its own few: a scan of the servers per question would make a run quadratic, and a live
// edit of one VirtualService cost as much as the Gateway is long.
class GatewayHosts {
public:
    // servers[server].hosts[position]
    struct Listing {
        int server;
        int position;
    };

    explicit GatewayHosts(const Resource &gateway)
        : m_gateway(gateway) {
        const auto *gw = gateway.as<Gateway>();
        QVector<QStringView> names;
        for (int s = 0; s < gw->servers.size(); ++s) {
            for (int p = 0; p < gw->servers[s].hosts.size(); ++p) {
                m_listings.append({s, p});
                names.append(istio::hostPart(QStringView(gw->servers[s].hosts[p])));
            }
        }
        m_names = HostSet(std::move(names));
    }

    // The listings whose host (without its namespace part) overlaps `host` (hostsOverlap), in
    // server and position order; with `vsNs`, only those whose namespace part admits a
    // VirtualService of that namespace (gatewayHostFor).
    QVector<Listing> overlapping(const QString &host, const QString *vsNs = nullptr) const {
        QVector<Listing> out;
        const auto *gw = m_gateway.as<Gateway>();
        for (int i : m_names.overlapping(host)) {
            const Listing &l = m_listings[i];
            if (!vsNs ||
                gatewayHostAdmits(gw->servers[l.server].hosts[l.position], m_gateway.ns, *vsNs))
                out.append(l);
        }
        return out;
    }

private:
    const Resource &m_gateway;
    QVector<Listing> m_listings;
    HostSet m_names; // in the order of m_listings
};

} // namespace egret::validation

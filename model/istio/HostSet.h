#pragma once

#include <QHash>
#include <QStringView>
#include <QVector>

#include <memory>
#include <mutex>
#include <vector>

namespace egret::istio {

// Many host names, indexed for the question analyzer::hostsOverlap() answers one pair at a time:
// a Gateway of the route recipes lists every external host, and each route bound to it asks
// about its own few. Exact names are hashed; a wildcard `*.foo.com` is found from the asked
// host's suffixes `.example.foo.com`, `.foo.com`, ...; asking with a wildcard uses every name's
// suffixes, hashed on the first such question. The index only picks candidates: each is checked
// with hostsOverlap(), so the answers are that function's (the analyzers' policy).
class HostSet {
public:
    HostSet() = default;
    // The views must outlive the set.
    explicit HostSet(QVector<QStringView> hosts);

    // The positions of the hosts that overlap `host`, ascending.
    QVector<int> overlapping(QStringView host) const;

private:
    // Host positions by key, as linked lists through one array.
    struct Chains {
        QHash<QStringView, int> heads;          // key -> 1 + first link
        std::vector<std::pair<int, int>> links; // (position, 1 + next link; 0 ends)
        void add(QStringView key, int position);
        void collect(QStringView key, QVector<int> *out) const;
    };
    struct Suffixes {
        std::once_flag built;
        Chains chains;
    };
    void collectAll(QVector<int> *out) const;

    QVector<QStringView> m_hosts;
    bool m_indexed = false;               // a few hosts are scanned
    Chains m_exact;                       // names without a wildcard, by themselves
    Chains m_wildcards;                   // `*X`, X empty or starting with a dot, by X
    QVector<int> m_otherWildcards;        // `*foo.com`, `**.com`: scanned
    std::unique_ptr<Suffixes> m_suffixes; // every name by each suffix from a dot, and by ""
};

} // namespace egret::istio

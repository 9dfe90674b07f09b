#include "model/istio/HostSet.h"

#include "model/istio/Hosts.h"

#include <algorithm>

namespace egret::istio {

using analyzer::hostsOverlap;

namespace {
// Below this many names a scan is cheaper than hashing them.
constexpr qsizetype kIndexFrom = 16;
} // namespace

void HostSet::Chains::add(QStringView key, int position) {
    int &head = heads[key];
    links.emplace_back(position, head);
    head = int(links.size());
}

void HostSet::Chains::collect(QStringView key, QVector<int> *out) const {
    for (int l = heads.value(key); l != 0; l = links[size_t(l - 1)].second)
        out->append(links[size_t(l - 1)].first);
}

HostSet::HostSet(QVector<QStringView> hosts)
    : m_hosts(std::move(hosts))
    , m_indexed(m_hosts.size() >= kIndexFrom) {
    if (!m_indexed)
        return;
    m_suffixes = std::make_unique<Suffixes>();
    for (int i = 0; i < m_hosts.size(); ++i) {
        const QStringView h = m_hosts[i];
        if (!isWildcardHost(h))
            m_exact.add(h, i);
        else if (h.size() == 1 || h.at(1) == QLatin1Char('.'))
            m_wildcards.add(h.mid(1), i);
        else
            m_otherWildcards.append(i);
    }
}

void HostSet::collectAll(QVector<int> *out) const {
    for (int i = 0; i < m_hosts.size(); ++i)
        out->append(i);
}

QVector<int> HostSet::overlapping(QStringView host) const {
    QVector<int> out;
    if (!m_indexed) {
        collectAll(&out);
    } else {
        // Wildcards `*X` that `host` ends with: X is one of its suffixes from a dot, or empty.
        if (!m_wildcards.heads.isEmpty()) {
            for (qsizetype p = 0; p < host.size(); ++p)
                if (host.at(p) == QLatin1Char('.'))
                    m_wildcards.collect(host.mid(p), &out);
            m_wildcards.collect(QStringView(u""), &out);
        }
        out += m_otherWildcards;
        if (!isWildcardHost(host)) {
            m_exact.collect(host, &out);
        } else if (const QStringView tail = host.mid(1);
                   tail.isEmpty() || tail.startsWith(QLatin1Char('.'))) {
            // Names ending with the tail of the wildcard asked about.
            std::call_once(m_suffixes->built, [this] {
                for (int i = 0; i < m_hosts.size(); ++i) {
                    const QStringView h = m_hosts[i];
                    for (qsizetype p = 0; p < h.size(); ++p)
                        if (h.at(p) == QLatin1Char('.'))
                            m_suffixes->chains.add(h.mid(p), i);
                    m_suffixes->chains.add(QStringView(u""), i);
                }
            });
            m_suffixes->chains.collect(tail, &out);
        } else {
            collectAll(&out);
        }
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
    }
    out.removeIf([&](int i) { return !hostsOverlap(m_hosts[i], host); });
    return out;
}

} // namespace egret::istio

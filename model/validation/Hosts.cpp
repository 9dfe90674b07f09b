#include "model/validation/Hosts.h"

#include <algorithm>

namespace egret::validation {

namespace {
const QString kClusterSuffix = QStringLiteral(".svc.cluster.local");
// Below this many names a scan is cheaper than hashing them.
constexpr qsizetype kIndexFrom = 16;

bool isWildcard(QStringView host) {
    return host.startsWith(QLatin1Char('*'));
}
} // namespace

QString fqdn(const QString &host, const QString &ns) {
    if (host.startsWith(QLatin1Char('*')) || host.contains(QLatin1Char('.')))
        return host;
    return host + QLatin1Char('.') + ns + kClusterSuffix;
}

bool hostsOverlap(QStringView a, QStringView b) {
    const bool wa = isWildcard(a);
    const bool wb = isWildcard(b);
    if (!wa && !wb)
        return a == b;
    if (wa && !wb)
        return b.endsWith(a.mid(1));
    if (!wa && wb)
        return a.endsWith(b.mid(1));
    return a.size() > b.size() ? a.endsWith(b.mid(1)) : b.endsWith(a.mid(1));
}

bool wildcardCovers(const QString &pattern, const QString &host) {
    QStringView h(host);
    if (h.startsWith(QLatin1Char('*')))
        h = h.mid(1);
    return h.endsWith(QStringView(pattern).mid(1));
}

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
        if (!isWildcard(h))
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
        if (!isWildcard(host)) {
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

QStringList exportScopes(const QStringList &exportTo, const QString &ns) {
    if (exportTo.isEmpty() || exportTo.contains(QStringLiteral("*")))
        return {QStringLiteral("*")};
    QStringList out;
    for (const QString &e : exportTo) {
        const QString scope = e == QLatin1String(".") ? ns : e;
        if (!out.contains(scope))
            out << scope;
    }
    return out;
}

QStringList serviceExportTo(const QString &annotation) {
    QStringList out;
    for (const QString &part : annotation.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString t = part.trimmed();
        if (!t.isEmpty())
            out << t;
    }
    return out;
}

GatewayRef parseGatewayRef(const QString &ref, const QString &ownNamespace) {
    const int slash = int(ref.indexOf(QLatin1Char('/')));
    if (slash < 0)
        return {ownNamespace, ref};
    return {ref.left(slash), ref.mid(slash + 1)};
}

QString gatewayNameKey(const QString &ref, const QString &ownNamespace) {
    const qsizetype slash = ref.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return ownNamespace + kSep + ref;
    QString key = ref;
    key[slash] = kSep;
    return key;
}

ServiceName serviceNameOf(const QString &host, const QString &ownerNamespace) {
    if (host.endsWith(kClusterSuffix)) {
        const QString head = host.left(host.size() - kClusterSuffix.size());
        const int dot = int(head.lastIndexOf(QLatin1Char('.')));
        if (dot > 0 && dot + 1 < head.size())
            return {head.mid(dot + 1), head.left(dot)};
    }
    return {ownerNamespace, host};
}

bool clusterServiceOf(const QString &host, const QString &ownerNamespace, ServiceName *out) {
    if (host.isEmpty() || host.startsWith(QLatin1Char('*')))
        return false;
    if (!host.contains(QLatin1Char('.'))) {
        *out = {ownerNamespace, host};
        return true;
    }
    if (!host.endsWith(kClusterSuffix))
        return false;
    *out = serviceNameOf(host, ownerNamespace);
    return !out->name.contains(QLatin1Char('.'));
}

bool gatewayHostFor(const QString &serverHost, const QString &gatewayNamespace,
                    const QString &vsNamespace, QString *host) {
    const int slash = int(serverHost.indexOf(QLatin1Char('/')));
    *host = slash < 0 ? serverHost : serverHost.mid(slash + 1);
    return gatewayHostAdmits(serverHost, gatewayNamespace, vsNamespace);
}

bool gatewayHostAdmits(QStringView serverHost, const QString &gatewayNamespace,
                       const QString &vsNamespace) {
    const qsizetype slash = serverHost.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return true;
    const QStringView ns = serverHost.left(slash);
    if (ns == QLatin1String("*"))
        return true;
    if (ns == QLatin1String("."))
        return gatewayNamespace == vsNamespace;
    return ns == vsNamespace;
}

QStringView gatewayHostName(QStringView serverHost) {
    return serverHost.mid(serverHost.indexOf(QLatin1Char('/')) + 1);
}

} // namespace egret::validation

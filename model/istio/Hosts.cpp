#include "model/istio/Hosts.h"

namespace egret::istio {

namespace {
const QString kClusterSuffix = QStringLiteral(".svc.cluster.local");
} // namespace

QString serviceFqdn(const QString &name, const QString &ns) {
    QString out;
    out.reserve(name.size() + 1 + ns.size() + kClusterSuffix.size());
    out.append(name).append(QLatin1Char('.')).append(ns).append(kClusterSuffix);
    return out;
}

QStringView hostPart(QStringView qualified) {
    return qualified.mid(qualified.indexOf(QLatin1Char('/')) + 1);
}

QString hostPart(const QString &qualified) {
    const int slash = int(qualified.indexOf(QLatin1Char('/')));
    return slash < 0 ? qualified : qualified.mid(slash + 1);
}

QString namespacePart(const QString &qualified) {
    const int slash = int(qualified.indexOf(QLatin1Char('/')));
    return slash < 0 ? QString() : qualified.left(slash);
}

bool gatewayHostAdmits(QStringView serverHost, const QString &gatewayNamespace,
                       const QString &vsNamespace) {
    const qsizetype slash = serverHost.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return true;
    return namespacePartAdmits(serverHost.left(slash), vsNamespace, gatewayNamespace);
}

bool namespacePartAdmits(QStringView part, const QString &ns, const QString &ownerNs) {
    if (part == QLatin1String("*"))
        return true;
    if (part == QLatin1String("."))
        return ownerNs == ns;
    return part == ns;
}

bool gatewayHostFor(const QString &serverHost, const QString &gatewayNamespace,
                    const QString &vsNamespace, QString *host) {
    const int slash = int(serverHost.indexOf(QLatin1Char('/')));
    *host = slash < 0 ? serverHost : serverHost.mid(slash + 1);
    return gatewayHostAdmits(serverHost, gatewayNamespace, vsNamespace);
}

bool gatewayHostNames(const QString &entry, const QString &host, const QString &vsNamespace,
                      const QString &gatewayNamespace) {
    return entry == host ||
           (hostPart(entry) == host && gatewayHostAdmits(entry, gatewayNamespace, vsNamespace));
}

bool namesService(const QString &host, const QString &ruleNamespace, const QString &fqdn) {
    const QString name = fqdn.section(QLatin1Char('.'), 0, 0);
    const QString ns = fqdn.section(QLatin1Char('.'), 1, 1);
    return host == fqdn || host == name + QLatin1Char('.') + ns ||
           host == name + QLatin1Char('.') + ns + QStringLiteral(".svc") ||
           (host == name && ruleNamespace == ns);
}

namespace analyzer {

QString fqdn(const QString &host, const QString &ns) {
    if (isWildcardHost(host) || host.contains(QLatin1Char('.')))
        return host;
    return host + QLatin1Char('.') + ns + kClusterSuffix;
}

bool hostsOverlap(QStringView a, QStringView b) {
    const bool wa = isWildcardHost(a);
    const bool wb = isWildcardHost(b);
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
    if (isWildcardHost(h))
        h = h.mid(1);
    return h.endsWith(QStringView(pattern).mid(1));
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
    if (host.isEmpty() || isWildcardHost(host))
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

} // namespace analyzer

namespace proxy {

QString resolveHost(const QString &host, const QString &ns) {
    if (host.isEmpty() || host.contains(QLatin1Char('.')) || host == QLatin1String("*") ||
        ns.isEmpty())
        return host;
    return serviceFqdn(host, ns);
}

QString namespaceOfServiceHost(const QString &fqdn) {
    const QString tail = QStringLiteral(".svc.") + kClusterDomain;
    if (!fqdn.endsWith(tail))
        return {};
    const QStringList parts = fqdn.left(fqdn.size() - tail.size()).split(QLatin1Char('.'));
    return parts.size() == 2 ? parts.at(1) : QString();
}

bool hostCovers(const QString &pattern, const QString &host) {
    if (pattern == QLatin1String("*"))
        return true;
    if (!isWildcardHost(pattern))
        return pattern.compare(host, Qt::CaseInsensitive) == 0;
    // "*.example.com" covers "a.example.com" and "*.b.example.com", not "example.com".
    const QString suffix = pattern.mid(1);
    if (host == QLatin1String("*"))
        return false;
    const QString h = isWildcardHost(host) ? host.mid(1) : host;
    return h.endsWith(suffix, Qt::CaseInsensitive) &&
           (h.size() > suffix.size() || isWildcardHost(host));
}

bool hostsIntersect(const QString &a, const QString &b) {
    return hostCovers(a, b) || hostCovers(b, a);
}

} // namespace proxy

} // namespace egret::istio

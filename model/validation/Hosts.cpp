#include "model/validation/Hosts.h"

namespace egret::validation {

namespace {
const QString kClusterSuffix = QStringLiteral(".svc.cluster.local");
}

QString fqdn(const QString &host, const QString &ns) {
    if (host.startsWith(QLatin1Char('*')) || host.contains(QLatin1Char('.')))
        return host;
    return host + QLatin1Char('.') + ns + kClusterSuffix;
}

bool hostsOverlap(const QString &a, const QString &b) {
    const bool wa = a.startsWith(QLatin1Char('*'));
    const bool wb = b.startsWith(QLatin1Char('*'));
    if (!wa && !wb)
        return a == b;
    if (wa && !wb)
        return b.endsWith(QStringView(a).mid(1));
    if (!wa && wb)
        return a.endsWith(QStringView(b).mid(1));
    return a.size() > b.size() ? a.endsWith(QStringView(b).mid(1))
                               : b.endsWith(QStringView(a).mid(1));
}

bool wildcardCovers(const QString &pattern, const QString &host) {
    QStringView h(host);
    if (h.startsWith(QLatin1Char('*')))
        h = h.mid(1);
    return h.endsWith(QStringView(pattern).mid(1));
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
    if (slash < 0) {
        *host = serverHost;
        return true;
    }
    const QString ns = serverHost.left(slash);
    *host = serverHost.mid(slash + 1);
    if (ns == QLatin1String("*"))
        return true;
    if (ns == QLatin1String("."))
        return gatewayNamespace == vsNamespace;
    return ns == vsNamespace;
}

} // namespace egret::validation

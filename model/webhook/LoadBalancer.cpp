// Istio's webhook for a traffic policy's load balancer: validateLoadBalancer in
// pkg/config/validation/validation.go and ValidateLocalityLbSetting in its agent package.
#include "model/webhook/Fields.h"
#include "model/webhook/TrafficPolicy.h"
#include "model/webhook/TypedValues.h"

#include <QStringList>

#include <QHash>
#include <QSet>

namespace egret::webhook {

namespace {

// Envoy's own test, so that Istio and Envoy agree on what a maglev table may be.
bool isPrime(qint64 x) {
    if (x > 0 && x < 4)
        return true;
    if (x % 2 == 0)
        return false;
    for (qint64 f = 3; f * f <= x; f += 2)
        if (x % f == 0)
            return false;
    return true;
}

void checkMaglev(const YAML::Node &maglev, const QString &path, WebhookReport &report) {
    if (!isMap(maglev))
        return;
    const YAML::Node size = field(maglev, "tableSize");
    if (isSet(size) && !intOf(size))
        return; // the schema reports the type
    const qint64 n = intOf(size).value_or(0);
    const QString where = joinPath(path, "tableSize");
    if (n == 0)
        report.error(maglev, where, QStringLiteral("maglev needs a tableSize"));
    else if (n >= 5000011)
        report.error(size, where,
                     QStringLiteral("maglev tableSize %1 must be less than 5000011").arg(n));
    else if (!isPrime(n))
        report.error(
            size, where,
            QStringLiteral("maglev tableSize %1 must be a prime number (such as 65537)").arg(n));
}

void checkConsistentHash(const YAML::Node &hash, const QString &path, WebhookReport &report) {
    if (!isMap(hash))
        return;
    const YAML::Node cookieName = field(field(hash, "httpCookie"), "name");
    if (const auto name = stringOf(cookieName); name && name->isEmpty())
        report.error(cookieName, joinPath(joinPath(path, "httpCookie"), "name"),
                     QStringLiteral("an httpCookie hash needs the cookie's name"));
    const YAML::Node ring = field(hash, "minimumRingSize");
    if (const auto n = intOf(ring); n && *n != 0) {
        const QString where = joinPath(path, "minimumRingSize");
        report.warning(ring, where,
                       QStringLiteral("minimumRingSize is deprecated; use "
                                      "ringHash.minimumRingSize"));
        if (hasMessage(hash, "ringHash") || hasMessage(hash, "maglev"))
            report.error(ring, where,
                         QStringLiteral("minimumRingSize cannot be set with ringHash or maglev; "
                                        "set ringHash.minimumRingSize instead"));
    }
    checkMaglev(field(hash, "maglev"), joinPath(path, "maglev"), report);
}

// Localities ("region/zone/subzone", a final "*" allowed) must not overlap one another.
class LocalityTree {
public:
    QString add(const QString &locality) {
        const qsizetype stars = locality.count(QLatin1Char('*'));
        if (stars > 1 || (stars == 1 && !locality.endsWith(QLatin1Char('*'))))
            return QStringLiteral("locality \"%1\" may hold one wildcard '*', at its end")
                .arg(locality);
        const QString overlap =
            QStringLiteral("locality \"%1\" overlaps one listed before it").arg(locality);
        if (m_regions.contains(QStringLiteral("*")))
            return overlap;
        const QStringList parts = locality.split(QLatin1Char('/'));
        const QStringList items =
            parts.size() > 3 ? parts.mid(0, 2) << parts.mid(2).join(QLatin1Char('/')) : parts;
        for (const QString &item : items)
            if (item.isEmpty())
                return QStringLiteral("locality \"%1\" has an empty region, zone or subzone")
                    .arg(locality);
        return insert(items) ? QString() : overlap;
    }

private:
    // False when the locality is covered by, or covers, one added before.
    bool insert(const QStringList &items) {
        const QString &region = items[0];
        const QString any = QStringLiteral("*");
        if (items.size() == 1) {
            if (m_regions.contains(region))
                return false;
            m_regions[region][any].insert(any);
            return true;
        }
        auto &zones = m_regions[region];
        if (zones.contains(any))
            return false;
        const QString &zone = items[1];
        if (items.size() == 2) {
            if (zones.contains(zone))
                return false;
            zones[zone].insert(any);
            return true;
        }
        auto &subzones = zones[zone];
        if (subzones.contains(any) || subzones.contains(items[2]))
            return false;
        subzones.insert(items[2]);
        return true;
    }

    QHash<QString, QHash<QString, QSet<QString>>> m_regions;
};

QString overlappingLocality(const QStringList &localities) {
    LocalityTree tree;
    for (const QString &l : localities)
        if (QString problem = tree.add(l); !problem.isEmpty())
            return problem;
    return {};
}

// The weights of one distribute entry: each 1..100, 100 in all. False when Istio stops there.
bool checkWeights(const YAML::Node &entry, const QString &path, QStringList &destinations,
                  WebhookReport &report) {
    const YAML::Node to = field(entry, "to");
    qint64 total = 0;
    if (isMap(to)) {
        for (auto it = to.begin(); it != to.end(); ++it) {
            const auto weight = intOf(it->second);
            const QString key = text(it->first);
            if (weight && (*weight <= 0 || *weight > 100)) {
                report.error(
                    it->second, path + QLatin1Char('.') + key,
                    QStringLiteral("locality weight %1 must be between 1 and 100").arg(*weight));
                return false;
            }
            total += weight.value_or(0);
            destinations << key;
        }
    }
    if (total == 100)
        return true;
    report.error(to ? to : entry, path,
                 QStringLiteral("locality weights add up to %1, not 100").arg(total));
    return false;
}

// Each distribute entry sends all of the traffic of its source localities. False when Istio
// stops at a problem of the weights.
bool checkDistribute(const YAML::Node &distribute, const QString &path, WebhookReport &report) {
    QStringList sources;
    bool stopped = false;
    forEachItem(distribute, [&](const YAML::Node &item, int i) {
        if (stopped || !isMap(item))
            return;
        const QString where = joinPath(indexed(path, i), "to");
        sources << stringOr(field(item, "from"));
        QStringList destinations;
        if (!checkWeights(item, where, destinations, report)) {
            stopped = true;
            return;
        }
        if (QString problem = overlappingLocality(destinations); !problem.isEmpty())
            report.error(field(item, "to"), where, problem);
    });
    if (stopped)
        return false;
    if (QString problem = overlappingLocality(sources); !problem.isEmpty())
        report.error(distribute, path, problem);
    return true;
}

void checkFailover(const YAML::Node &failover, const QString &path, WebhookReport &report) {
    forEachItem(failover, [&](const YAML::Node &item, int i) {
        const QString from = stringOr(field(item, "from"));
        const QString to = stringOr(field(item, "to"));
        const QString where = indexed(path, i);
        if (from == to)
            report.error(
                item, where,
                QStringLiteral("failover from and to name the same region \"%1\"").arg(from));
        if (from.contains(QLatin1Char('/')) || to.contains(QLatin1Char('/')))
            report.error(item, where,
                         QStringLiteral("failover names regions only, without a zone or "
                                        "subzone"));
        if (from.contains(QLatin1Char('*')) || to.contains(QLatin1Char('*')))
            report.error(item, where,
                         QStringLiteral("failover regions cannot use the wildcard '*'"));
    });
}

// Failover between regions and a failoverPriority on the topology labels contradict each
// other. True when reported.
bool failoverPriorityNamesTopology(const YAML::Node &priority, const QString &path,
                                   WebhookReport &report) {
    bool found = false;
    forEachItem(priority, [&](const YAML::Node &label, int i) {
        const QString name = stringOr(label);
        if (found || (name != QLatin1String("topology.kubernetes.io/region") &&
                      name != QLatin1String("topology.kubernetes.io/zone") &&
                      name != QLatin1String("topology.istio.io/subzone")))
            return;
        found = true;
        report.error(label, indexed(joinPath(path, "failoverPriority"), i),
                     QStringLiteral("failoverPriority cannot list the topology label %1 while "
                                    "failover is set")
                         .arg(name));
    });
    return found;
}

void checkLocality(const YAML::Node &locality, const QString &path, bool hasOutlierDetection,
                   WebhookReport &report) {
    if (!isMap(locality))
        return;
    const YAML::Node distribute = field(locality, "distribute");
    const YAML::Node failover = field(locality, "failover");
    const YAML::Node priority = field(locality, "failoverPriority");
    if (itemCount(distribute) > 0 && itemCount(failover) > 0) {
        report.error(locality, path,
                     QStringLiteral("distribute and failover cannot be set together"));
        return;
    }
    if (itemCount(failover) > 0 && failoverPriorityNamesTopology(priority, path, report))
        return;
    if (!checkDistribute(distribute, joinPath(path, "distribute"), report))
        return;
    if ((itemCount(failover) > 0 || itemCount(priority) > 0) && !hasOutlierDetection)
        report.warning(locality, path,
                       QStringLiteral("locality failover needs an outlierDetection policy in "
                                      "the same traffic policy to take effect"));
    checkFailover(failover, joinPath(path, "failover"), report);
}

void checkWarmup(const YAML::Node &warmup, const QString &path, WebhookReport &report) {
    if (!isMap(warmup))
        return;
    checkDurationField(field(warmup, "duration"), joinPath(path, "duration"), report);
    const YAML::Node minimum = field(warmup, "minimumPercent");
    if (const auto p = numberOf(minimum); p && (*p < 0 || *p > 100))
        report.error(minimum, joinPath(path, "minimumPercent"),
                     QStringLiteral("warmup minimumPercent %1 must be between 0 and 100")
                         .arg(text(minimum)));
    const YAML::Node aggression = field(warmup, "aggression");
    if (const auto a = numberOf(aggression); a && *a < 1)
        report.error(aggression, joinPath(path, "aggression"),
                     QStringLiteral("warmup aggression %1 must be at least 1 (1 ramps up "
                                    "linearly)")
                         .arg(text(aggression)));
}

} // namespace

void checkLoadBalancer(const YAML::Node &lb, const QString &path, bool hasOutlierDetection,
                       WebhookReport &report) {
    if (!isMap(lb))
        return;
    checkConsistentHash(field(lb, "consistentHash"), joinPath(path, "consistentHash"), report);
    checkLocality(field(lb, "localityLbSetting"), joinPath(path, "localityLbSetting"),
                  hasOutlierDetection, report);
    checkWarmup(field(lb, "warmup"), joinPath(path, "warmup"), report);
}

} // namespace egret::webhook

// Istio's webhook for a DestinationRule's traffic policy: validateTrafficPolicy,
// validateOutlierDetection, validateConnectionPool, validatePortTrafficPolicies and
// validateTunnelSettings in pkg/config/validation/validation.go. The load balancer lives in
// LoadBalancer.cpp, the client TLS settings in ClientTls.cpp.
#include "model/webhook/TrafficPolicy.h"

#include "model/webhook/Addresses.h"
#include "model/webhook/Fields.h"
#include "model/webhook/TypedValues.h"

#include <cmath>
#include <limits>

namespace egret::webhook {

namespace {

constexpr qint64 kMillisecond = 1000000;

// One <number><unit> of a Go duration; advances `i`. Nothing when malformed.
std::optional<long double> durationPart(const QString &text, qsizetype &i) {
    const qsizetype start = i;
    while (i < text.size() && (text[i].isDigit() || text[i] == QLatin1Char('.')))
        ++i;
    const QString number = text.mid(start, i - start);
    if (number.isEmpty() || number == QLatin1String(".") || number.count(QLatin1Char('.')) > 1)
        return std::nullopt;
    static const std::pair<const char *, qint64> units[] = {
        {"ns", 1},       {"us", 1000},        {"\u00b5s", 1000},        {"\u03bcs", 1000},
        {"ms", 1000000}, {"s", 1000000000LL}, {"m", 60 * 1000000000LL}, {"h", 3600 * 1000000000LL},
    };
    for (const auto &[unit, nanos] : units) {
        const QString u = QString::fromUtf8(unit);
        // "m" must not take the "m" of "ms".
        if (text.mid(i, u.size()) == u &&
            !(u == QLatin1String("m") && text.mid(i, 2) == QLatin1String("ms"))) {
            i += u.size();
            return number.toDouble() * static_cast<long double>(nanos);
        }
    }
    return std::nullopt;
}

bool hasField(const YAML::Node &map, const char *key) {
    return isSet(field(map, key));
}

void checkPercent(const YAML::Node &map, const char *key, const QString &path,
                  WebhookReport &report) {
    const YAML::Node v = field(map, key);
    if (const auto n = intOf(v); n && (*n < 0 || *n > 100))
        report.error(v, joinPath(path, key),
                     QStringLiteral("%1 %2 is not a percentage between 0 and 100")
                         .arg(QLatin1String(key))
                         .arg(*n));
}

void checkNotNegative(const YAML::Node &map, const char *key, const QString &path,
                      WebhookReport &report) {
    const YAML::Node v = field(map, key);
    if (const auto n = intOf(v); n && *n < 0)
        report.error(
            v, joinPath(path, key),
            QStringLiteral("%1 must not be negative (it is %2)").arg(QLatin1String(key)).arg(*n));
}

void checkOutlierDetection(const YAML::Node &od, const QString &path, WebhookReport &report) {
    if (!isMap(od))
        return;
    checkDurationField(field(od, "baseEjectionTime"), joinPath(path, "baseEjectionTime"), report);
    checkDurationField(field(od, "interval"), joinPath(path, "interval"), report);
    const YAML::Node deprecated = field(od, "consecutiveErrors");
    if (const auto n = intOf(deprecated); n && *n != 0)
        report.warning(deprecated, joinPath(path, "consecutiveErrors"),
                       QStringLiteral("consecutiveErrors is deprecated; use "
                                      "consecutiveGatewayErrors or consecutive5xxErrors"));
    const YAML::Node localOrigin = field(od, "consecutiveLocalOriginFailures");
    if (const auto n = intOf(localOrigin);
        n && *n > 0 && !isTrue(field(od, "splitExternalLocalOriginErrors")))
        report.error(localOrigin, joinPath(path, "consecutiveLocalOriginFailures"),
                     QStringLiteral("consecutiveLocalOriginFailures counts only when "
                                    "splitExternalLocalOriginErrors is true; set that too"));
    checkPercent(od, "maxEjectionPercent", path, report);
    checkPercent(od, "minHealthPercent", path, report);
}

void checkHttpPool(const YAML::Node &http, const QString &path, WebhookReport &report) {
    if (!isMap(http))
        return;
    for (const char *key : {"http1MaxPendingRequests", "http2MaxRequests",
                            "maxRequestsPerConnection", "maxRetries", "maxConcurrentStreams"})
        checkNotNegative(http, key, path, report);
    checkDurationField(field(http, "idleTimeout"), joinPath(path, "idleTimeout"), report);
    const YAML::Node clientProtocol = field(http, "useClientProtocol");
    if (stringOr(field(http, "h2UpgradePolicy")) == QLatin1String("UPGRADE") &&
        isTrue(clientProtocol))
        report.error(clientProtocol, joinPath(path, "useClientProtocol"),
                     QStringLiteral("useClientProtocol cannot be true when h2UpgradePolicy is "
                                    "UPGRADE"));
}

void checkTcpPool(const YAML::Node &tcp, const QString &path, WebhookReport &report) {
    if (!isMap(tcp))
        return;
    checkNotNegative(tcp, "maxConnections", path, report);
    checkDurationField(field(tcp, "connectTimeout"), joinPath(path, "connectTimeout"), report);
    checkDurationField(field(tcp, "maxConnectionDuration"), joinPath(path, "maxConnectionDuration"),
                       report);
    // An idle timeout under a millisecond ("0s") turns the timeout off, so Istio lets it be.
    const YAML::Node idle = field(tcp, "idleTimeout");
    const std::optional<qint64> idleNanos = goDurationNanos(stringOr(idle));
    if (idleNanos && *idleNanos / kMillisecond != 0)
        checkDurationField(idle, joinPath(path, "idleTimeout"), report);
    const YAML::Node keepalive = field(tcp, "tcpKeepalive");
    const QString keepalivePath = joinPath(path, "tcpKeepalive");
    checkDurationField(field(keepalive, "time"), joinPath(keepalivePath, "time"), report);
    checkDurationField(field(keepalive, "interval"), joinPath(keepalivePath, "interval"), report);
}

void checkPortTrafficPolicy(const YAML::Node &policy, const QString &path, const QString &ns,
                            WebhookReport &report) {
    if (!isMap(policy))
        return;
    if (!hasField(policy, "port"))
        report.error(policy, path, QStringLiteral("a port-level traffic policy needs a port"));
    if (!hasMessage(policy, "outlierDetection") && !hasMessage(policy, "connectionPool") &&
        !hasMessage(policy, "loadBalancer") && !hasMessage(policy, "tls")) {
        report.error(policy, path,
                     QStringLiteral("a port-level traffic policy must set at least one of "
                                    "loadBalancer, connectionPool, outlierDetection or tls"));
        return;
    }
    checkOutlierDetection(field(policy, "outlierDetection"), joinPath(path, "outlierDetection"),
                          report);
    checkConnectionPool(field(policy, "connectionPool"), joinPath(path, "connectionPool"), report);
    checkLoadBalancer(field(policy, "loadBalancer"), joinPath(path, "loadBalancer"),
                      hasMessage(policy, "outlierDetection"), report);
    checkClientTls(field(policy, "tls"), joinPath(path, "tls"), ns, report);
}

void checkTunnel(const YAML::Node &tunnel, const QString &path, WebhookReport &report) {
    if (!isMap(tunnel))
        return;
    const YAML::Node protocol = field(tunnel, "protocol");
    const QString name = stringOr(protocol);
    if (!name.isEmpty() && name != QLatin1String("CONNECT") && name != QLatin1String("POST"))
        report.error(
            protocol, joinPath(path, "protocol"),
            QStringLiteral("tunnel protocol \"%1\" is neither CONNECT nor POST").arg(name));
    const YAML::Node host = field(tunnel, "targetHost");
    if (const auto target = stringOf(host);
        target && !checkFqdn(*target).isEmpty() && !isIpAddress(*target))
        report.error(host, joinPath(path, "targetHost"),
                     QStringLiteral("tunnel targetHost \"%1\" is neither a domain name nor an IP "
                                    "address")
                         .arg(*target));
    const YAML::Node port = field(tunnel, "targetPort");
    if (const auto number = intOf(port)) {
        if (const QString problem = checkPort(*number); !problem.isEmpty())
            report.error(port, joinPath(path, "targetPort"),
                         QStringLiteral("tunnel targetPort: %1").arg(problem));
    }
}

} // namespace

std::optional<qint64> goDurationNanos(const QString &text) {
    QString t = text;
    bool negative = false;
    if (t.startsWith(QLatin1Char('-')) || t.startsWith(QLatin1Char('+'))) {
        negative = t.startsWith(QLatin1Char('-'));
        t = t.mid(1);
    }
    if (t == QLatin1String("0"))
        return 0;
    if (t.isEmpty())
        return std::nullopt;
    long double total = 0;
    for (qsizetype i = 0; i < t.size();) {
        const std::optional<long double> part = durationPart(t, i);
        if (!part)
            return std::nullopt;
        total += *part;
    }
    if (total > static_cast<long double>(std::numeric_limits<qint64>::max()))
        return std::nullopt;
    const auto nanos = static_cast<qint64>(std::llround(total));
    return negative ? -nanos : nanos;
}

void checkDurationField(const YAML::Node &value, const QString &path, WebhookReport &report) {
    const std::optional<QString> text = stringOf(value);
    const std::optional<qint64> nanos = text ? goDurationNanos(*text) : std::nullopt;
    if (!nanos)
        return; // the schema reports what is not a duration
    if (*nanos < kMillisecond)
        report.error(value, path,
                     QStringLiteral("duration \"%1\" must be at least 1ms").arg(*text));
    else if (*nanos % kMillisecond != 0)
        report.error(value, path,
                     QStringLiteral("duration \"%1\" is finer than a millisecond, which Istio "
                                    "does not support")
                         .arg(*text));
}

void checkConnectionPool(const YAML::Node &pool, const QString &path, WebhookReport &report) {
    if (!isMap(pool))
        return;
    if (!hasMessage(pool, "http") && !hasMessage(pool, "tcp")) {
        report.error(pool, path, QStringLiteral("a connection pool must set tcp or http settings"));
        return;
    }
    checkHttpPool(field(pool, "http"), joinPath(path, "http"), report);
    checkTcpPool(field(pool, "tcp"), joinPath(path, "tcp"), report);
}

void checkTrafficPolicy(const YAML::Node &policy, const QString &path, const QString &ns,
                        WebhookReport &report) {
    if (!isMap(policy))
        return;
    // retryBudget does not count: Istio's webhook does not know it as a field of its own.
    const bool tunnel = hasMessage(policy, "tunnel");
    const bool proxyProtocol = hasMessage(policy, "proxyProtocol");
    if (!hasMessage(policy, "outlierDetection") && !hasMessage(policy, "connectionPool") &&
        !hasMessage(policy, "loadBalancer") && !hasMessage(policy, "tls") &&
        itemCount(field(policy, "portLevelSettings")) == 0 && !tunnel && !proxyProtocol) {
        report.error(policy, path,
                     QStringLiteral("a traffic policy must set at least one of loadBalancer, "
                                    "connectionPool, outlierDetection, tls, portLevelSettings, "
                                    "tunnel or proxyProtocol"));
        return;
    }
    if (tunnel && proxyProtocol) {
        report.error(policy, path,
                     QStringLiteral("tunnel and proxyProtocol cannot be set together"));
        return;
    }
    checkOutlierDetection(field(policy, "outlierDetection"), joinPath(path, "outlierDetection"),
                          report);
    checkConnectionPool(field(policy, "connectionPool"), joinPath(path, "connectionPool"), report);
    checkLoadBalancer(field(policy, "loadBalancer"), joinPath(path, "loadBalancer"),
                      hasMessage(policy, "outlierDetection"), report);
    checkClientTls(field(policy, "tls"), joinPath(path, "tls"), ns, report);
    const QString portPath = joinPath(path, "portLevelSettings");
    forEachItem(field(policy, "portLevelSettings"), [&](const YAML::Node &item, int i) {
        checkPortTrafficPolicy(item, indexed(portPath, i), ns, report);
    });
    checkTunnel(field(policy, "tunnel"), joinPath(path, "tunnel"), report);
}

} // namespace egret::webhook

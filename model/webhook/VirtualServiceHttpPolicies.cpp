// Istio's webhook for the policies of a VirtualService's http routes: CORS, fault injection,
// mirrors, redirect, direct response, retries and rewrite (validateCORSPolicy,
// validateHTTPFaultInjection, validateHTTPMirrors, validateHTTPRedirect,
// validateHTTPDirectResponse, validateHTTPRetry, validateHTTPRewrite in pkg/config/validation).
#include "model/webhook/Fields.h"
#include "model/webhook/VirtualServiceRules.h"

#include <QSet>

namespace egret::webhook::vs {

namespace {

void checkPercentage(const YAML::Node &percentage, const QString &at, WebhookReport &report) {
    const YAML::Node value = field(percentage, "value");
    const double v = number(value).value_or(0);
    if (v < 0 || v > 100 || (v > 0 && v < 0.0001))
        report.error(value, at + QStringLiteral(".value"),
                     QStringLiteral("percentage %1 is neither 0 nor between 0.0001 and 100")
                         .arg(text(value)));
}

void checkAbort(const YAML::Node &abort, const QString &at, WebhookReport &report) {
    checkPercentage(field(abort, "percentage"), at + QStringLiteral(".percentage"), report);
    static const QSet<QString> grpcCodes{
        QStringLiteral("OK"),
        QStringLiteral("CANCELLED"),
        QStringLiteral("UNKNOWN"),
        QStringLiteral("INVALID_ARGUMENT"),
        QStringLiteral("DEADLINE_EXCEEDED"),
        QStringLiteral("NOT_FOUND"),
        QStringLiteral("ALREADY_EXISTS"),
        QStringLiteral("PERMISSION_DENIED"),
        QStringLiteral("RESOURCE_EXHAUSTED"),
        QStringLiteral("FAILED_PRECONDITION"),
        QStringLiteral("ABORTED"),
        QStringLiteral("OUT_OF_RANGE"),
        QStringLiteral("UNIMPLEMENTED"),
        QStringLiteral("INTERNAL"),
        QStringLiteral("UNAVAILABLE"),
        QStringLiteral("DATA_LOSS"),
        QStringLiteral("UNAUTHENTICATED"),
    };
    const YAML::Node http = field(abort, "httpStatus"), grpc = field(abort, "grpcStatus");
    if (isSet(grpc)) {
        if (!grpcCodes.contains(text(grpc)))
            report.error(grpc, at + QStringLiteral(".grpcStatus"),
                         QStringLiteral("\"%1\" is not a gRPC status name (such as NOT_FOUND or "
                                        "UNAVAILABLE)")
                             .arg(text(grpc)));
    } else if (isSet(field(abort, "http2Error"))) {
        report.error(field(abort, "http2Error"), at + QStringLiteral(".http2Error"),
                     QStringLiteral("aborting with an HTTP/2 error is not supported yet"));
    } else if (isSet(http)) {
        if (const auto status = integer(http); status && (*status < 200 || *status > 600))
            report.error(http, at + QStringLiteral(".httpStatus"),
                         QStringLiteral("HTTP status %1 is not between 200 and 599").arg(*status));
    } else {
        report.warning(abort, at,
                       QStringLiteral("an abort without httpStatus or grpcStatus does nothing"));
    }
}

void checkDelay(const YAML::Node &delay, const QString &at, WebhookReport &report) {
    checkPercentage(field(delay, "percentage"), at + QStringLiteral(".percentage"), report);
    for (const char *key : {"fixedDelay", "exponentialDelay"}) {
        const YAML::Node d = field(delay, key);
        if (const QString problem = checkDuration(text(d)); !problem.isEmpty())
            report.error(d, joinPath(at, key), problem);
    }
    if (isSet(field(delay, "exponentialDelay")))
        report.error(field(delay, "exponentialDelay"), at + QStringLiteral(".exponentialDelay"),
                     QStringLiteral("exponentialDelay is not supported yet; use fixedDelay"));
}

void checkMirrorPercentage(const YAML::Node &percentage, const QString &at, WebhookReport &report) {
    const YAML::Node value = field(percentage, "value");
    const double v = number(value).value_or(0);
    if (v < 0 || v > 100)
        report.error(value, at + QStringLiteral(".value"),
                     QStringLiteral("a mirror percentage must be between 0 and 100, not %1")
                         .arg(text(value)));
}

// Istio reports the first problem of a redirect only.
QString redirectProblem(const YAML::Node &redirect) {
    const QString scheme = text(field(redirect, "scheme"));
    if (text(field(redirect, "uri")).isEmpty() && text(field(redirect, "authority")).isEmpty() &&
        scheme.isEmpty() && !isSet(field(redirect, "port")) &&
        !isSet(field(redirect, "derivePort")))
        return QStringLiteral("a redirect must change the uri, authority, scheme or port");
    const qint64 code = integer(field(redirect, "redirectCode")).value_or(0);
    if (code != 0 && (code < 300 || code > 399))
        return QStringLiteral("redirect code %1 is not a redirection (3xx)").arg(code);
    if (!scheme.isEmpty() && scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return QStringLiteral("a redirect's scheme is \"http\" or \"https\", not \"%1\"")
            .arg(scheme);
    if (const qint64 port = integer(field(redirect, "port")).value_or(0); port > 0)
        return checkPort(port);
    return {};
}

// retryOn: HTTP status codes Go knows, and Envoy's retry policies.
bool isRetryOnPolicy(const QString &policy) {
    static const QSet<QString> policies{
        QStringLiteral("5xx"),
        QStringLiteral("gateway-error"),
        QStringLiteral("reset"),
        QStringLiteral("reset-before-request"),
        QStringLiteral("connect-failure"),
        QStringLiteral("retriable-4xx"),
        QStringLiteral("refused-stream"),
        QStringLiteral("retriable-status-codes"),
        QStringLiteral("retriable-headers"),
        QStringLiteral("envoy-ratelimited"),
        QStringLiteral("http3-post-connect-failure"),
        QStringLiteral("cancelled"),
        QStringLiteral("deadline-exceeded"),
        QStringLiteral("internal"),
        QStringLiteral("resource-exhausted"),
        QStringLiteral("unavailable"),
    };
    static const QSet<int> statuses{100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207, 208,
                                    226, 300, 301, 302, 303, 304, 305, 307, 308, 400, 401, 402, 403,
                                    404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416,
                                    417, 418, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451, 500,
                                    501, 502, 503, 504, 505, 506, 507, 508, 510, 511};
    bool numeric = false;
    const int code = policy.toInt(&numeric);
    return (numeric && statuses.contains(code)) || policies.contains(policy);
}

QString rewriteProblem(const YAML::Node &rewrite) {
    const bool uri = !text(field(rewrite, "uri")).isEmpty();
    const YAML::Node regex = field(rewrite, "uriRegexRewrite");
    if (uri && isMap(regex))
        return QStringLiteral("a rewrite takes either uri or uriRegexRewrite, not both");
    if (!uri && !isMap(regex) && text(field(rewrite, "authority")).isEmpty())
        return QStringLiteral("a rewrite must set the uri, uriRegexRewrite or authority");
    if (!isMap(regex))
        return {};
    const QString match = text(field(regex, "match"));
    if (match.isEmpty() || text(field(regex, "rewrite")).isEmpty())
        return QStringLiteral("uriRegexRewrite needs both match and rewrite");
    return regexProblem(match);
}

} // namespace

void checkCors(const YAML::Node &cors, const QString &at, WebhookReport &report) {
    forEachItem(field(cors, "allowOrigins"), [&](const YAML::Node &origin, int i) {
        if (!isMap(origin))
            return;
        const QString oAt = indexed(at + QStringLiteral(".allowOrigins"), i);
        QString value;
        for (const char *key : {"exact", "prefix", "regex"})
            if (hasText(field(origin, key)))
                value = text(field(origin, key));
        if (value.isEmpty())
            report.error(origin, oAt,
                         QStringLiteral("an allowed origin needs a non-empty exact, prefix or "
                                        "regex"));
        else
            checkRegexMatch(origin, oAt, QStringLiteral("an allowed origin"), report);
    });
    static const QSet<QString> methods{QStringLiteral("GET"),     QStringLiteral("HEAD"),
                                       QStringLiteral("POST"),    QStringLiteral("PUT"),
                                       QStringLiteral("PATCH"),   QStringLiteral("DELETE"),
                                       QStringLiteral("CONNECT"), QStringLiteral("OPTIONS"),
                                       QStringLiteral("TRACE"),   QStringLiteral("*")};
    forEachItem(field(cors, "allowMethods"), [&](const YAML::Node &item, int i) {
        if (!item.IsScalar())
            return;
        if (!methods.contains(text(item)))
            report.error(item, indexed(at + QStringLiteral(".allowMethods"), i),
                         QStringLiteral("\"%1\" is not an HTTP method (GET, POST, ... in capitals, "
                                        "or *)")
                             .arg(text(item)));
    });
    for (const char *list : {"allowHeaders", "exposeHeaders"})
        forEachItem(field(cors, list), [&](const YAML::Node &item, int i) {
            if (!item.IsScalar())
                return;
            const QString name = text(item);
            if (name.isEmpty() || (name != QLatin1String("*") && !isHeaderToken(name)))
                report.error(item, indexed(joinPath(at, list), i),
                             name.isEmpty()
                                 ? QStringLiteral("a header name cannot be empty")
                                 : QStringLiteral("\"%1\" is not a valid header name").arg(name));
        });
    const YAML::Node maxAge = field(cors, "maxAge");
    if (const QString problem = checkDuration(text(maxAge)); !problem.isEmpty())
        report.error(maxAge, at + QStringLiteral(".maxAge"), problem);
    if (durationNanos(text(maxAge)).value_or(0) % 1000000000LL != 0)
        report.error(maxAge, at + QStringLiteral(".maxAge"),
                     QStringLiteral("maxAge counts whole seconds only"));
}

void checkFault(const YAML::Node &fault, const QString &at, WebhookReport &report) {
    if (!isMap(fault))
        return;
    const YAML::Node abort = field(fault, "abort"), delay = field(fault, "delay");
    if (!isMap(abort) && !isMap(delay))
        report.error(fault, at, QStringLiteral("a fault needs an abort, a delay or both"));
    if (isMap(abort))
        checkAbort(abort, at + QStringLiteral(".abort"), report);
    if (isMap(delay))
        checkDelay(delay, at + QStringLiteral(".delay"), report);
}

void checkMirrors(const YAML::Node &route, const QString &at, WebhookReport &report) {
    for (const char *key : {"mirrorPercent", "mirror_percent"}) {
        const YAML::Node percent = field(route, key);
        if (!isSet(percent))
            continue;
        const QString pAt = joinPath(at, key);
        if (integer(percent).value_or(0) > 100)
            report.error(percent, pAt,
                         QStringLiteral("%1 must be at most 100, not %2")
                             .arg(QLatin1String(key), text(percent)));
        report.warning(
            percent, pAt,
            QStringLiteral("%1 is deprecated; use mirrorPercentage").arg(QLatin1String(key)));
    }
    checkMirrorPercentage(field(route, "mirrorPercentage"),
                          at + QStringLiteral(".mirrorPercentage"), report);
    checkDestination(field(route, "mirror"), at + QStringLiteral(".mirror"), report);
    forEachItem(field(route, "mirrors"), [&](const YAML::Node &mirror, int i) {
        const QString mAt = indexed(at + QStringLiteral(".mirrors"), i);
        checkDestination(field(mirror, "destination"), mAt + QStringLiteral(".destination"),
                         report);
        checkMirrorPercentage(field(mirror, "percentage"), mAt + QStringLiteral(".percentage"),
                              report);
    });
}

void checkRedirect(const YAML::Node &redirect, const QString &at, WebhookReport &report) {
    if (const QString problem = redirectProblem(redirect); !problem.isEmpty())
        report.error(redirect, at, problem);
}

void checkDirectResponse(const YAML::Node &response, const QString &at, WebhookReport &report) {
    const YAML::Node body = field(response, "body");
    qsizetype size = text(field(body, "string")).toUtf8().size();
    if (hasText(field(body, "bytes")))
        size = QByteArray::fromBase64(text(field(body, "bytes")).toLatin1()).size();
    if (size > 1024 * 1024)
        report.error(body, at + QStringLiteral(".body"),
                     QStringLiteral("a direct response body must be under 1MB (it weighs on the "
                                    "control plane)"));
    else if (size > 100 * 1024)
        report.warning(body, at + QStringLiteral(".body"),
                       QStringLiteral("a direct response body over 100kB weighs on the control "
                                      "plane"));
    const YAML::Node status = field(response, "status");
    if (const auto code = integer(status); code && (*code < 200 || *code > 600))
        report.error(status, at + QStringLiteral(".status"),
                     QStringLiteral("HTTP status %1 is not between 200 and 599").arg(*code));
}

void checkRetries(const YAML::Node &retries, const QString &at, WebhookReport &report) {
    if (!isMap(retries))
        return;
    const YAML::Node attempts = field(retries, "attempts");
    const qint64 n = integer(attempts).value_or(0);
    if (n < 0)
        report.error(attempts, at + QStringLiteral(".attempts"),
                     QStringLiteral("retry attempts cannot be negative"));
    const QString retryOn = text(field(retries, "retryOn"));
    if (n == 0 && (isSet(field(retries, "perTryTimeout")) || !retryOn.isEmpty() ||
                   isSet(field(retries, "retryRemoteLocalities"))))
        report.error(retries, at,
                     QStringLiteral("retries are off (attempts is 0) yet perTryTimeout, retryOn "
                                    "or retryRemoteLocalities is set; set attempts"));
    for (const char *key : {"perTryTimeout", "backoff"}) {
        const YAML::Node d = field(retries, key);
        if (const QString problem = checkDuration(text(d)); !problem.isEmpty())
            report.error(d, joinPath(at, key), problem);
    }
    if (retryOn.isEmpty())
        return;
    for (const QString &policy : retryOn.split(QLatin1Char(',')))
        if (!isRetryOnPolicy(policy))
            report.error(field(retries, "retryOn"), at + QStringLiteral(".retryOn"),
                         QStringLiteral("\"%1\" is not a retryOn policy (such as 5xx, "
                                        "connect-failure or an HTTP status; no spaces)")
                             .arg(policy));
}

void checkRewrite(const YAML::Node &rewrite, const QString &at, WebhookReport &report) {
    if (const QString problem = rewriteProblem(rewrite); !problem.isEmpty())
        report.error(rewrite, at, problem);
}

} // namespace egret::webhook::vs

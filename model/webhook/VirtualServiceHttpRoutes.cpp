// Istio's webhook for a VirtualService's http routes (validateHTTPRoute in
// pkg/config/validation/virtualservice.go and its helpers in validation.go).
#include "model/webhook/Fields.h"
#include "model/webhook/VirtualServiceRules.h"

#include <QRegularExpression>
#include <QSet>

namespace egret::webhook::vs {

namespace {

bool isMap(const YAML::Node &n) {
    return n && n.IsMap();
}

qsizetype length(const YAML::Node &sequence) {
    return sequence && sequence.IsSequence() ? qsizetype(sequence.size()) : 0;
}

// A string field that is written (null counts as absent, as in Istio's JSON reader).
bool hasText(const YAML::Node &n) {
    return isSet(n) && n.IsScalar();
}

// --- conflicts between what a route does --------------------------------------------------

void checkRootRoute(const YAML::Node &route, const QString &at, WebhookReport &report) {
    if (isMap(field(route, "redirect")))
        report.error(field(route, "redirect"), at + QStringLiteral(".redirect"),
                     QStringLiteral("a route that delegates cannot also redirect"));
    if (length(field(route, "route")) > 0)
        report.error(field(route, "route"), at + QStringLiteral(".route"),
                     QStringLiteral("a route that delegates cannot also have destinations"));
}

void checkConflicts(const YAML::Node &route, const QString &at, HttpRouteKind kind,
                    WebhookReport &report) {
    if (kind == HttpRouteKind::Root) {
        checkRootRoute(route, at, report);
        return;
    }
    if (kind == HttpRouteKind::Delegate && isMap(field(route, "delegate")))
        report.error(field(route, "delegate"), at + QStringLiteral(".delegate"),
                     QStringLiteral("a route of a delegate VirtualService cannot delegate again"));
    const bool destinations = length(field(route, "route")) > 0;
    const bool fault = isMap(field(route, "fault"));
    const bool rewrite = isMap(field(route, "rewrite"));
    const char *action = isMap(field(route, "redirect"))         ? "redirect"
                         : isMap(field(route, "directResponse")) ? "directResponse"
                                                                 : nullptr;
    if (action) {
        const QString what = QLatin1String(action);
        if (destinations)
            report.error(
                field(route, "route"), at + QStringLiteral(".route"),
                QStringLiteral("a route with a %1 cannot also have destinations").arg(what));
        if (fault)
            report.error(field(route, "fault"), at + QStringLiteral(".fault"),
                         QStringLiteral("a route with a %1 cannot inject faults").arg(what));
        if (rewrite)
            report.error(field(route, "rewrite"), at + QStringLiteral(".rewrite"),
                         QStringLiteral("a route with a %1 cannot rewrite").arg(what));
        if (what == QLatin1String("redirect") && isMap(field(route, "directResponse")))
            report.error(field(route, "directResponse"), at + QStringLiteral(".directResponse"),
                         QStringLiteral("a route cannot both redirect and respond directly"));
    } else if (!destinations) {
        report.error(route, at,
                     QStringLiteral("an http route needs destinations (route), a redirect or a "
                                    "directResponse"));
    }
    if (isMap(field(route, "mirror")) && length(field(route, "mirrors")) > 0)
        report.error(field(route, "mirror"), at + QStringLiteral(".mirror"),
                     QStringLiteral("a route takes either mirror or mirrors, not both"));
}

// --- match conditions ----------------------------------------------------------------------

// RFC 7230 token characters.
bool isHeaderToken(const QString &name) {
    static const QRegularExpression re(QStringLiteral("^[!#$%&'*+\\-.^_`|~A-Za-z0-9]+$"));
    return re.match(name).hasMatch();
}

bool isJwtClaimName(const QString &key) {
    const QString prefix = QStringLiteral("@request.auth.claims");
    if (!key.toLower().startsWith(prefix))
        return false;
    const QString rest = key.mid(prefix.size());
    return rest.startsWith(QLatin1Char('.')) ||
           (rest.startsWith(QLatin1Char('[')) && rest.endsWith(QLatin1Char(']')));
}

// ValidateHTTPHeaderNameOrJwtClaimRoute.
QString matchHeaderNameProblem(const QString &name) {
    static const QSet<QString> pseudo{QStringLiteral(":method"), QStringLiteral(":scheme"),
                                      QStringLiteral(":authority"), QStringLiteral(":path"),
                                      QStringLiteral(":status")};
    if (name.isEmpty())
        return QStringLiteral("a header name cannot be empty");
    if (isJwtClaimName(name) || pseudo.contains(name) || isHeaderToken(name))
        return {};
    return QStringLiteral("\"%1\" is not a valid header name").arg(name);
}

void checkRegexMatch(const YAML::Node &sm, const QString &at, const QString &what,
                     WebhookReport &report) {
    const YAML::Node regex = field(sm, "regex");
    if (!hasText(regex))
        return;
    if (text(regex).isEmpty())
        report.error(regex, at + QStringLiteral(".regex"),
                     QStringLiteral("a regex match on %1 cannot be empty").arg(what));
    else if (const QString problem = regexProblem(text(regex)); !problem.isEmpty())
        report.error(regex, at + QStringLiteral(".regex"), problem);
}

// validateStringMatch: Envoy refuses an empty prefix everywhere but on the path.
void checkStringMatch(const YAML::Node &sm, const QString &at, const QString &what,
                      WebhookReport &report) {
    const YAML::Node prefix = field(sm, "prefix");
    if (hasText(prefix) && text(prefix).isEmpty())
        report.error(prefix, at + QStringLiteral(".prefix"),
                     QStringLiteral("a prefix match on %1 cannot be empty").arg(what));
    checkRegexMatch(sm, at, what, report);
}

void checkHeaderMatches(const YAML::Node &match, const QString &at, const char *table,
                        WebhookReport &report) {
    const YAML::Node headers = field(match, table);
    if (!isMap(headers))
        return;
    const bool without = QLatin1String(table) == QLatin1String("withoutHeaders");
    for (auto it = headers.begin(); it != headers.end(); ++it) {
        const QString name = text(it->first);
        const QString hAt = at + QLatin1Char('.') + QLatin1String(table) + QLatin1Char('.') + name;
        if (!without && it->second.IsNull())
            report.error(it->first, hAt,
                         QStringLiteral("the match on header \"%1\" is empty (null)").arg(name));
        if (const QString problem = matchHeaderNameProblem(name); !problem.isEmpty())
            report.error(it->first, hAt, problem);
        // withoutHeaders takes regex "*" for "header absent", which is no RE2 expression.
        if (without && text(field(it->second, "regex")) == QLatin1String("*"))
            continue;
        checkStringMatch(it->second, hAt, QStringLiteral("header \"%1\"").arg(name), report);
    }
}

void checkMatch(const YAML::Node &match, const QString &at, WebhookReport &report) {
    checkHeaderMatches(match, at, "headers", report);
    checkHeaderMatches(match, at, "withoutHeaders", report);
    checkRegexMatch(field(match, "uri"), at + QStringLiteral(".uri"), QStringLiteral("the uri"),
                    report);
    for (const char *key : {"scheme", "method", "authority"})
        checkStringMatch(field(match, key), at + QLatin1Char('.') + QLatin1String(key),
                         QStringLiteral("the %1").arg(QLatin1String(key)), report);
    const YAML::Node params = field(match, "queryParams");
    if (isMap(params))
        for (auto it = params.begin(); it != params.end(); ++it)
            checkStringMatch(it->second, at + QStringLiteral(".queryParams.") + text(it->first),
                             QStringLiteral("query parameter \"%1\"").arg(text(it->first)), report);
    checkMatchPort(field(match, "port"), at + QStringLiteral(".port"), report);
    checkSourceLabels(field(match, "sourceLabels"), at + QStringLiteral(".sourceLabels"), report);
    checkGatewayNames(field(match, "gateways"), at + QStringLiteral(".gateways"), report);
    const YAML::Node ns = field(match, "sourceNamespace");
    if (!text(ns).isEmpty() && !isIstioDnsLabel(text(ns)))
        report.error(ns, at + QStringLiteral(".sourceNamespace"),
                     QStringLiteral("sourceNamespace \"%1\" is not a namespace name (a DNS label)")
                         .arg(text(ns)));
}

// --- header operations ---------------------------------------------------------------------

bool isAuthorityHeader(const QString &name) {
    return name.compare(QLatin1String(":authority"), Qt::CaseInsensitive) == 0 ||
           name.compare(QLatin1String("host"), Qt::CaseInsensitive) == 0;
}

// A header a request may add or set: the authority may be rewritten, other pseudo-headers not.
QString requestSetNameProblem(const QString &name) {
    if (name.isEmpty())
        return QStringLiteral("a header name cannot be empty");
    if (name.startsWith(QLatin1Char(':')) && !isAuthorityHeader(name))
        return QStringLiteral("header \"%1\" is a pseudo-header (':'), which cannot be "
                              "modified")
            .arg(name);
    return {};
}

// A header a request may remove, or a response modify.
QString headerOperationNameProblem(const QString &name) {
    if (name.isEmpty())
        return QStringLiteral("a header name cannot be empty");
    if (name.compare(QLatin1String("host"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("the Host header cannot be modified here; rewrite the authority "
                              "instead");
    if (name.startsWith(QLatin1Char(':')))
        return QStringLiteral("header \"%1\" is a pseudo-header (':'), which cannot be "
                              "modified")
            .arg(name);
    return {};
}

// Envoy's header formatter: '%' opens a %VARIABLE% or %VARIABLE(args)%, '%%' is a literal '%'.
QString envoyFormatProblem(const QString &value) {
    enum State {
        Literal,
        Name,
        ExpectArray,
        ExpectString,
        InString,
        AfterString,
        ExpectArgsEnd,
        ExpectEnd
    };
    State state = Literal;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value[i];
        const bool space = c == QLatin1Char(' ');
        switch (state) {
        case Literal:
            if (c != QLatin1Char('%'))
                break;
            if (i + 1 == value.size())
                return QStringLiteral("it ends in a lone '%' (write '%%' for a literal '%')");
            if (value[i + 1] == QLatin1Char('%'))
                ++i;
            else
                state = Name;
            break;
        case Name:
            if (c == QLatin1Char('%'))
                state = Literal;
            else if (c == QLatin1Char('('))
                state = ExpectArray;
            break;
        case ExpectArray:
            if (c == QLatin1Char('['))
                state = ExpectString;
            else if (!space)
                state = InString;
            break;
        case AfterString:
            if (c == QLatin1Char(','))
                state = ExpectString;
            else if (c == QLatin1Char(']'))
                state = ExpectArgsEnd;
            else if (!space)
                return QStringLiteral("a variable's arguments expect ',' or ']'");
            break;
        case ExpectString:
            if (c == QLatin1Char('"'))
                state = InString;
            else if (!space)
                return QStringLiteral("a variable's arguments expect a quoted string");
            break;
        case InString:
            if (c == QLatin1Char('\\')) {
                if (i + 1 == value.size())
                    return QStringLiteral("a variable's argument ends in a lone backslash");
                ++i;
            } else if (c == QLatin1Char(')')) {
                state = ExpectEnd;
            } else if (c == QLatin1Char('"')) {
                state = AfterString;
            }
            break;
        case ExpectArgsEnd:
            if (c == QLatin1Char(')'))
                state = ExpectEnd;
            else if (!space)
                return QStringLiteral("a variable's arguments expect ')'");
            break;
        case ExpectEnd:
            if (c == QLatin1Char('%'))
                state = Literal;
            else if (!space)
                return QStringLiteral("a variable expects its closing '%'");
            break;
        }
    }
    if (state != Literal)
        return QStringLiteral("a %VARIABLE% is not closed (write '%%' for a literal '%')");
    return {};
}

QString headerValueProblem(const QString &value) {
    for (QChar c : value)
        if ((c.unicode() < 0x20 && c != QLatin1Char('\t')) || c.unicode() == 0x7f)
            return QStringLiteral("header value \"%1\" holds a control character").arg(value);
    if (const QString problem = envoyFormatProblem(value); !problem.isEmpty())
        return QStringLiteral("header value \"%1\" is not valid for Envoy: %2").arg(value, problem);
    return {};
}

void checkHeaderMap(const YAML::Node &ops, const QString &at, bool request, WebhookReport &report) {
    for (const char *op : {"add", "set"}) {
        const YAML::Node map = field(ops, op);
        if (!isMap(map))
            continue;
        for (auto it = map.begin(); it != map.end(); ++it) {
            const QString name = text(it->first);
            const QString hAt = at + QLatin1Char('.') + QLatin1String(op) +
                                (name.isEmpty() ? QString() : QLatin1Char('.') + name);
            const QString nameProblem =
                request ? requestSetNameProblem(name) : headerOperationNameProblem(name);
            if (!nameProblem.isEmpty())
                report.error(it->first, hAt, nameProblem);
            if (it->second.IsScalar())
                if (const QString problem = headerValueProblem(text(it->second));
                    !problem.isEmpty())
                    report.error(it->second, hAt, problem);
        }
    }
    forEachItem(field(ops, "remove"), [&](const YAML::Node &item, int i) {
        if (const QString problem = headerOperationNameProblem(text(item)); !problem.isEmpty())
            report.error(item, indexed(at + QStringLiteral(".remove"), i), problem);
    });
}

void checkHeaderOperations(const YAML::Node &headers, const QString &at, WebhookReport &report) {
    checkHeaderMap(field(headers, "request"), at + QStringLiteral(".request"), true, report);
    checkHeaderMap(field(headers, "response"), at + QStringLiteral(".response"), false, report);
}

// The authority is rewritten in one place only: rewrite.authority or one request header.
void checkAuthorityRewrite(const YAML::Node &route, const QString &at, WebhookReport &report) {
    QString current = text(field(field(route, "rewrite"), "authority"));
    const YAML::Node request = field(field(route, "headers"), "request");
    for (const char *op : {"set", "add"}) {
        const YAML::Node map = field(request, op);
        if (!isMap(map))
            continue;
        for (auto it = map.begin(); it != map.end(); ++it) {
            if (!isAuthorityHeader(text(it->first)))
                continue;
            if (!current.isEmpty()) {
                report.error(it->first,
                             at + QStringLiteral(".headers.request.") + QLatin1String(op),
                             QStringLiteral("the authority is rewritten twice (\"%1\", then "
                                            "\"%2\"); rewrite it in one place")
                                 .arg(current, text(it->second)));
                return;
            }
            current = text(it->second);
        }
    }
}

// --- policies ------------------------------------------------------------------------------

void checkCors(const YAML::Node &cors, const QString &at, WebhookReport &report) {
    forEachItem(field(cors, "allowOrigins"), [&](const YAML::Node &origin, int i) {
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
        if (!methods.contains(text(item)))
            report.error(item, indexed(at + QStringLiteral(".allowMethods"), i),
                         QStringLiteral("\"%1\" is not an HTTP method (GET, POST, ... in capitals, "
                                        "or *)")
                             .arg(text(item)));
    });
    for (const char *list : {"allowHeaders", "exposeHeaders"})
        forEachItem(field(cors, list), [&](const YAML::Node &item, int i) {
            const QString name = text(item);
            if (name.isEmpty() || (name != QLatin1String("*") && !isHeaderToken(name)))
                report.error(item, indexed(at + QLatin1Char('.') + QLatin1String(list), i),
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
        const qint64 status = integer(http).value_or(0);
        if (status < 200 || status > 600)
            report.error(http, at + QStringLiteral(".httpStatus"),
                         QStringLiteral("HTTP status %1 is not between 200 and 599").arg(status));
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
            report.error(d, at + QLatin1Char('.') + QLatin1String(key), problem);
    }
    if (isSet(field(delay, "exponentialDelay")))
        report.error(field(delay, "exponentialDelay"), at + QStringLiteral(".exponentialDelay"),
                     QStringLiteral("exponentialDelay is not supported yet; use fixedDelay"));
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

void checkMirrorPercentage(const YAML::Node &percentage, const QString &at, WebhookReport &report) {
    const YAML::Node value = field(percentage, "value");
    const double v = number(value).value_or(0);
    if (v < 0 || v > 100)
        report.error(value, at + QStringLiteral(".value"),
                     QStringLiteral("a mirror percentage must be between 0 and 100, not %1")
                         .arg(text(value)));
}

void checkMirrors(const YAML::Node &route, const QString &at, WebhookReport &report) {
    for (const char *key : {"mirrorPercent", "mirror_percent"}) {
        const YAML::Node percent = field(route, key);
        if (!isSet(percent))
            continue;
        const QString pAt = at + QLatin1Char('.') + QLatin1String(key);
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
    const qint64 code = integer(status).value_or(0);
    if (isSet(status) && (code < 200 || code > 600))
        report.error(status, at + QStringLiteral(".status"),
                     QStringLiteral("HTTP status %1 is not between 200 and 599").arg(code));
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
            report.error(d, at + QLatin1Char('.') + QLatin1String(key), problem);
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

void checkHttpDestinations(const YAML::Node &routes, const QString &at, WebhookReport &report) {
    checkRouteDestinations(routes, at, report);
    forEachItem(routes, [&](const YAML::Node &route, int i) {
        checkHeaderOperations(field(route, "headers"), indexed(at, i) + QStringLiteral(".headers"),
                              report);
    });
}

} // namespace

void checkHttpRoute(const YAML::Node &route, const QString &at, HttpRouteKind kind,
                    WebhookReport &report) {
    if (!isMap(route))
        return;
    checkConflicts(route, at, kind, report);
    forEachItem(field(route, "match"), [&](const YAML::Node &match, int i) {
        if (isMap(match))
            checkMatch(match, indexed(at + QStringLiteral(".match"), i), report);
    });
    checkHeaderOperations(field(route, "headers"), at + QStringLiteral(".headers"), report);
    if (const YAML::Node cors = field(route, "corsPolicy"); isMap(cors))
        checkCors(cors, at + QStringLiteral(".corsPolicy"), report);
    checkFault(field(route, "fault"), at + QStringLiteral(".fault"), report);
    checkMirrors(route, at, report);
    if (const YAML::Node redirect = field(route, "redirect"); isMap(redirect))
        if (const QString problem = redirectProblem(redirect); !problem.isEmpty())
            report.error(redirect, at + QStringLiteral(".redirect"), problem);
    if (const YAML::Node response = field(route, "directResponse"); isMap(response))
        checkDirectResponse(response, at + QStringLiteral(".directResponse"), report);
    checkRetries(field(route, "retries"), at + QStringLiteral(".retries"), report);
    if (const YAML::Node rewrite = field(route, "rewrite"); isMap(rewrite))
        if (const QString problem = rewriteProblem(rewrite); !problem.isEmpty())
            report.error(rewrite, at + QStringLiteral(".rewrite"), problem);
    checkAuthorityRewrite(route, at, report);
    checkHttpDestinations(field(route, "route"), at + QStringLiteral(".route"), report);
    const YAML::Node timeout = field(route, "timeout");
    if (const QString problem = checkDuration(text(timeout)); !problem.isEmpty())
        report.error(timeout, at + QStringLiteral(".timeout"), problem);
}

} // namespace egret::webhook::vs

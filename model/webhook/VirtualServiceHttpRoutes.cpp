// Istio's webhook for a VirtualService's http routes (validateHTTPRoute in
// pkg/config/validation/virtualservice.go): what a route does, its match conditions and its
// destinations. Header operations are in VirtualServiceHeaders.cpp, the policies (CORS, fault,
// mirrors, redirect, ...) in VirtualServiceHttpPolicies.cpp.
#include "model/webhook/Fields.h"
#include "model/webhook/VirtualServiceRules.h"

#include <QSet>

namespace egret::webhook::vs {

namespace {

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

// ValidateHTTPHeaderNameOrJwtClaimRoute.
QString matchHeaderNameProblem(const QString &name) {
    static const QSet<QString> pseudo{QStringLiteral(":method"), QStringLiteral(":scheme"),
                                      QStringLiteral(":authority"), QStringLiteral(":path"),
                                      QStringLiteral(":status")};
    if (name.isEmpty())
        return QStringLiteral("a header name cannot be empty");
    if (isJwtClaimKey(name) || pseudo.contains(name) || isHeaderToken(name))
        return {};
    return QStringLiteral("\"%1\" is not a valid header name").arg(name);
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
        const QString hAt = joinPath(at, table) + QLatin1Char('.') + name;
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
        checkStringMatch(field(match, key), joinPath(at, key),
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

void checkHttpDestinations(const YAML::Node &routes, const QString &at, WebhookReport &report) {
    checkRouteDestinations(routes, at, report);
    forEachItem(routes, [&](const YAML::Node &route, int i) {
        checkHeaderOperations(field(route, "headers"), indexed(at, i) + QStringLiteral(".headers"),
                              report);
    });
}

} // namespace

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
        checkRedirect(redirect, at + QStringLiteral(".redirect"), report);
    if (const YAML::Node response = field(route, "directResponse"); isMap(response))
        checkDirectResponse(response, at + QStringLiteral(".directResponse"), report);
    checkRetries(field(route, "retries"), at + QStringLiteral(".retries"), report);
    if (const YAML::Node rewrite = field(route, "rewrite"); isMap(rewrite))
        checkRewrite(rewrite, at + QStringLiteral(".rewrite"), report);
    checkAuthorityRewrite(route, at, report);
    checkHttpDestinations(field(route, "route"), at + QStringLiteral(".route"), report);
    const YAML::Node timeout = field(route, "timeout");
    if (const QString problem = checkDuration(text(timeout)); !problem.isEmpty())
        report.error(timeout, at + QStringLiteral(".timeout"), problem);
}

} // namespace egret::webhook::vs

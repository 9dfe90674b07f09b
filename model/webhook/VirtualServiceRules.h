#pragma once

// The parts of Istio's VirtualService webhook shared between VirtualServiceWebhook.cpp (the
// document, tls and tcp routes) and VirtualServiceHttpRoutes.cpp (http routes).
#include "model/webhook/WebhookReport.h"

#include <QString>

#include <optional>

#include <yaml-cpp/yaml.h>

namespace egret::webhook::vs {

inline bool isMap(const YAML::Node &n) {
    return n && n.IsMap();
}
inline qsizetype length(const YAML::Node &sequence) {
    return sequence && sequence.IsSequence() ? qsizetype(sequence.size()) : 0;
}
// A string field that is written (null counts as absent, as in Istio's JSON reader).
inline bool hasText(const YAML::Node &n) {
    return n && !n.IsNull() && n.IsScalar();
}

// How an http route is judged: a route of a delegate VirtualService (one without hosts), a route
// that hands over to a delegate, or any other.
enum class HttpRouteKind { Independent, Root, Delegate };

void checkHttpRoute(const YAML::Node &route, const QString &path, HttpRouteKind kind,
                    WebhookReport &report);

// The parts of an http route (VirtualServiceHeaders.cpp, VirtualServiceHttpPolicies.cpp).
void checkHeaderOperations(const YAML::Node &headers, const QString &path, WebhookReport &report);
// The authority is rewritten in one place at most.
void checkAuthorityRewrite(const YAML::Node &route, const QString &path, WebhookReport &report);
void checkCors(const YAML::Node &cors, const QString &path, WebhookReport &report);
void checkFault(const YAML::Node &fault, const QString &path, WebhookReport &report);
// mirror, mirrors and the mirror percentages of a route (path: the route).
void checkMirrors(const YAML::Node &route, const QString &path, WebhookReport &report);
void checkRedirect(const YAML::Node &redirect, const QString &path, WebhookReport &report);
void checkDirectResponse(const YAML::Node &response, const QString &path, WebhookReport &report);
void checkRetries(const YAML::Node &retries, const QString &path, WebhookReport &report);
void checkRewrite(const YAML::Node &rewrite, const QString &path, WebhookReport &report);
// The regex of a StringMatch (`what` names the matched part for the message).
void checkRegexMatch(const YAML::Node &match, const QString &path, const QString &what,
                     WebhookReport &report);
// RFC 7230 token characters, as header names take.
bool isHeaderToken(const QString &name);

// A destination's host, subset and port (validateDestination).
void checkDestination(const YAML::Node &destination, const QString &path, WebhookReport &report);
// The weights of a tcp, tls or http route's destinations, and each destination.
void checkRouteDestinations(const YAML::Node &routes, const QString &path, WebhookReport &report);
// Gateway references: "mesh", "<namespace>/<name>", or a legacy "<name>[.<namespace>...]".
void checkGatewayNames(const YAML::Node &gateways, const QString &path, WebhookReport &report);
// sourceLabels of a match: Kubernetes label keys and values.
void checkSourceLabels(const YAML::Node &labels, const QString &path, WebhookReport &report);
// A match's port, when set and not 0.
void checkMatchPort(const YAML::Node &port, const QString &path, WebhookReport &report);

// A number (integer or decimal), or nothing.
std::optional<double> number(const YAML::Node &scalar);
// The problem of a regular expression Envoy compiles with RE2, empty when fine.
QString regexProblem(const QString &regex);
// "@request.auth.claims.<name>" or "@request.auth.claims[<name>]...": a JWT claim to route on.
bool isJwtClaimKey(const QString &key);

} // namespace egret::webhook::vs

#pragma once

// The parts of Istio's VirtualService webhook shared between VirtualServiceWebhook.cpp (the
// document, tls and tcp routes) and VirtualServiceHttpRoutes.cpp (http routes).
#include "model/webhook/WebhookReport.h"

#include <QString>

#include <optional>

#include <yaml-cpp/yaml.h>

namespace egret::webhook::vs {

// How an http route is judged: a route of a delegate VirtualService (one without hosts), a route
// that hands over to a delegate, or any other.
enum class HttpRouteKind { Independent, Root, Delegate };

void checkHttpRoute(const YAML::Node &route, const QString &path, HttpRouteKind kind,
                    WebhookReport &report);

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
// An IPv4 or IPv6 address.
bool isIpAddress(const QString &text);

} // namespace egret::webhook::vs

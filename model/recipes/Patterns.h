#pragma once

#include "model/recipes/Route.h"

#include <optional>

namespace egret::recipes {

// What the canvas and `egret route list-patterns` show about a pattern, and the defaults.
struct PatternInfo {
    Pattern pattern;
    const char *name;    // "tls-passthrough"
    const char *summary; // one line
    bool viaGateway;
    qint64 defaultPort;        // what the application calls; 0: it must be given
    qint64 defaultGatewayPort; // opened on the gateway; 0: the route's port
    bool needsCredential;
    bool needsSubnet;
    bool allowsWildcard;
    const char *istioTask; // the istio.io task it follows
    // What the pattern writes with --api gateway-api (every pattern has a Gateway API variant).
    const char *gatewayApi;
};

const QVector<PatternInfo> &patterns();
const PatternInfo &patternInfo(Pattern pattern);
std::optional<Pattern> patternFromName(const QString &name);
QStringList patternNames();

// The request with the pattern's defaults filled in (ports).
RouteRequest withDefaults(const RouteRequest &request);

// "Add route to api.example.com:443 (tls-passthrough)": the undo command's text; a route in the
// Gateway API says so: "(tls-passthrough, Gateway API)".
QString describe(const RouteRequest &request);

} // namespace egret::recipes

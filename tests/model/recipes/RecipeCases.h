#pragma once

#include "model/recipes/Route.h"
#include "model/workspace/Workspace.h"

#include <QStringList>
#include <QVector>

#include <optional>

namespace egret::test {

// One pattern as the tests apply it, and the Istio scenario it must reproduce.
struct PatternCase {
    const char *name; // the data row: the pattern's name, or "<pattern>-wildcard"
    recipes::RouteRequest request;
    // The scenario: a file of ../shared/corpus/istio-docs/ ("egress-gateway/01-...yaml"), or
    // our own example under tests/data/recipes/scenarios/ when the corpus has none.
    QString scenario;
    bool scenarioInCorpus = true;
    // Signature lines (see routeSignature) that only one side has, with the reason in the
    // table: parts of the task's files the pattern deliberately leaves out, and the reverse.
    QStringList onlyInScenario;
    QStringList onlyInRecipe;
};

// A request as the cases write them: new documents go to `routes.yaml`.
recipes::RouteRequest request(recipes::Pattern p, const char *host, qint64 port = 0);
// The same request in the given dialect.
recipes::RouteRequest inApi(recipes::RouteRequest r, recipes::Api api);

// Every pattern, wildcard variants included, each with its scenario.
const QVector<PatternCase> &patternCases();
const PatternCase *patternCase(const QString &name);
QString scenarioPath(const PatternCase &c);

// The workspace after applying the case's route to an empty workspace (a new file
// `routes.yaml`); nothing when the recipe refuses, with the reason in `error`.
std::optional<Workspace> workspaceFor(const PatternCase &c, QString *error = nullptr);

// Applies a route to a workspace; false (with the problems in `error`) when refused.
bool addRouteTo(Workspace &ws, const recipes::RouteRequest &request, QString *error);
bool removeRouteFrom(Workspace &ws, const recipes::RouteRemoval &removal, QString *error);

// What the route's resources mean, one sorted line per fact, leaving out what the docs and
// the recipes may name differently (resource and subset names, weights, key order, the
// namespace a `kubectl apply -n` gives): hosts, ports and protocols, resolutions, Gateway
// servers, rules (bound to, port, SNI, subnets -> destination), TLS settings.
QStringList routeSignature(const Workspace &ws);

} // namespace egret::test

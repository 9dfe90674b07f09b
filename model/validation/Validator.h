#pragma once

#include "model/mesh/MeshConfig.h"
#include "model/validation/Finding.h"
#include "model/workspace/Workspace.h"

#include <QDateTime>
#include <QStringList>

#include <memory>

namespace egret::validation {

struct Rule;
struct Session;

struct ValidatorOptions {
    QStringList rules; // rule names to run; empty: every rule
    MeshConfig mesh;
    // Assume the installation's istio-ingressgateway and istio-egressgateway (Pod and Service in
    // the root namespace) when the workspace has no workload with their labels.
    bool assumeGateways = true;
    QDateTime now; // certificates are judged against it; invalid: the current time
};

struct UpdateStats {
    bool full = false;        // everything was checked
    int documentsChanged = 0; // documents added, edited or removed since the last update
    int checksRun = 0;        // (rule, resource) analyses run
};

// A validation session over a workspace, for live use: the first update checks everything and
// keeps the lookup tables and each (rule, resource) result; later updates find the documents
// that changed (by their text) and re-run only the analyses that read what changed.
//
//   Validator v(options);
//   v.update(ws);                       // after loading, and after each edit
//   for (const Finding &f : v.findings(ws)) ...
class Validator {
public:
    explicit Validator(ValidatorOptions options = {});
    ~Validator();
    Validator(const Validator &) = delete;
    Validator &operator=(const Validator &) = delete;

    const ValidatorOptions &options() const;
    void setOptions(const ValidatorOptions &options); // the next update checks everything
    const QVector<const Rule *> &rules() const;       // the rules that run

    // Brings the findings up to date with the workspace.
    UpdateStats update(const Workspace &ws);

    // Every finding (after an update), in file and line order, with file:line:column.
    QVector<Finding> findings(const Workspace &ws);
    // The findings about one resource.
    QVector<Finding> findingsFor(const Workspace &ws, const ResourceId &id);

private:
    std::unique_ptr<Session> d;
};

// Names in `names` that are not rules.
QStringList unknownRuleNames(const QStringList &names);

// One-shot validation.
QVector<Finding> validate(const Workspace &ws, const ValidatorOptions &options = {});

} // namespace egret::validation

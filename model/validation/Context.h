#pragma once

#include "model/mesh/MeshConfig.h"
#include "model/validation/Finding.h"
#include "model/validation/Index.h"
#include "model/validation/Rule.h"

#include <QDateTime>

namespace egret::validation {

// What does not change during a run.
struct Environment {
    MeshConfig mesh;
    QDateTime now; // certificates are judged against it
};

// The narrow view a rule has while it analyzes one resource (its subject). Every read of another
// resource goes through here and is recorded, so that a later change re-runs only the rules that
// read what changed. A rule sees only the kinds it declares as inputs, and reports only on its
// subject.
class Context {
public:
    Context(const Index &index, const Rule &rule, const Resource &subject, const Environment &env);

    const Resource &subject() const { return m_subject; }
    const Rule &rule() const { return m_rule; }
    const MeshConfig &mesh() const { return m_env.mesh; }
    const QDateTime &now() const { return m_env.now; }

    // The resources filed under `key`, of the kinds this rule reads.
    Entries entries(Table table, const QString &key);
    // The last resource filed under a name key, or null.
    const Resource *find(Table table, const QString &key);

    // The registry lookup of ANALYZERS.md §0.1: the ServiceEntry or Service a host names, as
    // seen from a namespace with the referring resource's exportTo.
    struct HostMatch {
        const Resource *owner = nullptr;
        QVector<qint64> ports; // SE ports[].number or Service ports[].port
        bool found() const { return owner != nullptr; }
    };
    HostMatch lookupHost(const QString &ns, const QStringList &exportTo, const QString &host);

    // Workloads whose pods the selector matches (an empty selector matches all), in `ns` only
    // when given.
    QVector<const Resource *> workloadsMatching(const Labels &selector,
                                                const QString *ns = nullptr);
    // The Istio Gateways that select a workload's pods.
    QVector<const Resource *> gatewaysSelecting(const Resource &workload);

    // Notes that a finding depends on this resource; assumed gateways are named in findings.
    void relyOn(const Resource *r);

    void report(const MessageType &type, const QString &path, const QStringList &args = {});

    // Results of the run.
    QVector<DepKey> takeDependencies() { return std::move(m_deps); }
    QVector<Finding> takeFindings() { return std::move(m_findings); }

private:
    bool reads(Table table) const;

    const Index &m_index;
    const Rule &m_rule;
    const Resource &m_subject;
    const Environment &m_env;
    QVector<DepKey> m_deps;
    QVector<Finding> m_findings;
    QStringList m_assumed;
};

// Helpers shared by rules.
QString fullName(const Resource &r);  // "ns/name", or "name" when the namespace is empty
QString istioName(const Resource &r); // "name.ns", as Istio's resource.FullName prints

} // namespace egret::validation

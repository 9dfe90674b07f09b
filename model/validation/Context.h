#pragma once

#include "model/mesh/MeshConfig.h"
#include "model/validation/Finding.h"
#include "model/validation/Index.h"
#include "model/validation/Rule.h"

#include <QDateTime>

#include <deque>
#include <memory>
#include <utility>
#include <vector>

namespace egret::validation {

struct MemoStore;

// The tables a rule may read: those its input kinds file themselves in.
quint64 tableMask(const Rule &rule);

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
    // `tables` is tableMask(rule), computed once per rule by the caller.
    Context(const Index &index, const Rule &rule, quint64 tables, const Resource &subject,
            const Environment &env, MemoStore *memos = nullptr);

    const Resource &subject() const { return m_subject; }
    const Rule &rule() const { return m_rule; }
    const MeshConfig &mesh() const { return m_env.mesh; }
    const QDateTime &now() const { return m_env.now; }

    // The resources filed under `key`, of the kinds this rule reads.
    EntryView entries(Table table, const QString &key);
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

    // The hosts a Gateway's servers list, indexed. The Gateway comes from find() or entries(),
    // whose reads cover what this reads.
    const GatewayHosts &gatewayHosts(const Resource &gateway);

    // Notes that a finding depends on this resource; assumed gateways are named in findings.
    void relyOn(const Resource *r);

    void report(const MessageType &type, const QString &path, const QStringList &args = {});

    // Results of the run.
    QVector<DepKey> takeDependencies() { return std::move(m_deps); }
    QVector<Finding> takeFindings() { return std::move(m_findings); }

    // A value computed from reads (several rules ask the same question about a resource): the
    // first rule computes it, later ones in the same run get it with its reads recorded again.
    // `key` is a quint64 (see memoKey) or a QString; equal keys must mean equal questions.
    template <class T, class K, class F> T memo(const K &key, F compute);

    // The same for a value that reads nothing through the context (a pure function of resources),
    // by reference: it lives as long as the run's memos (a large index is not copied per use).
    template <class T, class F> const T &shared(quint64 key, F compute);

private:
    HostMatch findHost(const QString &ns, const QStringList &exportTo, const QString &host);
    bool reads(Table table) const { return m_tables & (quint64(1) << int(table)); }

    const Index &m_index;
    const Rule &m_rule;
    quint64 m_tables;       // bit per table this rule may read
    bool m_filterHostKinds; // reads only one of ServiceEntry and Service
    const Resource &m_subject;
    const Environment &m_env;
    QVector<DepKey> m_deps;
    QVector<Finding> m_findings;
    QVector<GatewayReliance> m_assumed;
    MemoStore *m_memos;
    std::deque<QVector<Entry>> m_filtered; // entries() results narrowed to the rule's kinds
    std::vector<std::shared_ptr<const void>> m_kept; // shared() values when there are no memos
};

// An exact memo key for a value about one resource; `tag` tells the values apart.
inline quint64 memoKey(quint8 tag, const ResourceId &id) {
    return quint64(tag) << 56 | quint64(id.document) << 24 |
           quint64(quint32(id.item + 1) & 0xFFFFFF);
}

// Memoized values of one run, valid while the tables do not change.
struct MemoStore {
    struct Value {
        std::shared_ptr<const void> value;
        QVector<DepKey> deps;
        QVector<GatewayReliance> assumed;
    };
    // (key, the table mask of the rule that computed it: what it could read)
    QHash<QPair<quint64, quint64>, Value> values;
    QHash<QPair<QString, quint64>, Value> named;

    template <class K> QHash<QPair<K, quint64>, Value> &map();
    void clear() {
        values.clear();
        named.clear();
    }
};
template <> inline QHash<QPair<quint64, quint64>, MemoStore::Value> &MemoStore::map<quint64>() {
    return values;
}
template <> inline QHash<QPair<QString, quint64>, MemoStore::Value> &MemoStore::map<QString>() {
    return named;
}

template <class T, class F> const T &Context::shared(quint64 key, F compute) {
    const QPair<quint64, quint64> k(key, 0);
    if (m_memos)
        if (const auto it = m_memos->values.constFind(k); it != m_memos->values.cend())
            return *static_cast<const T *>(it->value.get());
    auto value = std::make_shared<const T>(compute());
    if (m_memos)
        m_memos->values.insert(k, MemoStore::Value{value, {}, {}});
    else
        m_kept.push_back(value);
    return *value;
}

template <class T, class K, class F> T Context::memo(const K &key, F compute) {
    if (!m_memos)
        return compute();
    auto &map = m_memos->map<K>();
    const QPair<K, quint64> k(key, m_tables);
    if (const auto it = map.constFind(k); it != map.cend()) {
        m_deps += it->deps;
        for (const GatewayReliance &a : it->assumed)
            if (!m_assumed.contains(a))
                m_assumed << a;
        return *static_cast<const T *>(it->value.get());
    }
    // Compute with a clean record of reads, then merge it into this run's.
    QVector<DepKey> outer = std::exchange(m_deps, {});
    QVector<GatewayReliance> outerAssumed = std::exchange(m_assumed, {});
    auto value = std::make_shared<T>(compute());
    map.insert(k, MemoStore::Value{value, m_deps, m_assumed});
    outer += m_deps;
    m_deps = std::move(outer);
    for (const GatewayReliance &a : m_assumed)
        if (!outerAssumed.contains(a))
            outerAssumed << a;
    m_assumed = std::move(outerAssumed);
    return *value;
}

// Helpers shared by rules.
QString fullName(const Resource &r);        // "ns/name", or "name" when the namespace is empty
QVector<qint64> portsOf(const Resource &r); // SE ports[].number or Service ports[].port

} // namespace egret::validation

#pragma once

#include "model/flow/FlowGraph.h"

#include <QHash>
#include <QSet>
#include <QStringList>
#include <QVector>

namespace egret::views {

// External hosts grouped by domain suffix, so that thousands of hosts fold into a few
// collapsible groups: *.example.com holds *.partner-1.example.com and its siblings, each holding
// its hosts. Groups with a single member are not made; a chain of groups with one child each is
// one group. A group never opens onto more than kMaxFanOut entries: more are split into ranges
// ("partner-0 … partner-18"). Meshes with few hosts get no groups at all.
struct HostGroup {
    QString id;         // "group:example.com", "group:example.com#partner-0~partner-18"
    QString suffix;     // "example.com"
    QString label;      // "*.example.com", "partner-0 … partner-18"
    QString parent;     // enclosing group id, or empty
    QStringList groups; // child group ids
    QStringList hosts;  // flow node ids of the hosts directly inside
    int total = 0;      // hosts inside, at any depth
};

class HostGrouping {
public:
    static constexpr int kGroupFrom = 24; // hosts in the graph before grouping starts
    static constexpr int kMaxFanOut = 12;

    static HostGrouping build(const FlowGraph &graph, int groupFrom = kGroupFrom);

    const QVector<HostGroup> &groups() const { return m_groups; }
    const HostGroup *group(const QString &id) const;
    QStringList topGroups() const { return m_top; }
    QStringList ungroupedHosts() const { return m_ungrouped; }
    // The innermost group a host is in, or empty.
    QString groupOf(const QString &hostId) const { return m_groupOf.value(hostId); }
    // Groups to show collapsed at first: open level after level while the host column keeps at
    // most `budget` entries.
    QSet<QString> defaultCollapsed(int budget = 40) const;

private:
    void limitFanOut(int index);

    QVector<HostGroup> m_groups;
    QHash<QString, int> m_index;
    QStringList m_top;
    QStringList m_ungrouped;
    QHash<QString, QString> m_groupOf;
};

// The registrable part of a host name: "example.com" of "a.b.example.com", "bbc.co.uk" of
// "news.bbc.co.uk" (a two-letter top-level domain under a short second level); empty for
// addresses and single labels.
QString registrableDomain(const QString &host);

} // namespace egret::views

#pragma once

#include "model/flow/FlowGraph.h"

#include <QHash>
#include <QSet>
#include <QVector>

namespace egret::flow {

// What rules merge into hops while the graph is built, replayed when it is finished. Thousands of
// rules merge into a few hops (each sidecar's hop to the egress gateway gets every
// VirtualService's provenance), and those hops mostly get the same lists in the same order. So for
// each of a hop's merged fields (provenance, subsets, notes) its history is a step in a tree
// shared by all hops (the list of its last merge, and the history before it), equal histories are
// one step, and each is replayed once and its result shared, instead of copying thousands of
// sources into every hop. The fields have a tree each: senders in different namespaces get notes
// of their own (naming their namespace) but the same provenance, which is the long list.
// The lists merged are kept (so they stay as they are: they are shared) and named by their place
// among those kept.
class HopMerges {
public:
    // Notes that `from` merges into hop `hop`; `into` is that hop, as it was made.
    void log(int hop, const FlowHop &into, const FlowHop &from) {
        if (from.provenance.isEmpty() && from.subsets.isEmpty() && from.notes.isEmpty())
            return; // merging nothing changes nothing
        if (m_at.size() <= hop)
            m_at.resize(hop + 1);
        At &at = m_at[hop];
        if (!at.logged) { // the start: the hop's own lists
            at = {m_provenance.start(into.provenance), m_subsets.start(into.subsets),
                  m_notes.start(into.notes), true};
        }
        m_provenance.merge(at.provenance, from.provenance);
        m_subsets.merge(at.subsets, from.subsets);
        m_notes.merge(at.notes, from.notes);
    }

    // Merges what was logged into the hops: provenance joined as addProvenance does, subsets
    // and notes without repeats.
    void replay(QVector<FlowHop> &hops) const {
        QHash<int, Provenance> provenance; // by last step: the merged list
        QHash<int, QStringList> subsets, notes;
        for (int hop = 0; hop < m_at.size(); ++hop) {
            const At &at = m_at.at(hop);
            if (!at.logged)
                continue;
            FlowHop &h = hops[hop];
            h.provenance = m_provenance.made(provenance, at.provenance, h.provenance);
            h.subsets = m_subsets.made(subsets, at.subsets, h.subsets);
            h.notes = m_notes.made(notes, at.notes, h.notes);
        }
    }

private:
    struct At { // a hop's histories, one per field (-1: nothing to merge)
        int provenance = -1;
        int subsets = -1;
        int notes = -1;
        bool logged = false;
    };

    // The histories of one field: Steps in a tree, over the lists merged.
    template <class List> class Histories {
    public:
        // A history that starts with `own`, the hop's list as made.
        int start(const List &own) { return step({-1, keep(own)}); }
        // Extends `at` with a merge of `list`. Merging is a union, so an empty list, or the list
        // the history merged last (each route's senders in one namespace get the same notes),
        // changes nothing.
        void merge(int &at, const List &list) {
            if (const int kept = keep(list); kept >= 0 && kept != m_steps.at(at).list)
                at = step({at, kept});
        }
        // The list `at` gives (`own` at its start), replayed once per history.
        List made(QHash<int, List> &done, int at, const List &own) const {
            if (at < 0)
                return own;
            auto it = done.constFind(at);
            if (it != done.cend())
                return *it;
            QVector<int> merged; // latest first, down to the step after the start
            int s = at;
            for (; m_steps.at(s).parent >= 0; s = m_steps.at(s).parent)
                merged.append(m_steps.at(s).list);
            List out = own;
            Joiner<List> join(out);
            for (auto l = merged.crbegin(); l != merged.crend(); ++l)
                join.add(out, m_lists.at(*l));
            return *done.insert(at, out);
        }

    private:
        struct Step {
            int parent = -1; // -1: the start, whose list is the hop's own
            int list = -1;   // its place among those kept (-1 for an empty one)
            bool operator==(const Step &) const = default;
            friend size_t qHash(const Step &s, size_t seed = 0) {
                return qHashMulti(seed, s.parent, s.list);
            }
        };

        int step(const Step &s) {
            auto it = m_stepIndex.constFind(s);
            if (it == m_stepIndex.cend()) {
                it = m_stepIndex.insert(s, int(m_steps.size()));
                m_steps.append(s);
            }
            return *it;
        }

        // The list's place among those kept; -1 for an empty one. Lists are known by their data
        // and size (the kept copy holds the data, so it is not reused while known); the senders
        // of one route merge the same list in turn.
        int keep(const List &list) {
            if (list.isEmpty())
                return -1;
            const QPair<const void *, qsizetype> data{list.constData(), list.size()};
            if (data != m_lastData) {
                auto it = m_byData.constFind(data);
                if (it == m_byData.cend()) {
                    it = m_byData.insert(data, int(m_lists.size()));
                    m_lists.append(list);
                }
                m_lastData = data;
                m_last = *it;
            }
            return m_last;
        }

        QVector<Step> m_steps;
        QHash<Step, int> m_stepIndex;
        QVector<List> m_lists;
        QHash<QPair<const void *, qsizetype>, int> m_byData;
        QPair<const void *, qsizetype> m_lastData{nullptr, 0};
        int m_last = -1;
    };

    // Joins lists into one: provenance as addProvenance does, strings without repeats.
    template <class List> class Joiner;

    QVector<At> m_at; // by hop
    Histories<Provenance> m_provenance;
    Histories<QStringList> m_subsets;
    Histories<QStringList> m_notes;
};

template <> class HopMerges::Joiner<Provenance> {
public:
    explicit Joiner(const Provenance &list)
        : m_index(list) {}
    void add(Provenance &list, const Provenance &items) {
        for (const FlowSource &source : items)
            m_index.add(list, source);
    }

private:
    ProvenanceIndex m_index;
};

// Adds the strings a list lacks, in constant time each once the list is long.
template <> class HopMerges::Joiner<QStringList> {
public:
    explicit Joiner(const QStringList &list) {
        if (list.size() > kIndexFrom)
            m_index = QSet<QString>(list.cbegin(), list.cend());
    }
    void add(QStringList &list, const QStringList &items) {
        for (const QString &item : items) {
            if (m_index.isEmpty() && list.size() > kIndexFrom)
                m_index = QSet<QString>(list.cbegin(), list.cend());
            if (m_index.isEmpty() ? list.contains(item) : m_index.contains(item))
                continue;
            list.append(item);
            if (!m_index.isEmpty())
                m_index.insert(item);
        }
    }

private:
    static constexpr int kIndexFrom = 16;
    QSet<QString> m_index; // once the list is long: what it holds
};

} // namespace egret::flow

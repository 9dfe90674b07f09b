#pragma once

#include "model/flow/FlowGraph.h"

#include <QHash>
#include <QSet>
#include <QVector>

namespace egret::flow {

// What rules merge into hops while the graph is built, replayed when it is finished. Thousands of
// rules merge into a few hops (each sidecar's hop to the egress gateway gets every
// VirtualService's provenance), and those hops mostly get the same lists in the same order. So a
// hop's history is a step in a tree shared by all hops (the lists of its last merge, and the
// history before it), equal histories are one step, and each is replayed once and its result
// shared, instead of copying thousands of sources into every hop. The lists merged are kept (so
// they stay as they are: they are shared) and named by their place among those kept.
class HopMerges {
public:
    // Notes that `from` merges into hop `hop`; `into` is that hop, as it was made.
    void log(int hop, const FlowHop &into, const FlowHop &from) {
        const Step merge{-1, m_provenance.keep(from.provenance), m_strings.keep(from.subsets),
                         m_strings.keep(from.notes)};
        if (merge.provenance < 0 && merge.subsets < 0 && merge.notes < 0)
            return; // merging nothing changes nothing
        if (m_at.size() <= hop)
            m_at.resize(hop + 1, -1);
        int &at = m_at[hop];
        if (at < 0) // the start: the hop's own lists
            at = step({-1, m_provenance.keep(into.provenance), m_strings.keep(into.subsets),
                       m_strings.keep(into.notes)});
        at = step({at, merge.provenance, merge.subsets, merge.notes});
    }

    // Merges what was logged into the hops: provenance joined as addProvenance does, subsets
    // and notes without repeats.
    void replay(QVector<FlowHop> &hops) const {
        QHash<int, FlowHop> made; // by last step: the merged lists
        for (int hop = 0; hop < m_at.size(); ++hop) {
            const int last = m_at.at(hop);
            if (last < 0)
                continue;
            FlowHop &h = hops[hop];
            auto it = made.constFind(last);
            if (it == made.cend()) {
                QVector<const Step *> history; // latest first, down to the start
                for (int s = last; s >= 0; s = m_steps.at(s).parent)
                    history.append(&m_steps.at(s));
                FlowHop merged = h; // from the start, which is h's own
                ProvenanceIndex sources(merged.provenance);
                Strings subsets(merged.subsets);
                Strings notes(merged.notes);
                for (auto step = history.crbegin() + 1; step != history.crend(); ++step) {
                    if ((*step)->provenance >= 0)
                        for (const FlowSource &source : m_provenance.lists.at((*step)->provenance))
                            sources.add(merged.provenance, source);
                    if ((*step)->subsets >= 0)
                        subsets.add(merged.subsets, m_strings.lists.at((*step)->subsets));
                    if ((*step)->notes >= 0)
                        notes.add(merged.notes, m_strings.lists.at((*step)->notes));
                }
                it = made.insert(last, merged);
            }
            h.provenance = it->provenance;
            h.subsets = it->subsets;
            h.notes = it->notes;
        }
    }

private:
    // A history: the lists of its last merge (places among those kept, -1 for none), and the
    // history before it (-1 for the start, whose lists are the hop's own).
    struct Step {
        int parent = -1;
        int provenance = -1;
        int subsets = -1;
        int notes = -1;
        bool operator==(const Step &) const = default;
        friend size_t qHash(const Step &s, size_t seed = 0) {
            return qHashMulti(seed, s.parent, s.provenance, s.subsets, s.notes);
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

    template <class List> struct Kept {
        QVector<List> lists;
        // A list's data and size: the same list (the kept copy holds the data, so it is not
        // reused).
        QHash<QPair<const void *, qsizetype>, int> byData;
        QPair<const void *, qsizetype> lastData{nullptr, 0}; // one route's senders merge it in turn
        int last = -1;

        // The list's place among those kept; -1 for an empty one.
        int keep(const List &list) {
            if (list.isEmpty())
                return -1;
            const QPair<const void *, qsizetype> data{list.constData(), list.size()};
            if (data != lastData) {
                auto it = byData.constFind(data);
                if (it == byData.cend()) {
                    it = byData.insert(data, int(lists.size()));
                    lists.append(list);
                }
                lastData = data;
                last = *it;
            }
            return last;
        }
    };

    // Adds the strings a list lacks, in constant time each once the list is long.
    class Strings {
    public:
        explicit Strings(const QStringList &list) {
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

    QVector<Step> m_steps;
    QHash<Step, int> m_stepIndex;
    QVector<int> m_at; // by hop: its history, or -1 when nothing merged into it
    Kept<Provenance> m_provenance;
    Kept<QStringList> m_strings;
};

} // namespace egret::flow

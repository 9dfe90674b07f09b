#pragma once

#include "model/validation/Index.h"

#include <QHash>

#include <vector>

namespace egret::validation {

// Which analysis units read which table keys, so that a change re-runs only its readers. A unit
// that runs again gets a new generation; what its old generation read is left in place and
// skipped (the caller checks generations), until compact() drops it.
class Readers {
public:
    void clear();
    void add(int unit, quint32 generation, const QVector<DepKey> &keys);

    // f(unit, generation) for every recorded read of `key`, current or stale.
    template <class F> void forEachReader(DepKey key, F &&f) const {
        for (int e = m_heads.value(key, 0); e != 0; e = m_edges[size_t(e)].next)
            f(m_edges[size_t(e)].unit, m_edges[size_t(e)].generation);
    }

    size_t edges() const { return m_edges.size() - 1; }

    // Keeps only the reads for which live(unit, generation) holds.
    template <class F> void compact(F &&live) {
        std::vector<Edge> kept(1);
        QHash<DepKey, int> heads;
        for (auto it = m_heads.cbegin(); it != m_heads.cend(); ++it) {
            for (int e = it.value(); e != 0; e = m_edges[size_t(e)].next) {
                const Edge &old = m_edges[size_t(e)];
                if (!live(old.unit, old.generation))
                    continue;
                int &head = heads[it.key()];
                kept.push_back({old.unit, old.generation, head});
                head = int(kept.size() - 1);
            }
        }
        m_edges = std::move(kept);
        m_heads = std::move(heads);
    }

private:
    struct Edge {
        int unit;
        quint32 generation;
        int next; // 0 ends the list
    };
    std::vector<Edge> m_edges = std::vector<Edge>(1); // [0] is the end marker
    QHash<DepKey, int> m_heads;
};

} // namespace egret::validation

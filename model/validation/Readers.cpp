#include "model/validation/Readers.h"

namespace egret::validation {

void Readers::clear() {
    m_edges.assign(1, Edge{});
    m_heads.clear();
}

void Readers::add(int unit, quint32 generation, const QVector<DepKey> &keys) {
    for (DepKey key : keys) {
        int &head = m_heads[key];
        m_edges.push_back({unit, generation, head});
        head = int(m_edges.size() - 1);
    }
}

} // namespace egret::validation

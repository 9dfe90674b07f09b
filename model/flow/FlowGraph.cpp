#include "model/flow/FlowGraph.h"

#include <algorithm>

namespace egret {

QString flowNodeKindName(FlowNodeKind kind) {
    switch (kind) {
    case FlowNodeKind::Workload:
        return QStringLiteral("workload");
    case FlowNodeKind::Gateway:
        return QStringLiteral("gateway");
    case FlowNodeKind::External:
        return QStringLiteral("external");
    }
    return {};
}

QString wireTlsName(WireTls tls) {
    switch (tls) {
    case WireTls::Plaintext:
        return QStringLiteral("plaintext");
    case WireTls::AppTls:
        return QStringLiteral("app-tls");
    case WireTls::IstioMutual:
        return QStringLiteral("ISTIO_MUTUAL");
    case WireTls::Simple:
        return QStringLiteral("SIMPLE");
    case WireTls::Mutual:
        return QStringLiteral("MUTUAL");
    }
    return {};
}

bool parseWireTls(const QString &name, WireTls *out) {
    for (WireTls t : {WireTls::Plaintext, WireTls::AppTls, WireTls::IstioMutual, WireTls::Simple,
                      WireTls::Mutual}) {
        if (wireTlsName(t) == name) {
            *out = t;
            return true;
        }
    }
    return false;
}

void addProvenance(Provenance &provenance, const FlowSource &source) {
    for (FlowSource &s : provenance) {
        const bool same = source.id.isValid() ? s.id == source.id : s.resource == source.resource;
        if (!same)
            continue;
        for (const QString &p : source.paths)
            if (!s.paths.contains(p))
                s.paths.append(p);
        return;
    }
    provenance.append(source);
}

void mergeProvenance(Provenance &into, const Provenance &from) {
    for (const FlowSource &s : from)
        addProvenance(into, s);
}

const FlowNode *FlowGraph::node(const QString &id) const {
    const auto it = m_nodeIndex.constFind(id);
    return it == m_nodeIndex.cend() ? nullptr : &m_nodes[*it];
}

const FlowHop *FlowGraph::hop(const QString &id) const {
    const auto it = m_hopIndex.constFind(id);
    return it == m_hopIndex.cend() ? nullptr : &m_hops[*it];
}

void FlowGraph::reserveHops(qsizetype hops) {
    m_hops.reserve(hops);
    m_hopIndex.reserve(hops);
}

FlowNode &FlowGraph::ensureNode(const FlowNode &prototype) {
    const auto it = m_nodeIndex.constFind(prototype.id);
    if (it != m_nodeIndex.cend())
        return m_nodes[*it];
    m_nodeIndex.insert(prototype.id, int(m_nodes.size()));
    m_nodes.append(prototype);
    return m_nodes.last();
}

FlowNode *FlowGraph::mutableNode(const QString &id) {
    const auto it = m_nodeIndex.constFind(id);
    return it == m_nodeIndex.cend() ? nullptr : &m_nodes[*it];
}

void FlowGraph::finish() {
    m_mergeIndex.clear();
    std::stable_sort(m_nodes.begin(), m_nodes.end(), [](const FlowNode &a, const FlowNode &b) {
        return int(a.kind) < int(b.kind);
    });
    m_nodeIndex.clear();
    for (int i = 0; i < m_nodes.size(); ++i)
        m_nodeIndex.insert(m_nodes[i].id, i);
}

QString FlowGraph::hopId(const FlowHop &hop) {
    return hop.from + QStringLiteral("->") + hop.to + QLatin1Char(':') + QString::number(hop.port) +
           QLatin1Char('/') + hop.protocol + QLatin1Char('/') + wireTlsName(hop.tls);
}

namespace {

template <class T> void appendNew(QStringList &list, QSet<QString> *index, const T &items) {
    for (const QString &item : items) {
        if (index ? index->contains(item) : list.contains(item))
            continue;
        list.append(item);
        if (index)
            index->insert(item);
    }
}

} // namespace

void FlowGraph::mergeInto(int hopIndex, const FlowHop &from) {
    FlowHop &into = m_hops[hopIndex];
    constexpr int kIndexFrom = 16;
    MergeIndex *index = nullptr;
    if (into.provenance.size() + from.provenance.size() > kIndexFrom ||
        into.subsets.size() > kIndexFrom || into.notes.size() > kIndexFrom) {
        const bool fresh = !m_mergeIndex.contains(hopIndex);
        index = &m_mergeIndex[hopIndex];
        if (fresh) {
            for (int i = 0; i < into.provenance.size(); ++i)
                if (into.provenance[i].id.isValid())
                    index->provenance.insert(into.provenance[i].id, i);
            index->subsets = QSet<QString>(into.subsets.cbegin(), into.subsets.cend());
            index->notes = QSet<QString>(into.notes.cbegin(), into.notes.cend());
        }
    }
    appendNew(into.subsets, index ? &index->subsets : nullptr, from.subsets);
    appendNew(into.notes, index ? &index->notes : nullptr, from.notes);
    if (!index) {
        mergeProvenance(into.provenance, from.provenance);
        return;
    }
    for (const FlowSource &s : from.provenance) {
        if (!s.id.isValid()) {
            addProvenance(into.provenance, s);
            continue;
        }
        const auto found = index->provenance.constFind(s.id);
        if (found == index->provenance.cend()) {
            index->provenance.insert(s.id, int(into.provenance.size()));
            into.provenance.append(s);
            continue;
        }
        FlowSource &t = into.provenance[*found];
        for (const QString &p : s.paths)
            if (!t.paths.contains(p))
                t.paths.append(p);
    }
}

FlowHop &FlowGraph::addHop(FlowHop hop) {
    if (hop.id.isEmpty())
        hop.id = hopId(hop);
    const auto it = m_hopIndex.constFind(hop.id);
    if (it == m_hopIndex.cend()) {
        m_hopIndex.insert(hop.id, int(m_hops.size()));
        m_hops.append(std::move(hop));
        return m_hops.last();
    }
    mergeInto(*it, hop);
    FlowHop &existing = m_hops[*it];
    existing.blocked = existing.blocked || hop.blocked;
    if (existing.weight != hop.weight)
        existing.weight.reset();
    const QString varies = QStringLiteral("varies");
    for (auto field : {&FlowHop::timeout, &FlowHop::retries, &FlowHop::fault, &FlowHop::tlsDetail})
        if (existing.*field != hop.*field)
            existing.*field = varies;
    return existing;
}

} // namespace egret

#include "model/flow/FlowGraph.h"

#include "model/flow/HopMerges.h"

#include <algorithm>
#include <charconv>

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
    case WireTls::Hbone:
        return QStringLiteral("HBONE");
    }
    return {};
}

bool parseWireTls(const QString &name, WireTls *out) {
    for (WireTls t : {WireTls::Plaintext, WireTls::AppTls, WireTls::IstioMutual, WireTls::Simple,
                      WireTls::Mutual, WireTls::Hbone}) {
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

ProvenanceIndex::ProvenanceIndex(const Provenance &list) {
    for (int i = int(list.size()) - 1; i >= 0; --i) // the first of a resource counts
        if (list.at(i).id.isValid())
            m_byId.insert(list.at(i).id, i + 1);
}

void ProvenanceIndex::add(Provenance &list, const FlowSource &source) {
    if (!source.id.isValid()) {
        addProvenance(list, source); // compared by name: rare, assumed resources
        return;
    }
    int &position = m_byId[source.id]; // one lookup; 0 for a new resource, else position + 1
    if (position == 0) {
        list.append(source);
        position = int(list.size());
        return;
    }
    FlowSource &s = list[position - 1];
    for (const QString &p : source.paths)
        if (!s.paths.contains(p))
            s.paths.append(p);
}

const FlowNode *FlowGraph::node(const QString &id) const {
    const auto it = m_nodeIndex.constFind(id);
    return it == m_nodeIndex.cend() ? nullptr : &m_nodes[*it];
}

const FlowHop *FlowGraph::hop(const QString &id) const {
    const auto it = m_hopIndex.constFind(HopIdKey(id));
    return it == m_hopIndex.cend() ? nullptr : &m_hops[*it];
}

FlowNode &FlowGraph::ensureNode(const FlowNode &prototype) {
    const qsizetype known = m_nodeIndex.size();
    int &index = m_nodeIndex[prototype.id]; // one lookup, inserting when absent
    if (m_nodeIndex.size() == known)
        return m_nodes[index];
    index = int(m_nodes.size());
    m_nodes.append(prototype);
    return m_nodes.last();
}

FlowNode *FlowGraph::mutableNode(const QString &id) {
    const auto it = m_nodeIndex.constFind(id);
    return it == m_nodeIndex.cend() ? nullptr : &m_nodes[*it];
}

void FlowGraph::finish() {
    settle();
    std::stable_sort(m_nodes.begin(), m_nodes.end(), [](const FlowNode &a, const FlowNode &b) {
        return int(a.kind) < int(b.kind);
    });
    m_nodeIndex.clear();
    for (int i = 0; i < m_nodes.size(); ++i)
        m_nodeIndex.insert(m_nodes[i].id, i);
}

QString FlowGraph::hopId(const FlowHop &hop) {
    // Written in place, in one allocation: every new hop needs one.
    char digits[16];
    const auto digitsEnd = std::to_chars(digits, digits + sizeof digits, hop.port).ptr;
    const QString tls = wireTlsName(hop.tls);
    QString id(hop.from.size() + hop.to.size() + (digitsEnd - digits) + hop.protocol.size() +
                   tls.size() + 5,
               Qt::Uninitialized);
    QChar *out = id.data();
    auto put = [&](QStringView part) { out = std::copy(part.begin(), part.end(), out); };
    put(hop.from);
    put(u"->");
    put(hop.to);
    *out++ = QLatin1Char(':');
    for (const char *c = digits; c != digitsEnd; ++c)
        *out++ = QLatin1Char(*c);
    *out++ = QLatin1Char('/');
    put(hop.protocol);
    *out++ = QLatin1Char('/');
    put(tls);
    return id;
}

namespace {

// A hop by the fields its id is made of. Strings count by their data: senders and nodes give
// every hop they make the same string, and a key points into the stored hop's own, which stays
// as it is (from, to and protocol never change while building). Equal strings with other data
// do not match: those hops are found by their id.
struct HopKey {
    const QChar *from = nullptr;
    const QChar *to = nullptr;
    const QChar *protocol = nullptr;
    qsizetype fromSize = 0;
    qsizetype toSize = 0;
    qsizetype protocolSize = 0;
    int port = 0;
    WireTls tls = WireTls::Plaintext;
    bool operator==(const HopKey &) const = default;
};

size_t qHash(const HopKey &k, size_t seed = 0) {
    // Mixed first, hashed once: asked for every sender of every route.
    const quintptr mixed = quintptr(k.from) * 31 ^ quintptr(k.to) * 17 ^ quintptr(k.protocol) ^
                           quintptr(k.port) << 24 ^ quintptr(k.tls);
    return ::qHash(mixed, seed);
}

HopKey keyOf(const FlowHop &hop) {
    return {hop.from.constData(),
            hop.to.constData(),
            hop.protocol.constData(),
            hop.from.size(),
            hop.to.size(),
            hop.protocol.size(),
            hop.port,
            hop.tls};
}

} // namespace

struct FlowGraph::Building {
    // The hops merged into, by their fields, so that merging into one again neither builds nor
    // hashes its id (most hops are never merged into, and are not here).
    QHash<HopKey, int> byKey;
    flow::HopMerges merges;
};

FlowGraph::Building &FlowGraph::building() {
    if (!m_building)
        m_building = std::make_shared<Building>();
    return *m_building;
}

void FlowGraph::settle() {
    if (m_building)
        m_building->merges.replay(m_hops);
    m_building.reset();
}

QVector<FlowHop> &FlowGraph::mutableHops() {
    settle(); // whoever changes hops may change their keys' fields
    return m_hops;
}

FlowHop &FlowGraph::addHop(FlowHop &&hop) {
    return add(hop, &hop);
}

FlowHop &FlowGraph::addHop(const FlowHop &hop) {
    return add(hop, nullptr);
}

FlowHop &FlowGraph::add(const FlowHop &hop, FlowHop *movable) {
    int index = -1;
    if (!hop.id.isEmpty()) {
        const qsizetype known = m_hopIndex.size();
        int &slot = m_hopIndex[HopIdKey(hop.id)];
        if (m_hopIndex.size() != known) {
            slot = int(m_hops.size());
            m_hops.append(movable ? std::move(*movable) : hop);
            return m_hops.last();
        }
        index = slot;
    } else if (const auto it = building().byKey.constFind(keyOf(hop));
               it != m_building->byKey.cend()) {
        index = *it;
    } else {
        // Fields that differ may still make the same id: the id decides.
        QString id = hopId(hop);
        const qsizetype known = m_hopIndex.size();
        int &slot = m_hopIndex[HopIdKey(id)]; // one lookup, inserting when absent
        if (m_hopIndex.size() != known) {
            slot = int(m_hops.size());
            m_hops.append(movable ? std::move(*movable) : hop);
            m_hops.last().id = std::move(id);
            return m_hops.last();
        }
        // Merged into: later merges find it by its fields (most hops never are merged into).
        index = slot;
        if (const FlowHop &existing = m_hops.at(index); existing.id == hopId(existing))
            building().byKey.insert(keyOf(existing), index);
    }
    building().merges.log(index, m_hops.at(index), hop);
    FlowHop &existing = m_hops[index];
    existing.blocked = existing.blocked || hop.blocked;
    if (existing.weight != hop.weight)
        existing.weight.reset();
    const QString varies = QStringLiteral("varies");
    for (auto field :
         {&FlowHop::timeout, &FlowHop::retries, &FlowHop::fault, &FlowHop::tlsDetail}) {
        const QString &was = existing.*field;
        const QString &is = hop.*field;
        // Mostly both empty, or the same string: no need to compare text.
        if (was.size() != is.size() || (!was.isEmpty() && !was.isSharedWith(is) && was != is))
            existing.*field = varies;
    }
    return existing;
}

} // namespace egret

#include "views/graph/HostGrouping.h"

#include <QRegularExpression>

#include <algorithm>
#include <functional>
#include <map>
#include <memory>

namespace egret::views {

namespace {

// A domain-suffix tree: children by the next label to the left.
struct Trie {
    QString suffix;
    std::map<QString, std::unique_ptr<Trie>> children;
    QStringList hosts; // hosts whose name is this suffix (or a wildcard on it)
    int total = 0;
};

QStringList labelsLeftOf(const QString &name, const QString &suffix) {
    const QString head = name.left(name.size() - suffix.size());
    QStringList parts = head.split(QLatin1Char('.'), Qt::SkipEmptyParts);
    std::reverse(parts.begin(), parts.end());
    return parts;
}

} // namespace

QString registrableDomain(const QString &host) {
    QString h = host.toLower();
    if (h.startsWith(QLatin1String("*.")))
        h = h.mid(2);
    static const QRegularExpression address(QStringLiteral("^[0-9.:/]+$"));
    if (address.match(h).hasMatch())
        return {};
    const QStringList parts = h.split(QLatin1Char('.'), Qt::SkipEmptyParts);
    if (parts.size() < 2)
        return {};
    int keep = 2;
    if (parts.size() >= 3 && parts.last().size() == 2 && parts.at(parts.size() - 2).size() <= 3)
        keep = 3; // bbc.co.uk, example.com.au
    return parts.mid(parts.size() - keep).join(QLatin1Char('.'));
}

HostGrouping HostGrouping::build(const FlowGraph &graph, int groupFrom) {
    HostGrouping out;
    QVector<const FlowNode *> hosts;
    for (const FlowNode &n : graph.nodes())
        if (n.kind == FlowNodeKind::External)
            hosts.append(&n);
    if (hosts.size() <= groupFrom) {
        for (const FlowNode *n : hosts)
            out.m_ungrouped << n->id;
        return out;
    }

    std::map<QString, std::unique_ptr<Trie>> roots;
    for (const FlowNode *n : hosts) {
        const QString base = registrableDomain(n->label);
        if (base.isEmpty()) {
            out.m_ungrouped << n->id;
            continue;
        }
        std::unique_ptr<Trie> &root = roots[base];
        if (!root) {
            root = std::make_unique<Trie>();
            root->suffix = base;
        }
        Trie *t = root.get();
        ++t->total;
        QString name = n->label.toLower();
        if (name.startsWith(QLatin1String("*.")))
            name = name.mid(2);
        const QStringList left = labelsLeftOf(name, base);
        // The last label is the host's own: stop one short of it, so hosts sit in the group
        // of their parent domain.
        for (int i = 0; i + 1 < left.size(); ++i) {
            std::unique_ptr<Trie> &child = t->children[left.at(i)];
            if (!child) {
                child = std::make_unique<Trie>();
                child->suffix = left.at(i) + QLatin1Char('.') + t->suffix;
            }
            t = child.get();
            ++t->total;
        }
        t->hosts << n->id;
    }

    // Makes the group for a subtree and returns its id (empty when it makes none, its hosts
    // then going to `spill`).
    std::function<QString(Trie *, const QString &, QStringList &)> make =
        [&](Trie *t, const QString &parent, QStringList &spill) -> QString {
        if (t->total < 2) {
            std::function<void(Trie *)> all = [&](Trie *x) {
                spill << x->hosts;
                for (auto &c : x->children)
                    all(c.second.get());
            };
            all(t);
            return {};
        }
        // A chain with one child and no hosts of its own is one group: the deepest.
        while (t->hosts.isEmpty() && t->children.size() == 1 &&
               t->children.begin()->second->total == t->total)
            t = t->children.begin()->second.get();
        HostGroup g;
        g.id = QStringLiteral("group:") + t->suffix;
        g.suffix = t->suffix;
        g.label = QStringLiteral("*.") + t->suffix;
        g.parent = parent;
        g.total = t->total;
        const int index = int(out.m_groups.size());
        out.m_groups.append(g);
        out.m_index.insert(g.id, index);
        QStringList direct = t->hosts;
        QStringList children;
        for (auto &c : t->children) {
            const QString child = make(c.second.get(), g.id, direct);
            if (!child.isEmpty())
                children << child;
        }
        HostGroup &stored = out.m_groups[index];
        stored.groups = children;
        stored.hosts = direct;
        for (const QString &h : std::as_const(direct))
            out.m_groupOf.insert(h, stored.id);
        const QString id = stored.id;
        out.limitFanOut(index);
        return id;
    };
    for (auto &r : roots) {
        const QString id = make(r.second.get(), QString(), out.m_ungrouped);
        if (!id.isEmpty())
            out.m_top << id;
    }
    return out;
}

namespace {

// "partner-2" before "partner-10": digit runs compare as numbers.
bool naturalLess(const QString &a, const QString &b) {
    int i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a.at(i).isDigit() && b.at(j).isDigit()) {
            int ie = i, je = j;
            while (ie < a.size() && a.at(ie).isDigit())
                ++ie;
            while (je < b.size() && b.at(je).isDigit())
                ++je;
            const qulonglong x = a.mid(i, ie - i).toULongLong();
            const qulonglong y = b.mid(j, je - j).toULongLong();
            if (x != y)
                return x < y;
            i = ie;
            j = je;
            continue;
        }
        if (a.at(i) != b.at(j))
            return a.at(i) < b.at(j);
        ++i;
        ++j;
    }
    return a.size() - i < b.size() - j;
}

} // namespace

void HostGrouping::limitFanOut(int index) {
    struct Entry {
        QString key; // the name left of the group's suffix
        QString id;
        bool group;
        int total;
    };
    const QString suffix = m_groups[index].suffix;
    auto keyOf = [&](const QString &name) {
        const QString n = name.toLower();
        return n.endsWith(QLatin1Char('.') + suffix) ? n.left(n.size() - suffix.size() - 1) : n;
    };
    QVector<Entry> entries;
    for (const QString &g : std::as_const(m_groups[index].groups)) {
        const HostGroup &child = m_groups[m_index.value(g)];
        entries.append({child.label.startsWith(QLatin1String("*."))
                            ? keyOf(child.suffix)
                            : child.label.section(QStringLiteral(" … "), 0, 0),
                        g, true, child.total});
    }
    for (const QString &h : std::as_const(m_groups[index].hosts)) {
        const QString name = h.mid(h.indexOf(QLatin1Char(':')) + 1);
        entries.append({keyOf(name), h, false, 1});
    }
    if (entries.size() <= kMaxFanOut)
        return;
    std::sort(entries.begin(), entries.end(),
              [](const Entry &a, const Entry &b) { return naturalLess(a.key, b.key); });
    // Ranges of consecutive entries, as even as possible; ranges of ranges when there are many.
    while (entries.size() > kMaxFanOut) {
        const int ranges = (int(entries.size()) + kMaxFanOut - 1) / kMaxFanOut;
        const int per = (int(entries.size()) + ranges - 1) / ranges;
        QVector<Entry> next;
        for (int start = 0; start < entries.size(); start += per) {
            const int end = std::min<int>(int(entries.size()), start + per);
            const QString first = entries[start].key.section(QStringLiteral(" … "), 0, 0);
            const QString last = entries[end - 1].key.section(QStringLiteral(" … "), -1);
            HostGroup r;
            r.id = QStringLiteral("group:%1#%2~%3").arg(suffix, first, last);
            r.suffix = suffix;
            r.label = first + QStringLiteral(" … ") + last;
            r.parent = m_groups[index].id;
            for (int k = start; k < end; ++k) {
                r.total += entries[k].total;
                if (entries[k].group) {
                    r.groups << entries[k].id;
                    m_groups[m_index.value(entries[k].id)].parent = r.id;
                } else {
                    r.hosts << entries[k].id;
                    m_groupOf.insert(entries[k].id, r.id);
                }
            }
            m_index.insert(r.id, int(m_groups.size()));
            m_groups.append(r);
            next.append({r.label, r.id, true, r.total});
        }
        entries = next;
    }
    HostGroup &g = m_groups[index];
    g.groups.clear();
    g.hosts.clear();
    for (const Entry &e : std::as_const(entries))
        g.groups << e.id;
}

const HostGroup *HostGrouping::group(const QString &id) const {
    const auto it = m_index.constFind(id);
    return it == m_index.cend() ? nullptr : &m_groups[*it];
}

QSet<QString> HostGrouping::defaultCollapsed(int budget) const {
    QSet<QString> collapsed;
    for (const HostGroup &g : m_groups)
        collapsed.insert(g.id);
    // Level by level, so that siblings look alike: open a whole level only if it fits.
    qsizetype visible = m_top.size() + m_ungrouped.size();
    QStringList level = m_top;
    while (!level.isEmpty()) {
        qsizetype opened = visible - level.size();
        QStringList next;
        for (const QString &id : std::as_const(level)) {
            const HostGroup *g = group(id);
            opened += g->groups.size() + g->hosts.size();
            next << g->groups;
        }
        if (opened > budget)
            break;
        for (const QString &id : std::as_const(level))
            collapsed.remove(id);
        visible = opened;
        level = next;
    }
    return collapsed;
}

} // namespace egret::views

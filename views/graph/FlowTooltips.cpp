#include "views/graph/FlowTooltips.h"

#include "model/design/HopExplanation.h"
#include "views/graph/FlowStyle.h"

namespace egret::views {

namespace {

QString esc(const QString &s) {
    return s.toHtmlEscaped();
}

QString provenanceList(const Provenance &p, int limit = 8) {
    QString out;
    for (int i = 0; i < p.size() && i < limit; ++i) {
        const FlowSource &s = p.at(i);
        out += QStringLiteral("<br/>&nbsp;&nbsp;%1%2")
                   .arg(esc(s.resource.toString()),
                        s.assumed ? QStringLiteral(" (assumed)") : QString());
        if (!s.paths.isEmpty())
            out += QStringLiteral(" <i>%1</i>").arg(esc(s.paths.join(QStringLiteral(", "))));
    }
    if (p.size() > limit)
        out += QStringLiteral("<br/>&nbsp;&nbsp;… and %1 more").arg(p.size() - limit);
    return out;
}

QString flagText(NodeFlags f) {
    QStringList parts;
    if (f.testFlag(NodeFlag::Undeclared))
        parts << QStringLiteral("undeclared (no ServiceEntry)");
    if (f.testFlag(NodeFlag::Assumed))
        parts << QStringLiteral("assumed, not in the files");
    if (f.testFlag(NodeFlag::Wildcard))
        parts << QStringLiteral("wildcard");
    if (f.testFlag(NodeFlag::InCluster))
        parts << QStringLiteral("in-cluster Service");
    if (f.testFlag(NodeFlag::Unresolved))
        parts << QStringLiteral("no workload matches its selector");
    return parts.join(QStringLiteral(", "));
}

QString hopBody(const FlowHop &h) {
    QString out = QStringLiteral("%1 %2 · %3")
                      .arg(h.port ? QString::number(h.port) : QStringLiteral("any port"),
                           esc(h.protocol), esc(style::tlsDescription(h.tls)));
    if (!h.tlsDetail.isEmpty())
        out += QStringLiteral(" (%1)").arg(esc(h.tlsDetail));
    if (!h.subsets.isEmpty())
        out += QStringLiteral("<br/>subset %1")
                   .arg(esc(h.subsets.mid(0, 5).join(QStringLiteral(", "))) +
                        (h.subsets.size() > 5 ? QStringLiteral(", …") : QString()));
    if (h.weight)
        out += QStringLiteral("<br/>weight %1").arg(*h.weight);
    // The facts the Properties dock explains, in its words: failures first, then up to four
    // notes, then timeout, retries and fault injection.
    int notes = 0;
    for (const design::HopFact &f : design::hopFacts(h)) {
        if (f.isFailure())
            out += QStringLiteral("<br/><font color='#d62d20'>✕ %1</font>").arg(esc(f.sentence));
        else if (f.kind != design::HopFact::Kind::Note)
            out += QStringLiteral("<br/>%1").arg(esc(f.sentence));
        else if (notes++ < 4)
            out += QStringLiteral("<br/><i>%1</i>").arg(esc(f.sentence));
    }
    out += QStringLiteral("<br/>made by:") + provenanceList(h.provenance);
    return out;
}

} // namespace

QString nodeTooltip(const FlowNode &n) {
    QString out = QStringLiteral("<b>%1</b> — %2").arg(esc(n.label), flowNodeKindName(n.kind));
    if (!n.ns.isEmpty())
        out += QStringLiteral("<br/>namespace %1").arg(esc(n.ns));
    if (!n.hosts.isEmpty())
        out +=
            QStringLiteral("<br/>hosts %1").arg(esc(n.hosts.mid(0, 6).join(QStringLiteral(", "))));
    if (!n.ports.isEmpty()) {
        QStringList ports;
        for (int p : n.ports)
            ports << QString::number(p);
        out += QStringLiteral("<br/>ports %1").arg(ports.join(QStringLiteral(", ")));
    }
    if (const QString f = flagText(n.flags); !f.isEmpty())
        out += QStringLiteral("<br/><i>%1</i>").arg(f);
    if (!n.origin.isEmpty())
        out += QStringLiteral("<br/>installation: %1").arg(esc(n.origin));
    if (!n.provenance.isEmpty())
        out += QStringLiteral("<br/>from:") + provenanceList(n.provenance);
    return out;
}

QString groupTooltip(const HostGroup &g) {
    const QString domain = QStringLiteral("*.") + g.suffix;
    return QStringLiteral("<b>%1</b>%2 — %3 hosts<br/><i>double-click to open or fold</i>")
        .arg(esc(g.label), g.label == domain ? QString() : QStringLiteral(" (%1)").arg(esc(domain)))
        .arg(g.total);
}

QString workloadGroupTooltip(const VisibleNode &group) {
    const bool gateways = group.kind == VisibleNode::GatewayGroup;
    QString out = QStringLiteral("<b>%1</b> %2:")
                      .arg(esc(group.label),
                           gateways ? QStringLiteral("that take the same traffic to the same hosts")
                                    : QStringLiteral("whose egress is the same"));
    for (int i = 0; i < group.members.size() && i < 12; ++i)
        out += QStringLiteral("<br/>&nbsp;&nbsp;%1").arg(esc(group.members.at(i)));
    if (group.members.size() > 12)
        out += QStringLiteral("<br/>&nbsp;&nbsp;… and %1 more").arg(group.members.size() - 12);
    return out + QStringLiteral("<br/><i>double-click to show them one by one</i>");
}

QString edgeTooltip(const VisibleEdge &e, const FlowGraph &graph) {
    if (e.hops.size() == 1 && !e.id.startsWith(QLatin1String("bundle:")))
        if (const FlowHop *h = graph.hop(e.hops.first()))
            return QStringLiteral("<b>%1 → %2</b><br/>").arg(esc(h->from), esc(h->to)) +
                   hopBody(*h);
    QString out = QStringLiteral("<b>%1 → %2</b><br/>%3 hops · %4")
                      .arg(esc(e.from), esc(e.to))
                      .arg(e.hops.size())
                      .arg(esc(style::tlsDescription(e.tls)));
    for (int i = 0; i < e.hops.size() && i < 6; ++i)
        if (const FlowHop *h = graph.hop(e.hops.at(i)))
            out += QStringLiteral("<br/>&nbsp;&nbsp;→ %1 %2 %3")
                       .arg(esc(h->to), QString::number(h->port), esc(h->protocol));
    if (e.hops.size() > 6)
        out += QStringLiteral("<br/>&nbsp;&nbsp;… and %1 more").arg(e.hops.size() - 6);
    return out;
}

} // namespace egret::views

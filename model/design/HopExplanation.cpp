#include "model/design/HopExplanation.h"

#include <QCoreApplication>

namespace egret::design {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("egret::design::HopExplanation", text);
}

} // namespace

QString hopTitle(const FlowGraph &flows, const FlowHop &hop) {
    const FlowNode *from = flows.node(hop.from);
    const FlowNode *to = flows.node(hop.to);
    if (!from || !to)
        return {};
    return QStringLiteral("%1 \u2192 %2, %3 %4, %5")
        .arg(from->label, to->label)
        .arg(hop.port)
        .arg(hop.protocol, wireTlsName(hop.tls));
}

QVector<HopFact> hopFacts(const FlowHop &hop) {
    using Kind = HopFact::Kind;
    QVector<HopFact> facts;
    if (hop.blocked)
        facts.append(
            {Kind::Blocked, tr("Blocked: the mesh allows only declared hosts (REGISTRY_ONLY).")});
    for (const QString &p : hop.problems)
        facts.append({Kind::Broken, tr("Broken: %1").arg(p)});
    for (const QString &n : hop.notes)
        facts.append({Kind::Note, n});
    for (const QString &p : hop.policies)
        facts.append({Kind::Note, tr("Restricted at the waypoint by %1.").arg(p)});
    if (!hop.timeout.isEmpty())
        facts.append({Kind::Timeout, tr("Timeout %1.").arg(hop.timeout)});
    if (!hop.retries.isEmpty())
        facts.append({Kind::Retries, tr("Retries: %1.").arg(hop.retries)});
    if (!hop.fault.isEmpty())
        facts.append({Kind::Fault, tr("Fault injected: %1.").arg(hop.fault)});
    return facts;
}

QStringList hopSentences(const FlowHop &hop) {
    QStringList sentences;
    for (const HopFact &f : hopFacts(hop))
        sentences << f.sentence;
    return sentences;
}

} // namespace egret::design

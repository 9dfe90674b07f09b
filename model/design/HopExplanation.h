#pragma once

#include "model/flow/FlowGraph.h"

#include <QString>
#include <QStringList>

namespace egret::design {

// What a hop means in words, for every place that explains one (the Properties dock, the
// canvas's tooltips, the command line): one wording of Istio's effect per hop attribute.

// "shop/frontend → istio-egressgateway, 80 HTTP, ISTIO_MUTUAL"; empty when the hop's ends are
// not in the graph.
QString hopTitle(const FlowGraph &flows, const FlowHop &hop);

// One fact that changes what the traffic experiences, as a sentence.
struct HopFact {
    enum class Kind { Blocked, Broken, Note, Timeout, Retries, Fault };
    Kind kind;
    QString sentence;
    bool isFailure() const { return kind == Kind::Blocked || kind == Kind::Broken; }
};

// The facts in the order a person reads them: blocked, broken (one per finding), the
// derivation's notes, then timeout, retries and fault injection.
QVector<HopFact> hopFacts(const FlowHop &hop);
QStringList hopSentences(const FlowHop &hop); // the facts' sentences

} // namespace egret::design

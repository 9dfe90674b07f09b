#include "views/graph/FlowExplanation.h"

#include "model/design/HopExplanation.h"

#include <QObject>

namespace egret::views {

namespace {

QString sourceLabel(const FlowSource &s) {
    if (s.assumed)
        return QObject::tr("%1 (assumed: part of the Istio installation)")
            .arg(s.resource.toString());
    return s.resource.toString();
}

} // namespace

Explanation explainSelection(const FlowGraph &flows, const FlowSelection &selection) {
    Explanation ex;
    if (selection.hopIds.size() == 1 && selection.nodeIds.isEmpty()) {
        if (const FlowHop *hop = flows.hop(selection.hopIds.first())) {
            ex.title = design::hopTitle(flows, *hop);
            if (!ex.title.isEmpty()) {
                const QStringList sentences = design::hopSentences(*hop);
                ex.summary = sentences.isEmpty() ? QObject::tr("These resources make this hop:")
                                                 : sentences.join(QLatin1Char(' '));
            }
        }
    } else if (selection.nodeIds.size() == 1 && selection.hopIds.isEmpty()) {
        const FlowNode *node = flows.node(selection.nodeIds.first());
        ex.title = node ? node->label : selection.nodeIds.first();
        ex.summary = QObject::tr("These resources define it:");
    } else {
        ex.title = QObject::tr("%n item(s) selected", nullptr,
                               int(selection.nodeIds.size() + selection.hopIds.size()));
        ex.summary = QObject::tr("The resources behind them:");
    }
    // A folded group of thousands stands for thousands of resources: the first ones explain it,
    // and all of them are selected in the Resources dock.
    constexpr int kShown = 40;
    for (const FlowSource &s : selection.provenance) {
        if (ex.sources.size() == kShown)
            break;
        ex.sources.append({s.id, sourceLabel(s), s.paths.join(QStringLiteral(", ")),
                           s.assumed ? QObject::tr("not in your files") : QString()});
    }
    if (selection.provenance.size() > kShown)
        ex.summary += QLatin1Char(' ') +
                      QObject::tr("The first %1 of %2 are listed; the Resources dock selects all.")
                          .arg(kShown)
                          .arg(selection.provenance.size());
    return ex;
}

} // namespace egret::views

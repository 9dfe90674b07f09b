#pragma once

#include "model/core/Kind.h"
#include "model/validation/Messages.h"

#include <QVector>

namespace egret::validation {

class Context;

// One check, as small as Istio's analyzers: a name (Istio's analyzer name for the rules that mirror
// one), what it is for, the kinds it reads, the kinds it analyzes one resource at a time (its
// findings are on those), the messages it can emit, and the step that analyzes one resource.
//
// `inputs` is what Istio's harness would load for the analyzer: the rule sees nothing else, even
// when other rules run beside it. Kind::Pod stands for every workload kind (Deployment,
// StatefulSet, DaemonSet, Pod): offline, a Deployment's pod template is what a cluster's Pods are.
struct Rule {
    const char *name;
    const char *description;
    QVector<Kind> inputs;
    QVector<Kind> subjects;
    QVector<const MessageType *> messages;
    void (*analyze)(Context &ctx);

    bool reads(Kind kind) const;
};

// Every rule, sorted by name.
const QVector<const Rule *> &allRules();
const Rule *ruleByName(const QString &name);

} // namespace egret::validation

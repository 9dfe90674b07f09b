#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace egret {

using Labels = QMap<QString, QString>;

// Kubernetes metadata as written. `ns` is empty when the document names no namespace; the
// effective namespace is on Resource.
struct ObjectMeta {
    QString name;
    QString ns;
    Labels labels;
    Labels annotations;
};

// Kubernetes equality-based selector match: every selector label must be present and equal.
// An empty selector matches everything.
bool selectorMatches(const Labels &selector, const Labels &labels);

// Canonical "k1=v1,k2=v2" form (keys sorted), as Istio prints selectors.
QString selectorString(const Labels &selector);

} // namespace egret

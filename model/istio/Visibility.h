#pragma once

#include <QString>
#include <QStringList>

namespace egret::istio {

// exportTo, read once: "." the resource's own namespace, "*" everyone, "~" no one, else
// namespace names; an empty list means everyone.

// Whether a resource of `resourceNs` exported to `exportTo` is seen from `fromNs`.
bool exportedTo(const QStringList &exportTo, const QString &resourceNs, const QString &fromNs);

// The namespaces a resource is visible in: {"*"} when exportTo is empty or has "*", else the
// listed namespaces with "." meaning the resource's own (the analyzers index by these).
QStringList exportScopes(const QStringList &exportTo, const QString &ns);

// The annotation that carries a Kubernetes Service's exportTo.
inline const QString kServiceExportToAnnotation = QStringLiteral("networking.istio.io/exportTo");
// Its comma-separated list, each entry trimmed. The analyzers drop blank entries; Istio's
// Service controller, which the flows follow, keeps them (KeepEmptyParts), and a blank entry
// names no namespace: the two differ for an annotation of only commas and blanks.
QStringList serviceExportTo(const QString &annotation,
                            Qt::SplitBehavior blanks = Qt::SkipEmptyParts);

} // namespace egret::istio

#pragma once

#include "model/core/Diagnostic.h"
#include "model/validation/Finding.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVector>

namespace egret::cli {

// One line of `egret validate` output: a validator finding or a problem found while loading.
struct ReportItem {
    Diagnostic diagnostic; // code, level, message, resource, location, field path
    QString rule;          // the rule that reported it; empty for load problems
    QString name;          // the message's name ("ReferencedResourceNotFound")
    QString description;   // what the code means, one sentence
    QString helpUri;
    QStringList assumedGateways;
};

QVector<ReportItem> reportItems(const QVector<validation::Finding> &findings,
                                const Diagnostics &loadProblems);

// istioctl's style, one line each:
//   Error [IST0101] (VirtualService default/foo file.yaml:12:7) Referenced gateway not found: "bar"
QByteArray formatText(const QVector<ReportItem> &items);
// An array of objects: code, level, message, resource {kind, namespace, name}, file, line,
// column, path, rule, name, assumedGateways.
QByteArray formatJson(const QVector<ReportItem> &items);
// SARIF 2.1.0, as code-scanning services read it.
QByteArray formatSarif(const QVector<ReportItem> &items, const QString &toolVersion);

} // namespace egret::cli

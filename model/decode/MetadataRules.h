#pragma once

#include "model/core/Kind.h"

#include <QString>
#include <QVector>

#include <yaml-cpp/yaml.h>

namespace egret::decode {

// Kubernetes' own rules for an object's type and metadata, which the API server applies to every
// kind and no CRD schema states: apiVersion and kind well formed, names, namespace, generateName,
// label and annotation keys and values, and the total size of the annotations. Each problem is an
// error at the field it is about.
struct MetadataProblem {
    YAML::Mark mark;
    QString path;    // "metadata.labels", relative to the object
    QString message; // names the rule
};
QVector<MetadataProblem> checkMetadata(const YAML::Node &object, Kind kind,
                                       const QString &kindName);

} // namespace egret::decode

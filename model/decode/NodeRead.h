#pragma once

#include "model/resources/ObjectMeta.h"

#include <yaml-cpp/yaml.h>

#include <QString>
#include <QStringList>

#include <optional>

// Lenient readers for typed decoding: a value of the wrong type reads as absent. The schema
// check reports type errors with positions; decoding never throws.
namespace egret::decode {

// The value at key, or an undefined node. A missing key of a const yaml-cpp node is a "zombie"
// that throws when asked its type; this never returns one.
YAML::Node child(const YAML::Node &n, const char *key);

inline bool present(const YAML::Node &n) {
    return n.IsDefined() && !n.IsNull();
}

QString str(const YAML::Node &n);
QString str(const YAML::Node &n, const char *key);
std::optional<qint64> integer(const YAML::Node &n);
std::optional<qint64> integer(const YAML::Node &n, const char *key);
std::optional<double> number(const YAML::Node &n, const char *key);
std::optional<bool> boolean(const YAML::Node &n, const char *key);
QStringList strList(const YAML::Node &n, const char *key);
Labels strMap(const YAML::Node &n, const char *key);
std::optional<Labels> optionalStrMap(const YAML::Node &n, const char *key);

// Calls f(item) for each item of the list at key.
template <class F> void forEach(const YAML::Node &n, const char *key, F &&f) {
    const YAML::Node list = child(n, key);
    if (!list.IsSequence())
        return;
    for (const YAML::Node &item : list)
        f(item);
}

// The value written canonically: mapping keys sorted, scalars as written. Keys in `skip` are
// left out at the top level.
QString canonical(const YAML::Node &n, const QStringList &skip = {});

} // namespace egret::decode

#pragma once

// Readers that take a value the way kubectl's YAML reading types it, for the rules of the
// DestinationRule and Sidecar webhooks: a value of another type is absent to them, since the
// schema check reports its type.
#include "model/webhook/Fields.h"
#include "model/yaml/Scalars.h"

#include <QString>

#include <optional>

#include <yaml-cpp/yaml.h>

namespace egret::webhook {

namespace detail {

inline bool isPlainOf(const YAML::Node &n, yaml::PlainType type) {
    return n && n.IsScalar() && n.Tag() == "?" && yaml::resolvePlain(n.Scalar()) == type;
}

} // namespace detail

// A string: quoted, or plain text that YAML does not read as a number, boolean or null.
inline std::optional<QString> stringOf(const YAML::Node &n) {
    if (!n || !n.IsScalar())
        return std::nullopt;
    if (n.Tag() == "?" && yaml::resolvePlain(n.Scalar()) != yaml::PlainType::String)
        return std::nullopt;
    return QString::fromStdString(n.Scalar());
}

// The string, or "" when absent or of another type (as an unset protobuf string).
inline QString stringOr(const YAML::Node &n) {
    return stringOf(n).value_or(QString());
}

// A plain integer.
inline std::optional<qint64> intOf(const YAML::Node &n) {
    if (!detail::isPlainOf(n, yaml::PlainType::Int))
        return std::nullopt;
    return integer(n);
}

// A plain number, integer or not.
inline std::optional<double> numberOf(const YAML::Node &n) {
    if (!detail::isPlainOf(n, yaml::PlainType::Int) &&
        !detail::isPlainOf(n, yaml::PlainType::Float))
        return std::nullopt;
    bool ok = false;
    const double v = QString::fromStdString(n.Scalar()).toDouble(&ok);
    return ok ? std::optional<double>(v) : std::nullopt;
}

// A plain boolean that is true (YAML 1.1 spellings included, as kubectl reads them).
inline bool isTrue(const YAML::Node &n) {
    if (!detail::isPlainOf(n, yaml::PlainType::Bool))
        return false;
    const QString v = QString::fromStdString(n.Scalar()).toLower();
    return v == QLatin1String("true") || v == QLatin1String("yes") || v == QLatin1String("on") ||
           v == QLatin1String("y");
}

// The number of items of a sequence, 0 for anything else (an empty list is unset in protobuf).
inline int itemCount(const YAML::Node &n) {
    return n && n.IsSequence() ? int(n.size()) : 0;
}

// Type tests that are false for an absent node (yaml-cpp throws on those of a missing key).
inline bool isMap(const YAML::Node &n) {
    return n && n.IsMap();
}

// A field that holds a message: present and a mapping.
inline bool hasMessage(const YAML::Node &map, const char *key) {
    const YAML::Node n = field(map, key);
    return n && n.IsMap();
}

} // namespace egret::webhook

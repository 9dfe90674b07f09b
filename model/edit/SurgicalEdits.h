#pragma once

#include "model/yaml/Emitter.h"

#include <yaml-cpp/yaml.h>

#include <QByteArray>
#include <QString>

#include <optional>

namespace egret::edit::surgical {

// Text edits that follow a document's block structure (yaml-cpp marks give where nodes start,
// line indentation where they end). Each returns nothing when the text is not in the simple
// block form it handles; the caller verifies every result by parsing it again.
// `root` is the tree parsed from `text`.

std::optional<QByteArray> appendItem(const QByteArray &text, const YAML::Node &root,
                                     const QString &sequencePath, const YAML::Node &item,
                                     const yaml::EmitStyle &style);
std::optional<QByteArray> insertEntry(const QByteArray &text, const YAML::Node &root,
                                      const QString &mapPath, const QString &key,
                                      const YAML::Node &value, const yaml::EmitStyle &style);
std::optional<QByteArray> removeEntry(const QByteArray &text, const YAML::Node &root,
                                      const QString &mapPath, const QString &key);
std::optional<QByteArray> removeItem(const QByteArray &text, const YAML::Node &root,
                                     const QString &sequencePath, int index);
std::optional<QByteArray> setScalar(const QByteArray &text, const YAML::Node &root,
                                    const QString &path, const YAML::Node &value);

// Re-emits one mapping entry `key: value` in place of the existing one, in block style at the
// key's column: the fallback for flow collections, block scalars and the like.
std::optional<QByteArray> replaceEntry(const QByteArray &text, const YAML::Node &root,
                                       const QString &mapPath, const QString &key,
                                       const YAML::Node &value, const yaml::EmitStyle &style);

// The same edits on a flow collection written on one line (`hosts: [a, b]`,
// `metadata: {name: x}`) whose items are scalars: the new item goes before the closing
// bracket, so that the comments of the line are kept (FlowEdits.cpp).
namespace flow {
std::optional<QByteArray> appendItem(const QByteArray &text, const YAML::Node &seq,
                                     const YAML::Node &item);
std::optional<QByteArray> removeItem(const QByteArray &text, const YAML::Node &seq, int index);
std::optional<QByteArray> insertEntry(const QByteArray &text, const YAML::Node &map,
                                      const QString &key, const YAML::Node &value);
std::optional<QByteArray> removeEntry(const QByteArray &text, const YAML::Node &map,
                                      const QString &key);
} // namespace flow

} // namespace egret::edit::surgical

#pragma once

#include "model/schema/SchemaNode.h"
#include "model/yaml/NodeBudget.h"

#include <QString>

#include <string_view>

namespace YAML {
class Node;
}

namespace egret::schema {

// Walks a parsed document against a schema (or, with a null schema, only for structure):
// types, enums, required fields, one-of groups, unknown fields, duplicate keys, nesting depth,
// and text yaml-cpp read although it is not YAML (`text` is the document the marks point into).
// Every node visited spends from the budget; returns false when the budget or the depth limit
// ran out, after reporting it once.
bool checkDocument(std::string_view text, const YAML::Node &root, const Node *schema,
                   yaml::NodeBudget &budget, CheckSink &sink);

// "a mapping", "a list", "the string \"80\"", "the number 80", ...: how a value is named in
// messages.
QString describeValue(const YAML::Node &value);

} // namespace egret::schema

#pragma once

#include "model/yaml/NodeBudget.h"

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>

namespace egret::yaml {

// How block YAML is laid out. Normalized output uses the defaults (kubectl's style); an edited
// document is re-emitted in the style detected from its original text to keep diffs small.
struct EmitStyle {
    int indent = 2;
    bool indentSequences = false;     // "key:\n  - a" rather than "key:\n- a"
    bool keepFlowCollections = false; // write [a, b] back as flow when it was flow
};

// Infers indentation and sequence style from a parsed document.
EmitStyle detectStyle(const YAML::Node &root);

// Writes one document as block YAML, ending with a newline. Scalars that were plain are written
// as they were; strings that were quoted stay strings (quoted when a plain scalar would read as a
// number, boolean or null). Comments and anchors are not kept: aliases are written out expanded.
// Returns nothing when the tree expands past the budget (an alias bomb).
std::optional<std::string> emitDocument(const YAML::Node &root, const EmitStyle &style,
                                        NodeBudget &budget);

} // namespace egret::yaml

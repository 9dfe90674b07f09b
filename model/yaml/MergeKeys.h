#pragma once

#include "model/yaml/NodeBudget.h"

#include <QByteArray>

namespace YAML {
class Node;
}

namespace egret::yaml {

// Applies YAML 1.1 merge keys (`<<: *defaults`), which kubectl honours and yaml-cpp does not:
// entries of the merged mappings are added where the mapping does not set them itself, and the
// `<<` entry goes. Cheap to call on documents without `<<` (the text is checked first).
// Returns false when the budget ran out.
bool expandMergeKeys(const QByteArray &text, YAML::Node &root, NodeBudget &budget);

} // namespace egret::yaml

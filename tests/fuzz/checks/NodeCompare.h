#pragma once

#include "model/yaml/NodeBudget.h"

#include <yaml-cpp/yaml.h>

#include <QString>

namespace egret::fuzz {

// Compares two parsed trees by what they mean to kubectl: the same structure and key order,
// scalars with the same text and the same type (a quoted "80" is a string, a plain 80 a
// number, an explicit tag is kept). Anchors, styles and comments do not matter. Returns where
// they differ, or an empty string. Gives up (equal) when the walk runs out of budget.
QString compareNodes(const YAML::Node &a, const YAML::Node &b, yaml::NodeBudget &budget);

} // namespace egret::fuzz

#pragma once

#include <yaml-cpp/yaml.h>

namespace egret::edit {

// True when two trees mean the same to Kubernetes: same structure, same key order, scalars with
// the same text and the same type (a quoted "80" is a string, a plain 80 a number; a plain and
// a quoted `a.com` are the same string). Anchors and aliases are compared expanded.
bool sameNode(const YAML::Node &a, const YAML::Node &b);

} // namespace egret::edit

#pragma once

#include <yaml-cpp/yaml.h>

#include <QString>

namespace egret::edit {

// New scalars carry the tag that says how to write them: a string stays a string (quoted when
// it looks like a number), a number or boolean is written plain.
YAML::Node stringScalar(const QString &text);
YAML::Node plainScalar(const QString &text); // numbers, booleans, null
YAML::Node integerScalar(qint64 value);

// The node at a field path such as `spec.servers[0].hosts`, creating missing mappings on the
// way (not sequences: an index must exist). Returns an undefined node when the path cannot be
// made (an index out of range, a scalar in the way).
YAML::Node ensurePath(YAML::Node root, const QString &path);
// The node at the path, or an undefined node; never creates anything.
YAML::Node findPath(const YAML::Node &root, const QString &path);

bool setValue(YAML::Node root, const QString &path, const YAML::Node &value);
// Removes a mapping key or a sequence item; false when it is not there.
bool removePath(YAML::Node root, const QString &path);

} // namespace egret::edit
